package org.hoso.extract.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hoso.digitise.api.Box;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.ExtractionInput.PlacedWord;
import org.hoso.extract.api.SourceSpan;

/**
 * The input as the extractor reads it: composed (NFC) with a map back to the caller's offsets, a folded twin of the
 * same length (lower case, no diacritics, đ as d) for matching through OCR's diacritic errors, and its lines.
 */
final class Text {

    /** Lines longer than this are only read this far: no rule needs more, and time stays linear. */
    static final int MAX_LINE = 2000;

    private static final char[] FOLD = new char[0x2000];

    static {
        for (int c = 0; c < FOLD.length; c++) {
            String d = Normalizer.normalize(String.valueOf((char) c), Normalizer.Form.NFD);
            char b = d.isEmpty() ? (char) c : d.charAt(0);
            if (b == 'đ' || b == 'Đ') {
                b = 'd';
            }
            FOLD[c] = Character.toLowerCase(b);
        }
    }

    /** Where a line sits on its page, when OCR said so. */
    enum Column {
        LEFT, RIGHT, FULL, UNKNOWN
    }

    /** A line: characters {@code start..end} of {@link #nfc}, with its place on the page when known. */
    record Line(int start, int end, int page, Box box, Column column, float confidence) {
    }

    final String original;
    final String nfc;
    final String folded;
    /** nfc index → original offset of its first character; null when nfc equals the original. */
    private final int[] from;
    private final int[] to;
    final List<Line> lines;
    private final List<PlacedWord> words;

    Text(ExtractionInput input) {
        this.original = input.text();
        if (Normalizer.isNormalized(original, Normalizer.Form.NFC)) {
            nfc = original;
            from = null;
            to = null;
        } else {
            StringBuilder sb = new StringBuilder(original.length());
            int[] f = new int[original.length() + 1];
            int[] t = new int[original.length() + 1];
            int i = 0;
            while (i < original.length()) {
                int j = i + 1;
                while (j < original.length() && isMark(original.charAt(j))) {
                    j++;
                }
                String cluster = j - i == 1 ? original.substring(i, j)
                        : Normalizer.normalize(original.substring(i, j), Normalizer.Form.NFC);
                for (int k = 0; k < cluster.length(); k++) {
                    f[sb.length()] = i;
                    t[sb.length()] = j;
                    sb.append(cluster.charAt(k));
                }
                i = j;
            }
            nfc = sb.toString();
            from = Arrays.copyOf(f, nfc.length());
            to = Arrays.copyOf(t, nfc.length());
        }
        folded = fold(nfc);
        words = input.words();
        lines = input.hasWords() ? ocrLines(input) : textLines();
    }

    private static boolean isMark(char c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    /** Lower case without diacritics, đ as d, the same length as {@code s}. */
    static String fold(String s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            char c = s.charAt(i);
            out[i] = c < FOLD.length ? FOLD[c] : Character.toLowerCase(c);
        }
        return new String(out);
    }

    String text(Line l) {
        return nfc.substring(l.start(), Math.min(l.end(), l.start() + MAX_LINE));
    }

    String folded(Line l) {
        return folded.substring(l.start(), Math.min(l.end(), l.start() + MAX_LINE));
    }

    /**
     * Lines of plain text. A line that holds wide runs of spaces or tabs is two columns flattened side by side (a
     * PDF's text layer read row by row: "Số: 12/QĐ-UBND        Hòa Bình, ngày ..."): its parts become lines of
     * their own, the first on the left, the others on the right.
     */
    private List<Line> textLines() {
        List<Line> out = new ArrayList<>();
        int s = 0;
        for (int i = 0; i <= nfc.length(); i++) {
            if (i == nfc.length() || nfc.charAt(i) == '\n' || nfc.charAt(i) == '\f' || nfc.charAt(i) == '\r') {
                List<int[]> parts = new ArrayList<>();
                int a = s;
                int limit = Math.min(i, s + MAX_LINE);
                int k = s;
                while (k < limit) {
                    if (nfc.charAt(k) == '\t' || k + 2 < limit && nfc.charAt(k) == ' ' && nfc.charAt(k + 1) == ' '
                            && nfc.charAt(k + 2) == ' ') {
                        parts.add(new int[] { a, k });
                        while (k < limit && (nfc.charAt(k) == ' ' || nfc.charAt(k) == '\t')) {
                            k++;
                        }
                        a = k;
                    } else {
                        k++;
                    }
                }
                parts.add(new int[] { a, i });
                List<int[]> trimmed = new ArrayList<>();
                for (int[] p : parts) {
                    int x = p[0];
                    int y = p[1];
                    while (x < y && Character.isWhitespace(nfc.charAt(x))) {
                        x++;
                    }
                    while (y > x && Character.isWhitespace(nfc.charAt(y - 1))) {
                        y--;
                    }
                    if (y > x) {
                        trimmed.add(new int[] { x, y });
                    }
                }
                for (int j = 0; j < trimmed.size(); j++) {
                    Column c = trimmed.size() == 1 ? Column.UNKNOWN : j == 0 ? Column.LEFT : Column.RIGHT;
                    out.add(new Line(trimmed.get(j)[0], trimmed.get(j)[1], 0, null, c, 100));
                }
                s = i + 1;
            }
        }
        return out;
    }

    /**
     * Lines from OCR: each OCR line split where a gap between words is wide (two columns side by side), each part
     * placed left, right or across the page. In the header of the first page (above the first line across the
     * page) the left column is read before the right one, as the issuer's block and the motto are two columns.
     */
    private List<Line> ocrLines(ExtractionInput input) {
        List<Line> out = new ArrayList<>();
        int w = 0;
        List<PlacedWord> all = words;
        while (w < all.size()) {
            PlacedWord first = all.get(w);
            int pageWidth = Math.max(1, input.pages().get(first.page()).width());
            int e = w + 1;
            while (e < all.size() && all.get(e).page() == first.page() && all.get(e).line() == first.line()) {
                e++;
            }
            // the gap between two words that carry letters or digits: marks OCR makes of rules and specks between
            // the two columns ("NẴNG _ CỘNG") do not join them. A gap is wide against the line's usual gap.
            List<Integer> gaps = new ArrayList<>();
            List<Integer> heights = new ArrayList<>();
            int prev = -1;
            for (int k = w; k < e; k++) {
                if (!real(all.get(k))) {
                    continue;
                }
                heights.add(all.get(k).word().box().height());
                if (prev >= 0) {
                    Box a = all.get(prev).word().box();
                    gaps.add(all.get(k).word().box().x() - (a.x() + a.width()));
                }
                prev = k;
            }
            double height = median(heights);
            // two columns meet around the middle of the page: a wide gap elsewhere (after "Số:", in justified body
            // text) does not split a line
            double wide = gaps.size() >= 3 ? Math.max(1.8 * median(gaps), 0.5 * height) : 0.8 * height;
            int segStart = w;
            int lastReal = -1;
            for (int k = w; k < e; k++) {
                if (!real(all.get(k))) {
                    continue;
                }
                if (lastReal >= 0) {
                    Box a = all.get(lastReal).word().box();
                    Box b = all.get(k).word().box();
                    int gap = b.x() - (a.x() + a.width());
                    if (gap > wide && a.x() + a.width() < 0.6 * pageWidth && b.x() > 0.4 * pageWidth) {
                        addSegment(out, all.subList(segStart, k), pageWidth);
                        segStart = k;
                    }
                }
                lastReal = k;
            }
            addSegment(out, all.subList(segStart, e), pageWidth);
            w = e;
        }
        // header of the first page: left column first, then right, each top to bottom
        int firstFull = 0;
        while (firstFull < out.size() && out.get(firstFull).page() == 0 && (out.get(firstFull).column() != Column.FULL
                || firstFull < 2)) {
            firstFull++;
        }
        List<Line> header = new ArrayList<>(out.subList(0, firstFull));
        header.sort((a, b) -> {
            int ca = a.column() == Column.RIGHT ? 1 : 0;
            int cb = b.column() == Column.RIGHT ? 1 : 0;
            return ca != cb ? Integer.compare(ca, cb) : Integer.compare(a.box().y(), b.box().y());
        });
        List<Line> ordered = new ArrayList<>(header);
        ordered.addAll(out.subList(firstFull, out.size()));
        return ordered;
    }

    private static double median(List<Integer> xs) {
        if (xs.isEmpty()) {
            return 0;
        }
        List<Integer> sorted = new ArrayList<>(xs);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    private static boolean real(PlacedWord w) {
        return w.word().text().codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** A segment without the marks at its ends; nothing when it holds no letter or digit. */
    private void addSegment(List<Line> out, List<PlacedWord> ws, int pageWidth) {
        int a = 0;
        int b = ws.size();
        while (a < b && !real(ws.get(a))) {
            a++;
        }
        while (b > a && !real(ws.get(b - 1))) {
            b--;
        }
        if (b > a) {
            out.add(segment(ws.subList(a, b), pageWidth));
        }
    }

    private Line segment(List<PlacedWord> ws, int pageWidth) {
        Box box = ws.get(0).word().box();
        double conf = 0;
        for (PlacedWord p : ws) {
            box = box.union(p.word().box());
            conf += p.word().confidence();
        }
        int a = toNfc(ws.get(0).start());
        int b = toNfc(ws.get(ws.size() - 1).end());
        double left = box.x() / (double) pageWidth;
        double right = (box.x() + box.width()) / (double) pageWidth;
        double centre = (left + right) / 2;
        // the issuer's block is centred at about 0.3 of the width, the motto at about 0.7; a title is centred on the
        // page and body lines run across it
        Column c = centre < 0.42 && right < 0.62 ? Column.LEFT
                : centre > 0.58 && left > 0.35 ? Column.RIGHT : Column.FULL;
        return new Line(a, b, ws.get(0).page(), box, c, (float) (conf / ws.size()));
    }

    /** The nfc offset of an original offset. */
    private int toNfc(int original) {
        if (from == null) {
            return original;
        }
        int i = Arrays.binarySearch(from, original);
        if (i < 0) {
            i = -i - 1;
        }
        return Math.min(i, nfc.length());
    }

    /** The span in the caller's text of nfc characters {@code a..b}, with the boxes of the words it touches. */
    SourceSpan span(int a, int b) {
        int s = from == null ? a : a < from.length ? from[a] : original.length();
        int e = to == null ? b : b == 0 ? 0 : b - 1 < to.length ? to[b - 1] : original.length();
        List<SourceSpan.WordBox> boxes = new ArrayList<>();
        for (PlacedWord w : words) {
            if (w.end() > s && w.start() < e) {
                boxes.add(new SourceSpan.WordBox(w.page(), w.word().box()));
            }
        }
        return new SourceSpan(s, Math.max(s, e), boxes);
    }

    /** Mean OCR confidence (0..1) of the words in nfc characters {@code a..b}; 1 for plain text. */
    double confidence(int a, int b) {
        if (words.isEmpty()) {
            return 1;
        }
        SourceSpan sp = span(a, b);
        double sum = 0;
        int n = 0;
        for (PlacedWord w : words) {
            if (w.end() > sp.start() && w.start() < sp.end()) {
                sum += w.word().confidence();
                n++;
            }
        }
        return n == 0 ? 0.5 : Math.max(0, Math.min(1, sum / n / 100));
    }
}
