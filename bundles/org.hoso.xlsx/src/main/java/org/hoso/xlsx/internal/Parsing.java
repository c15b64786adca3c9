package org.hoso.xlsx.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.VietnameseText;

/**
 * The combined columns of the Decree 30 forms, read apart and written together: "Thời gian tài liệu" (a date range),
 * "Số, ký hiệu văn bản" (number and notation), "Tên loại và trích yếu nội dung" (type and abstract), "Số tờ/Số
 * trang", and scheme headings ("I. HÀNH CHÍNH", "1. Văn phòng").
 */
final class Parsing {

    private Parsing() {
    }

    // --- date ranges

    private static final String DATE = "\\d{1,2}[/.]\\d{1,2}[/.]\\d{4}|\\d{1,2}[/.]\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{4}-\\d{2}"
            + "|\\d{4}";
    private static final Pattern SINGLE = Pattern.compile("(" + DATE + ")");
    private static final Pattern RANGE = Pattern.compile("(?:tu\\s+)?(" + DATE + ")?\\s*(?:-|den|to)\\s*(" + DATE
            + ")?");
    private static final Pattern FROM = Pattern.compile("(?:tu|from)\\s+(" + DATE + ")");
    private static final Pattern UNTIL = Pattern.compile("(?:den|until)\\s+(" + DATE + ")");

    /** A start and an end as written (either may be empty). */
    record Range(String start, String end) {
    }

    /**
     * Reads "01/3/2001 - 15/12/2001", "3/2001 – 12/2001", "2001 - 2003", "từ 2001 đến 2003", "Từ 03/2001" (start
     * only), "Đến 2003" (end only) or a single date (start and end).
     *
     * @throws IllegalArgumentException naming the text when it is none of these
     */
    static Range dateRange(String text) {
        String t = VietnameseText.fold(text).replace('–', '-').replace('—', '-').replace('‒', '-');
        Matcher m;
        if ((m = SINGLE.matcher(t)).matches()) {
            return new Range(m.group(1), m.group(1));
        }
        if ((m = FROM.matcher(t)).matches()) {
            return new Range(m.group(1), "");
        }
        if ((m = UNTIL.matcher(t)).matches()) {
            return new Range("", m.group(1));
        }
        if ((m = RANGE.matcher(t)).matches() && (m.group(1) != null || m.group(2) != null)) {
            return new Range(m.group(1) == null ? "" : m.group(1), m.group(2) == null ? "" : m.group(2));
        }
        throw new IllegalArgumentException("\"" + text + "\" is not a date range: write 01/3/2001 - 15/12/2001, "
                + "03/2001 - 12/2001, 2001 - 2003 or one date");
    }

    /** As the form writes it: "01/03/2001 - 15/12/2001", one date when both are the same, "Từ ..."/"Đến ...". */
    static String dateRange(Optional<PartialDate> start, Optional<PartialDate> end) {
        if (start.isPresent() && end.isPresent()) {
            return start.get().equals(end.get()) ? start.get().display()
                    : start.get().display() + " - " + end.get().display();
        }
        if (start.isPresent()) {
            return "Từ " + start.get().display();
        }
        return end.map(e -> "Đến " + e.display()).orElse("");
    }

    // --- sheets / pages

    private static final Pattern SHEETS = Pattern.compile("(\\d[\\d.,]*)\\s*(?:to)?\\s*(?:/\\s*(\\d[\\d.,]*)\\s*(?:trang)?)?");

    /**
     * "25", "25 tờ", "25/48": sheets, and pages after a slash.
     *
     * @return sheets and pages (empty when not given)
     * @throws IllegalArgumentException when the text is not a count
     */
    static String[] sheetsOrPages(String text) {
        Matcher m = SHEETS.matcher(VietnameseText.fold(text));
        if (!m.matches()) {
            throw new IllegalArgumentException("\"" + text + "\" is not a number of sheets (or sheets/pages)");
        }
        return new String[] { m.group(1), m.group(2) == null ? "" : m.group(2) };
    }

    // --- number and notation

    private static final Pattern NUMBER_NOTATION = Pattern.compile("(\\d+[a-zA-Z]?)\\s*[/-]\\s*(\\S.*)");
    private static final Pattern NUMBER_ONLY = Pattern.compile("\\d+[a-zA-Z]?");
    private static final Pattern SO_PREFIX = Pattern.compile("(?i)^\\s*s[ốô]\\s*:?\\s*");

    /**
     * "03/CT-UBND" → 03, CT-UBND; "127-KL/TW" → 127, KL/TW; "15" → 15, ""; "CT-UBND" → "", CT-UBND. A leading
     * "Số:" is dropped.
     */
    static String[] numberNotation(String text) {
        String t = SO_PREFIX.matcher(VietnameseText.nfc(text.strip())).replaceFirst("").strip();
        Matcher m = NUMBER_NOTATION.matcher(t);
        if (m.matches()) {
            return new String[] { m.group(1), m.group(2).strip() };
        }
        if (NUMBER_ONLY.matcher(t).matches()) {
            return new String[] { t, "" };
        }
        return new String[] { "", t };
    }

    /** Number and notation as the form writes them: "03/CT-UBND". */
    static String numberNotation(String number, String notation) {
        if (number.isEmpty() || notation.isEmpty()) {
            return number + notation;
        }
        return number + "/" + notation;
    }

    // --- type and abstract

    /** A document type with its label's words folded. */
    private record Type(String code, String[] words) {
    }

    private static final List<Type> TYPES = CodeList.builtIn(CodeList.DOCUMENT_TYPE).entries().stream()
            .filter(e -> !VietnameseText.fold(e.vietnamese()).equals("khac"))
            .sorted(Comparator.comparingInt((CodeList.Entry e) -> e.vietnamese().length()).reversed())
            .map(e -> new Type(e.code(), VietnameseText.fold(e.vietnamese()).split(" ")))
            .toList();

    /**
     * "Quyết định về việc thành lập..." → type 02, "về việc thành lập...": the longest document type the text begins
     * with (as a whole word, any case, with or without diacritics). "Khác" is never read as a type.
     *
     * @return type code (empty when the text begins with none) and the rest
     */
    static String[] typeAndAbstract(String text) {
        String t = VietnameseText.nfc(text.strip());
        String[] original = t.split("\\s+", 5);
        String[] words = new String[Math.min(4, original.length)];
        for (int i = 0; i < words.length; i++) {
            words[i] = VietnameseText.fold(original[i]);
        }
        for (Type type : TYPES) {
            String[] label = type.words();
            if (words.length < label.length) {
                continue;
            }
            boolean same = true;
            for (int i = 0; i < label.length && same; i++) {
                String w = words[i];
                // the last word may carry punctuation: "Quyết định:"
                if (i == label.length - 1) {
                    w = w.replaceAll("[:,;.\\-–]+$", "");
                }
                same = w.equals(label[i]);
            }
            if (same) {
                int end = endOfWords(t, label.length);
                String rest = t.substring(end).replaceFirst("^[\\s:,;.\\-–]+", "").strip();
                return new String[] { type.code(), rest };
            }
        }
        return new String[] { "", t };
    }

    private static int endOfWords(String t, int n) {
        int i = 0;
        for (int w = 0; w < n; w++) {
            while (i < t.length() && Character.isWhitespace(t.charAt(i))) {
                i++;
            }
            while (i < t.length() && !Character.isWhitespace(t.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    // --- scheme headings

    /** A scheme heading as written: "I. HÀNH CHÍNH" → I, HÀNH CHÍNH. */
    record Heading(String code, String title) {
    }

    private static final Pattern HEADING = Pattern.compile(
            "([A-Za-z0-9]{1,10}(?:[.\\-_/][A-Za-z0-9]{1,10}){0,5})\\s*[.):]\\s+(.*\\p{L}.*)");

    /** A scheme heading, if the text is one: a code (I, 1, A, a, I.1, 2.3.1...), "." or ")" and a title. */
    static Optional<Heading> heading(String text) {
        Matcher m = HEADING.matcher(VietnameseText.nfc(text.strip()));
        if (!m.matches() || m.group(2).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new Heading(m.group(1), m.group(2).strip()));
    }

    /** How a heading's code is written, which says its level: I, A, 1, a, or dotted (I.1, 1.2). */
    enum CodeStyle {
        ROMAN, UPPER, ARABIC, LOWER, DOTTED, OTHER
    }

    private static final Pattern ROMAN = Pattern.compile("M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})");

    static CodeStyle style(String code) {
        if (code.contains(".")) {
            return CodeStyle.DOTTED;
        }
        if (code.matches("\\d+")) {
            return CodeStyle.ARABIC;
        }
        if (!code.isEmpty() && ROMAN.matcher(code).matches()) {
            return CodeStyle.ROMAN;
        }
        if (code.matches("[A-Z]")) {
            return CodeStyle.UPPER;
        }
        if (code.matches("[a-z]")) {
            return CodeStyle.LOWER;
        }
        return CodeStyle.OTHER;
    }

    /**
     * The open scheme headings while reading down a sheet. A heading closes every heading at its own level or
     * deeper. Its level: a dotted code (I.1, 2.3) sits under the heading whose code it extends; otherwise the level
     * of the first open heading written in the same style (I, A, 1, a), or one deeper than the last. A single
     * letter that continues an open A, B, C... sequence is a letter, not a Roman numeral (C after B).
     */
    static final class Outline {
        private record Open(CodeStyle style, Heading heading) {
        }

        private final List<Open> open = new ArrayList<>();

        void add(Heading h) {
            CodeStyle style = style(h.code());
            if (style == CodeStyle.ROMAN && h.code().length() == 1) {
                for (Open o : open) {
                    if (o.style() == CodeStyle.UPPER && o.heading().code().charAt(0) + 1 == h.code().charAt(0)) {
                        style = CodeStyle.UPPER;
                    }
                }
            }
            if (style == CodeStyle.DOTTED) {
                String parent = h.code().substring(0, h.code().lastIndexOf('.'));
                for (int i = open.size() - 1; i >= 0; i--) {
                    if (open.get(i).heading().code().equalsIgnoreCase(parent)) {
                        truncate(i + 1);
                        open.add(new Open(style, h));
                        return;
                    }
                }
                // a dotted code under no open heading: a sibling of the last dotted heading with as many parts
                for (int i = 0; i < open.size(); i++) {
                    Open o = open.get(i);
                    if (o.style() == CodeStyle.DOTTED && parts(o.heading().code()) == parts(h.code())) {
                        truncate(i);
                        open.add(new Open(style, h));
                        return;
                    }
                }
                open.add(new Open(style, h));
                return;
            }
            for (int i = 0; i < open.size(); i++) {
                if (open.get(i).style() == style) {
                    truncate(i);
                    break;
                }
            }
            open.add(new Open(style, h));
        }

        private static int parts(String code) {
            return code.split("\\.").length;
        }

        private void truncate(int size) {
            while (open.size() > size) {
                open.remove(open.size() - 1);
            }
        }

        /** The open headings from the top down. */
        List<Heading> path() {
            return open.stream().map(Open::heading).toList();
        }
    }

    /** "I. Hành chính", as the form writes a heading. */
    static String heading(String code, String title) {
        return code + ". " + title;
    }

    // --- title rows and footers

    private static final Pattern LABEL = Pattern.compile("([^:]{2,40}?)\\s*:\\s*(.*)");

    /** "Mã phông: H49.64.33" → label "ma phong" (normal form) and value; empty when there is no value. */
    static Optional<String[]> label(String text) {
        Matcher m = LABEL.matcher(VietnameseText.nfc(text.strip()));
        if (!m.matches()) {
            return Optional.empty();
        }
        String value = m.group(2).strip();
        if (value.replaceAll("[.…_\\s]", "").isEmpty()) {
            return Optional.empty(); // a blank form: "Số, ký hiệu hồ sơ: ………."
        }
        return Optional.of(new String[] { Headings.normal(m.group(1)), value });
    }

    /** The lines under a form's table: counts, place and date, signature. Read as the end of the data, never as rows. */
    static boolean isFooter(String text) {
        String f = VietnameseText.fold(text);
        return f.startsWith("muc luc nay gom") || f.startsWith("viet bang chu") || f.startsWith("nguoi lap")
                || f.startsWith("(ky") || f.startsWith("ky ten") || f.startsWith("ky va ghi ro")
                || f.matches("(tm|kt|tl|tuq|q)\\.\\s.*")
                || f.matches(".*ngay\\s*[.…_\\d]+\\s*thang\\s*[.…_\\d]+\\s*nam.*");
    }
}
