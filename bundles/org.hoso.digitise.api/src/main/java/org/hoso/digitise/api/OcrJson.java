package org.hoso.digitise.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stored form of a page's OCR result: what the catalogue keeps as a page's words object, read by the page view
 * (click a word, see it on the image), the search index and the extractors. Compact JSON, UTF-8:
 * <pre>{"width":2480,"height":3508,"dpi":300.0,"languages":"vie","lines":[
 *   {"box":[x,y,w,h],"words":[["CỘNG",x,y,w,h,96.5],...]},...]}</pre>
 * Boxes are in pixels of the page as stored (the original scan), confidences 0–100.
 *
 * @since 0.3.0
 */
public final class OcrJson {

    private OcrJson() {
    }

    /** The page as JSON. */
    public static String write(OcrPage page) {
        StringBuilder sb = new StringBuilder(64 + page.lines().size() * 200);
        sb.append("{\"width\":").append(page.width()).append(",\"height\":").append(page.height())
                .append(",\"dpi\":").append(number(page.dpi())).append(",\"languages\":");
        string(sb, page.languages() == null ? "" : page.languages());
        sb.append(",\"lines\":[");
        for (int i = 0; i < page.lines().size(); i++) {
            OcrLine line = page.lines().get(i);
            sb.append(i == 0 ? "" : ",").append("{\"box\":");
            box(sb, line.box());
            sb.append(",\"words\":[");
            for (int j = 0; j < line.words().size(); j++) {
                OcrWord w = line.words().get(j);
                sb.append(j == 0 ? "[" : ",[");
                string(sb, w.text());
                Box b = w.box();
                sb.append(',').append(b.x()).append(',').append(b.y()).append(',').append(b.width()).append(',')
                        .append(b.height()).append(',').append(number(w.confidence())).append(']');
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    /**
     * Reads what {@link #write} wrote.
     *
     * @throws IllegalArgumentException naming the offset when the text is not such a page
     */
    public static OcrPage read(String json) {
        Reader r = new Reader(json);
        r.expect('{');
        int width = 0;
        int height = 0;
        double dpi = 0;
        String languages = "";
        List<OcrLine> lines = new ArrayList<>();
        do {
            String key = r.string();
            r.expect(':');
            switch (key) {
                case "width" -> width = (int) r.number();
                case "height" -> height = (int) r.number();
                case "dpi" -> dpi = r.number();
                case "languages" -> languages = r.string();
                case "lines" -> {
                    r.expect('[');
                    if (!r.skip(']')) {
                        do {
                            lines.add(line(r));
                        } while (r.skip(','));
                        r.expect(']');
                    }
                }
                default -> throw r.error("unknown key '" + key + "'");
            }
        } while (r.skip(','));
        r.expect('}');
        r.end();
        return new OcrPage(width, height, dpi, languages, lines);
    }

    private static OcrLine line(Reader r) {
        r.expect('{');
        Box box = new Box(0, 0, 0, 0);
        List<OcrWord> words = new ArrayList<>();
        do {
            String key = r.string();
            r.expect(':');
            if (key.equals("box")) {
                r.expect('[');
                box = r.box();
                r.expect(']');
            } else if (key.equals("words")) {
                r.expect('[');
                if (!r.skip(']')) {
                    do {
                        r.expect('[');
                        String text = r.string();
                        r.expect(',');
                        Box b = r.box();
                        r.expect(',');
                        float conf = (float) r.number();
                        r.expect(']');
                        words.add(new OcrWord(text, b, conf));
                    } while (r.skip(','));
                    r.expect(']');
                }
            } else {
                throw r.error("unknown key '" + key + "'");
            }
        } while (r.skip(','));
        r.expect('}');
        return new OcrLine(words, box);
    }

    private static void box(StringBuilder sb, Box b) {
        sb.append('[').append(b.x()).append(',').append(b.y()).append(',').append(b.width()).append(',')
                .append(b.height()).append(']');
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        sb.append('"');
    }

    /** A cursor over the JSON text. */
    private static final class Reader {
        private final String s;
        private int i;

        Reader(String s) {
            this.s = s;
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException("OCR words JSON, offset " + i + ": " + what);
        }

        private void space() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        void expect(char c) {
            space();
            if (i >= s.length() || s.charAt(i) != c) {
                throw error("expected '" + c + "'");
            }
            i++;
        }

        boolean skip(char c) {
            space();
            if (i < s.length() && s.charAt(i) == c) {
                i++;
                return true;
            }
            return false;
        }

        /** Reads four numbers separated by commas: x, y, width, height. */
        Box box() {
            int x = (int) number();
            expect(',');
            int y = (int) number();
            expect(',');
            int w = (int) number();
            expect(',');
            return new Box(x, y, w, (int) number());
        }

        void end() {
            space();
            if (i != s.length()) {
                throw error("text after the end");
            }
        }

        double number() {
            space();
            int start = i;
            while (i < s.length() && "+-.0123456789eE".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            try {
                return Double.parseDouble(s.substring(start, i));
            } catch (NumberFormatException e) {
                throw error("expected a number");
            }
        }

        String string() {
            expect('"');
            StringBuilder sb = new StringBuilder();
            while (true) {
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char c = s.charAt(i++);
                if (c == '"') {
                    return sb.toString();
                }
                if (c != '\\') {
                    sb.append(c);
                    continue;
                }
                if (i >= s.length()) {
                    throw error("unterminated string");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw error("bad \\u escape");
                        }
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            }
        }
    }
}
