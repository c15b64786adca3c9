package org.hoso.extract.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Marks;
import org.hoso.core.api.model.PartialDate;
import org.hoso.extract.api.ExtractedField;
import org.hoso.extract.api.Extraction;
import org.hoso.extract.api.ExtractionInput;
import org.hoso.extract.api.Extractor;
import org.hoso.extract.internal.Text.Column;
import org.hoso.extract.internal.Text.Line;
import org.osgi.service.component.annotations.Component;

/**
 * The default extractor for administrative documents laid out as Decree 30/2020 prescribes (and the Party's
 * documents, which share the layout): issuer and parent in the header's left column, number and symbol under them,
 * place and date on the right, the type line and the abstract in the centre, the signature block bottom right and
 * the recipients bottom left. Reads OCR words with their positions (two-column header rows are separated by
 * their boxes) or plain text (the same rules, by what each line says). Keywords are matched without diacritics, so
 * OCR's diacritic errors do not hide them. Every regular expression is bounded and every line is read at most
 * {@value Text#MAX_LINE} characters far: time is linear in the text, whatever it holds.
 */
@Component
@Extractor.Kind(id = Nd30Extractor.ID, version = Nd30Extractor.VERSION)
public final class Nd30Extractor implements Extractor {

    static final String ID = "nd30";
    static final String VERSION = "1.0";

    /** How many lines from the top the header may take. */
    private static final int HEADER_LINES = 25;

    private static final Pattern NUMBER_LINE = Pattern.compile("(?:^|\\s)s[o06]\\s{0,2}[:;.]?\\s{0,3}(?=\\d)");
    private static final Pattern PLACE_DATE = Pattern.compile(
            "([\\p{L}][\\p{L}. ]{1,40}?)\\s{0,3},\\s{0,3}ngay\\s{0,3}(\\d{1,2})\\s{0,3}(?:thang\\s{0,3}(\\d{1,2})\\s{0,3}"
                    + "nam\\s{0,3}(\\d{4})|[/.\\-]\\s{0,2}(\\d{1,2})\\s{0,2}[/.\\-]\\s{0,2}(\\d{4}))");
    private static final Pattern WORD_DATE = Pattern.compile(
            "ngay\\s{0,3}(\\d{1,2})\\s{0,3}thang\\s{0,3}(\\d{1,2})\\s{0,3}nam\\s{0,3}(\\d{4})");
    private static final Pattern NUMERIC_DATE = Pattern.compile(
            "(?<![\\d/])(\\d{1,2})\\s{0,1}[/.\\-]\\s{0,1}(\\d{1,2})\\s{0,1}[/.\\-]\\s{0,1}((?:19|20)\\d{2})(?!\\d)");
    private static final Pattern VV = Pattern.compile("^v\\s{0,2}/\\s{0,2}v\\b");
    private static final Pattern ABOUT = Pattern.compile("^ve\\s+viec\\b");
    private static final Pattern AUTHORITY = Pattern.compile("^(tm|kt|tl|tuq|q|t/m)\\s{0,2}[.,]\\s{0,3}\\S");
    /** "Nơi nhận:", also as OCR misreads its first letter ("4Vơi nhận:"). */
    private static final Pattern RECIPIENTS = Pattern.compile("^[^a-z]{0,2}[a-z]{0,2}oi\\s{0,2}nhan\\b\\s{0,2}:?");
    private static final Pattern NAME = Pattern.compile(
            "(\\p{Lu}\\p{Ll}{0,7}(?:\\s{1,3}\\p{Lu}\\p{Ll}{0,7}){1,4})\\s*$");

    private static final Set<String> MOTTO = Set.of("cong hoa xa hoi chu nghia viet nam", "doc lap - tu do - hanh phuc",
            "dang cong san viet nam", "doc lap tu do hanh phuc");
    private static final Set<String> FAMILY = Set.of("nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu",
            "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "dao", "dinh", "mai", "trinh", "ha", "cao",
            "ta", "to", "lam", "chau", "ma", "nong", "trieu", "vi", "lo", "luong", "chu", "thai", "kieu", "quach",
            "tang", "khuc", "la", "doan", "kim", "hua", "luu", "tu", "ninh", "au", "giang", "lai", "lac", "tong",
            "van", "phung", "thach", "son", "danh", "diep", "bach", "ton", "quan", "khong", "mac", "han", "y");
    /** Titles of people who sign, as printed: a title OCR read with wrong diacritics is given its right form. */
    private static final List<String> TITLES = List.of("CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC",
            "TRƯỞNG PHÒNG", "PHÓ TRƯỞNG PHÒNG", "BỘ TRƯỞNG", "THỨ TRƯỞNG", "CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG",
            "BÍ THƯ", "PHÓ BÍ THƯ", "THỦ TƯỚNG", "PHÓ THỦ TƯỚNG", "HIỆU TRƯỞNG", "PHÓ HIỆU TRƯỞNG", "TRƯỞNG BAN",
            "PHÓ TRƯỞNG BAN", "CỤC TRƯỞNG", "PHÓ CỤC TRƯỞNG", "VIỆN TRƯỞNG", "CHÁNH ÁN", "TỔNG GIÁM ĐỐC",
            "PHÓ TỔNG GIÁM ĐỐC", "CHÁNH THANH TRA", "TRƯỞNG KHOA", "TỔNG CỤC TRƯỞNG", "THƯ KÝ", "CHỦ NHIỆM",
            "TRƯỞNG ĐOÀN", "ĐOÀN TRƯỞNG", "TỔ TRƯỞNG", "TRƯỞNG THÔN", "KẾ TOÁN TRƯỞNG");
    /**
     * Phrases of header lines, as printed: where OCR read one with wrong diacritics ("THÀNH PHÓ") it is given its
     * right form. Only whole phrases are corrected, so "PHÓ" (deputy) and "PHỐ" (city) are told apart by context.
     */
    private static final List<String> HEADER_PHRASES = List.of("ỦY BAN NHÂN DÂN",
            "HỘI ĐỒNG NHÂN DÂN", "THÀNH PHỐ", "THỊ TRẤN", "THỊ XÃ", "TỈNH", "HUYỆN", "QUẬN", "PHƯỜNG", "XÃ", "SỞ",
            "PHÒNG", "BỘ", "BAN CHẤP HÀNH TRUNG ƯƠNG", "ĐẢNG ỦY", "GIÁO DỤC VÀ ĐÀO TẠO", "NỘI VỤ", "TÀI CHÍNH",
            "Y TẾ", "TƯ PHÁP", "VĂN PHÒNG", "CÔNG AN", "NÔNG NGHIỆP", "TÀI NGUYÊN VÀ MÔI TRƯỜNG", "KẾ HOẠCH VÀ ĐẦU TƯ",
            "LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "VĂN HÓA", "THỂ THAO VÀ DU LỊCH", "XÂY DỰNG", "GIAO THÔNG VẬN TẢI",
            "CÔNG THƯƠNG", "THÔNG TIN VÀ TRUYỀN THÔNG", "KHOA HỌC VÀ CÔNG NGHỆ", "ĐÀ NẴNG", "HÀ NỘI",
            "HỒ CHÍ MINH", "TUYÊN QUANG", "YÊN SƠN", "HÒA BÌNH");
    /** Words a header line of a body without its locality ends with: its locality follows on the next line. */
    private static final Pattern BODY_ONLY = Pattern.compile(
            "^(uy ban nhan dan|hoi dong nhan dan|ubnd|hdnd|dang uy|dang bo|ban chap hanh|uy ban)$");
    private static final Pattern LOCALITY = Pattern.compile(
            "^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|tp\\.?)\\s");

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public Extraction extract(ExtractionInput input) {
        try {
            if (input == null || input.text().isBlank()) {
                return Extraction.empty(ID, VERSION);
            }
            return new Run(new Text(input)).run();
        } catch (RuntimeException | StackOverflowError e) {
            // junk must never stop a job: nothing found is the honest answer
            return Extraction.empty(ID, VERSION);
        }
    }

    /** One extraction: the text and what has been found so far. */
    private static final class Run {
        private final Text t;
        private final List<Line> lines;
        private final List<ExtractedField> out = new ArrayList<>();

        Run(Text t) {
            this.t = t;
            this.lines = t.lines;
        }

        private void put(String key, String value, String printed, double confidence, int a, int b) {
            if (value == null || value.isBlank()) {
                return;
            }
            double c = Math.max(0, Math.min(1, confidence * (0.6 + 0.4 * t.confidence(a, b))));
            out.add(new ExtractedField(key, value.strip(), printed.strip(), Math.round(c * 100) / 100.0, t.span(a, b)));
        }

        private String text(Line l) {
            return t.text(l);
        }

        private String fold(Line l) {
            return t.folded(l);
        }

        /** Folded, without trailing punctuation, single spaces. */
        private String key(Line l) {
            return fold(l).replaceAll("[\\s]+", " ").replaceAll("[\\s:;.,]+$", "").strip();
        }

        private static boolean upper(String s) {
            int letters = 0;
            int up = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (Character.isLetter(c)) {
                    letters++;
                    if (Character.isUpperCase(c)) {
                        up++;
                    }
                }
            }
            return letters >= 2 && up >= 0.8 * letters;
        }

        private boolean motto(Line l) {
            String k = key(l).replaceAll("\\s*-\\s*", " - ");
            if (MOTTO.contains(k) || MOTTO.contains(k.replace(" - ", " "))) {
                return true;
            }
            return k.startsWith("cong hoa xa hoi") || k.startsWith("doc lap") || k.endsWith("hanh phuc")
                    || k.matches("^-+$|^_+$|^[-_=\\s]+$");
        }

        Extraction run() {
            int numberLine = number();
            int dateLine = date(numberLine);
            issuer(numberLine);
            int typeLine = type(numberLine, dateLine);
            abstractText(numberLine, typeLine);
            marks(numberLine);
            signature();
            return Extraction.of(ID, VERSION, out);
        }

        // ---- number and symbol -------------------------------------------------------------------------------

        private Optional<Symbols.Parsed> symbol = Optional.empty();

        private int number() {
            int limit = Math.min(lines.size(), HEADER_LINES);
            for (int i = 0; i < limit; i++) {
                Line l = lines.get(i);
                Matcher m = NUMBER_LINE.matcher(fold(l));
                if (m.find()) {
                    String rest = text(l).substring(m.end());
                    Optional<Symbols.Parsed> p = Symbols.parse(rest);
                    if (p.isPresent()) {
                        int a = l.start() + m.end();
                        record(p.get(), a, 0.95);
                        return i;
                    }
                }
            }
            // no "Số:": a bare number and symbol alone on a header line
            for (int i = 0; i < limit; i++) {
                Line l = lines.get(i);
                String s = text(l);
                Optional<Symbols.Parsed> p = Symbols.parse(s);
                if (p.isPresent() && p.get().notation().matches(".*[A-ZĐ]{2}.*")
                        && s.length() - p.get().length() < 4) {
                    record(p.get(), l.start(), 0.7);
                    return i;
                }
            }
            return -1;
        }

        private void record(Symbols.Parsed p, int a, double confidence) {
            symbol = Optional.of(p);
            String printed = t.nfc.substring(a, Math.min(t.nfc.length(), a + p.length()));
            String numberText = p.number();
            put(ItemFields.NUMBER, numberText, numberText, confidence, a, a + Math.min(p.length(),
                    printed.indexOf(numberText.substring(0, 1)) + numberText.length()));
            int sym = Math.max(0, printed.length() - p.notation().length());
            put(ItemFields.NOTATION, p.notation(), printed.substring(Math.min(sym, printed.length())).strip(),
                    confidence, a + Math.min(sym, printed.length()), a + printed.length());
        }

        // ---- place and date ------------------------------------------------------------------------------------

        private int date(int numberLine) {
            int limit = Math.min(lines.size(), HEADER_LINES);
            for (int i = 0; i < limit; i++) {
                Line l = lines.get(i);
                Matcher m = PLACE_DATE.matcher(fold(l));
                if (m.find()) {
                    Optional<String> iso = m.group(3) != null ? iso(m.group(2), m.group(3), m.group(4))
                            : iso(m.group(2), m.group(5), m.group(6));
                    if (iso.isPresent()) {
                        int a = l.start() + m.start(2) - "ngay ".length();
                        a = Math.max(l.start() + m.end(1), a);
                        String place = text(l).substring(m.start(1), m.end(1)).strip();
                        // "Số: 12/QĐ-UBND    Hòa Bình" in a flattened PDF: the place is what follows the symbol
                        place = place.replaceAll("^.*\\s{2,}", "").replaceAll("^[^\\p{L}]+", "").strip();
                        int pa = l.start() + m.end(1) - place.length();
                        put(ItemFields.DATE, iso.get(), t.nfc.substring(a, l.start() + m.end()).strip(),
                                0.95, a, l.start() + m.end());
                        if (plausiblePlace(place)) {
                            put(ItemFields.PLACE, place, place, 0.9, pa, l.start() + m.end(1));
                        }
                        return i;
                    }
                }
            }
            // a date in the header without its place (a page without a header has none: body dates are not it)
            if (numberLine < 0) {
                return -1;
            }
            int from = numberLine;
            for (int i = from; i < Math.min(lines.size(), from + 6); i++) {
                Line l = lines.get(i);
                String f = fold(l);
                Matcher m = WORD_DATE.matcher(f);
                Optional<String> iso = Optional.empty();
                if (m.find()) {
                    iso = iso(m.group(1), m.group(2), m.group(3));
                } else if ((m = NUMERIC_DATE.matcher(f)).find()) {
                    iso = iso(m.group(1), m.group(2), m.group(3));
                }
                if (iso.isPresent()) {
                    put(ItemFields.DATE, iso.get(), text(l).substring(m.start(), m.end()), 0.6, l.start() + m.start(),
                            l.start() + m.end());
                    return i;
                }
            }
            return -1;
        }

        private static boolean plausiblePlace(String place) {
            String[] words = place.split("\\s+");
            return place.length() >= 2 && words.length <= 6 && Character.isUpperCase(place.charAt(0));
        }

        private static Optional<String> iso(String d, String m, String y) {
            try {
                LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
                if (date.getYear() < 1945 || date.getYear() > 2100) {
                    return Optional.empty();
                }
                return Optional.of(PartialDate.of(date).iso());
            } catch (DateTimeException | NumberFormatException e) {
                return Optional.empty();
            }
        }

        // ---- issuer and parent ---------------------------------------------------------------------------------

        private void issuer(int numberLine) {
            if (numberLine < 0) {
                return;
            }
            List<Line> block = new ArrayList<>();
            for (int i = 0; i < numberLine; i++) {
                Line l = lines.get(i);
                String s = text(l);
                if (l.column() == Column.RIGHT || motto(l) || PLACE_DATE.matcher(fold(l)).find() || !upper(s)
                        || mark(key(l)) != null) {
                    continue;
                }
                block.add(l);
            }
            // "ỦY BAN NHÂN DÂN" / "XÃ HÒA BÌNH": one body written over two lines
            List<List<Line>> units = new ArrayList<>();
            for (int i = 0; i < block.size(); i++) {
                Line l = block.get(i);
                if (i + 1 < block.size() && BODY_ONLY.matcher(key(l)).matches()
                        && LOCALITY.matcher(key(block.get(i + 1)) + " ").find()) {
                    units.add(List.of(l, block.get(i + 1)));
                    i++;
                } else {
                    units.add(List.of(l));
                }
            }
            if (units.isEmpty()) {
                return;
            }
            unit(ItemFields.ISSUER, units.get(units.size() - 1), 0.85);
            if (units.size() > 1) {
                unit(ItemFields.ISSUER_PARENT, units.get(units.size() - 2), 0.8);
            }
        }

        private void unit(String key, List<Line> unit, double confidence) {
            StringBuilder sb = new StringBuilder();
            unit.forEach(l -> sb.append(sb.isEmpty() ? "" : " ").append(text(l)));
            String printed = sb.toString().replaceAll("\\s+", " ").strip();
            put(key, corrected(printed, HEADER_PHRASES), printed, confidence, unit.get(0).start(),
                    unit.get(unit.size() - 1).end());
        }

        /** {@code s} with every whole phrase of {@code phrases} that it holds, folded, written right. */
        private static String corrected(String s, List<String> phrases) {
            char[] out = s.toCharArray();
            String folded = Text.fold(s);
            for (String p : phrases) {
                String f = Text.fold(p);
                int from = 0;
                int at;
                while ((at = folded.indexOf(f, from)) >= 0) {
                    int end = at + f.length();
                    boolean whole = (at == 0 || !Character.isLetter(folded.charAt(at - 1)))
                            && (end == folded.length() || !Character.isLetter(folded.charAt(end)));
                    if (whole && Character.isUpperCase(s.charAt(at))) {
                        p.getChars(0, p.length(), out, at);
                    }
                    from = end;
                }
            }
            return new String(out);
        }

        // ---- type ----------------------------------------------------------------------------------------------

        private int type(int numberLine, int dateLine) {
            int from = Math.max(0, Math.max(numberLine, dateLine) - 4);
            for (int i = from; i < Math.min(lines.size(), Math.max(numberLine, dateLine) + 8); i++) {
                Line l = lines.get(i);
                String k = key(l);
                if (k.isEmpty() || k.length() > 30 || !upper(text(l)) || l.column() == Column.LEFT
                        || l.column() == Column.RIGHT) {
                    continue;
                }
                for (var e : Symbols.TYPES.entrySet()) {
                    if (Text.fold(e.getValue()).equals(k)) {
                        String name = e.getValue();
                        double c = 0.9;
                        Optional<String> bySymbol = symbol.flatMap(p -> Symbols.typeOf(p.notation()));
                        if (bySymbol.isPresent()) {
                            c = bySymbol.get().equals(name) ? 0.98 : 0.75;
                        }
                        put(ItemFields.TYPE, Symbols.typeCode(name), name, c, l.start(), l.end());
                        return i;
                    }
                }
            }
            Optional<String> bySymbol = symbol.flatMap(p -> Symbols.typeOf(p.notation()));
            if (bySymbol.isPresent()) {
                String name = bySymbol.get();
                putNear(ItemFields.TYPE, Symbols.typeCode(name), name, 0.8);
            } else if (symbol.isPresent()) {
                // no type line and a symbol without a type: an official letter (công văn)
                putNear(ItemFields.TYPE, Symbols.typeCode("Công văn"), "Công văn", hasVv() ? 0.85 : 0.6);
            }
            return -1;
        }

        /** A type read from the symbol: its span is the symbol's. */
        private void putNear(String key, String value, String printed, double c) {
            ExtractedField notation = out.stream().filter(f -> f.key().equals(ItemFields.NOTATION)).findFirst()
                    .orElse(null);
            if (notation == null) {
                return;
            }
            out.add(new ExtractedField(key, value, printed, c * Math.max(0.6, notation.confidence()),
                    notation.span()));
        }

        private boolean hasVv() {
            for (int i = 0; i < Math.min(lines.size(), HEADER_LINES); i++) {
                if (VV.matcher(fold(lines.get(i))).find()) {
                    return true;
                }
            }
            return false;
        }

        // ---- abstract ------------------------------------------------------------------------------------------

        private void abstractText(int numberLine, int typeLine) {
            int limit = Math.min(lines.size(), HEADER_LINES);
            int start = -1;
            double c = 0;
            for (int i = 0; i < limit; i++) {
                String f = fold(lines.get(i));
                if (VV.matcher(f).find()) {
                    start = i;
                    c = 0.9;
                    break;
                }
            }
            if (start < 0 && typeLine >= 0 && typeLine + 1 < lines.size()) {
                Line next = lines.get(typeLine + 1);
                if (!motto(next) && !AUTHORITY.matcher(fold(next)).find()) {
                    start = typeLine + 1;
                    c = ABOUT.matcher(fold(next)).find() ? 0.9 : 0.75;
                }
            }
            if (start < 0) {
                for (int i = Math.max(0, numberLine); i < limit; i++) {
                    if (ABOUT.matcher(fold(lines.get(i))).find()) {
                        start = i;
                        c = 0.7;
                        break;
                    }
                }
            }
            if (start < 0) {
                return;
            }
            Line first = lines.get(start);
            int end = first.end();
            StringBuilder sb = new StringBuilder(text(first));
            // a wrapped abstract goes on in lower case (or, under a V/v, in the left column)
            for (int i = start + 1; i < Math.min(lines.size(), start + 4); i++) {
                Line l = lines.get(i);
                String s = text(l);
                boolean sameColumn = first.column() == Column.LEFT ? l.column() == Column.LEFT
                        : l.column() != Column.LEFT && l.column() != Column.RIGHT;
                if (s.isEmpty() || !Character.isLowerCase(s.charAt(0)) && !Character.isDigit(s.charAt(0))
                        || !sameColumn || motto(l) || PLACE_DATE.matcher(fold(l)).find()) {
                    break;
                }
                sb.append(' ').append(s);
                end = l.end();
            }
            String value = sb.toString().replaceAll("\\s+", " ").strip();
            put(ItemFields.ABSTRACT, value, value, c, first.start(), end);
        }

        // ---- secrecy and urgency -------------------------------------------------------------------------------

        private static String mark(String k) {
            String m = k.replaceAll("[^a-z ]", "").strip().replaceAll("\\s+", " ");
            return switch (m) {
                case "mat" -> Marks.Secrecy.MAT.text();
                case "toi mat" -> Marks.Secrecy.TOI_MAT.text();
                case "tuyet mat" -> Marks.Secrecy.TUYET_MAT.text();
                case "khan" -> Marks.Urgency.KHAN.text();
                case "thuong khan" -> Marks.Urgency.THUONG_KHAN.text();
                case "hoa toc" -> Marks.Urgency.HOA_TOC.text();
                default -> null;
            };
        }

        private void marks(int numberLine) {
            int limit = Math.min(lines.size(), Math.max(HEADER_LINES, numberLine + 8));
            boolean secrecy = false;
            boolean urgency = false;
            for (int i = 0; i < limit; i++) {
                Line l = lines.get(i);
                String s = text(l);
                if (!upper(s) || s.length() > 40) {
                    continue;
                }
                // the mark alone, or after the symbol on a flattened line ("Số: 12/UBND    KHẨN")
                String[] parts = s.split("\\s{2,}");
                String last = parts[parts.length - 1];
                String m = mark(Text.fold(last));
                if (m == null) {
                    continue;
                }
                int a = l.start() + s.lastIndexOf(last);
                boolean isSecrecy = Text.fold(m).endsWith("mat");
                if (isSecrecy && !secrecy) {
                    put(ItemFields.SECRECY, m, last, 0.9, a, a + last.length());
                    secrecy = true;
                } else if (!isSecrecy && !urgency) {
                    put(ItemFields.URGENCY, m, last, 0.9, a, a + last.length());
                    urgency = true;
                }
            }
        }

        // ---- signature and recipients --------------------------------------------------------------------------

        private void signature() {
            int recipients = -1;
            for (int i = lines.size() - 1; i >= Math.max(0, lines.size() - 60); i--) {
                if (RECIPIENTS.matcher(fold(lines.get(i))).find()) {
                    recipients = i;
                    break;
                }
            }
            int from = Math.max(Math.min(HEADER_LINES, lines.size() / 2), recipients >= 0 ? recipients - 6 : 0);
            from = Math.max(0, Math.min(from, lines.size()));
            int firstAuthority = -1;
            int lastAuthority = -1;
            List<Line> authority = new ArrayList<>();
            for (int i = from; i < lines.size(); i++) {
                Line l = lines.get(i);
                String s = text(l);
                if (AUTHORITY.matcher(fold(l)).find() && upper(s) && s.length() < 80) {
                    if (firstAuthority < 0) {
                        firstAuthority = i;
                    }
                    if (authority.isEmpty() || i - lastAuthority <= 2) {
                        authority.add(l);
                        lastAuthority = i;
                    }
                }
            }
            if (!authority.isEmpty()) {
                Line a0 = authority.get(0);
                Line a1 = authority.get(authority.size() - 1);
                StringBuilder sb = new StringBuilder();
                authority.forEach(l -> sb.append(sb.isEmpty() ? "" : " ").append(text(l).strip()));
                String v = sb.toString().replaceAll("\\s+", " ").replaceAll("^T/M", "TM");
                put(ItemFields.SIGNER_AUTHORITY, v, v, 0.9, a0.start(), a1.end());
            }
            int searchFrom = firstAuthority >= 0 ? lastAuthority + 1
                    : recipients >= 0 ? recipients : from;
            int titleLine = -1;
            for (int i = Math.max(0, firstAuthority >= 0 ? searchFrom : (recipients >= 0 ? recipients : from));
                    i < Math.min(lines.size(), searchFrom + 8); i++) {
                Line l = lines.get(i);
                String s = text(l);
                int off = 0;
                if (i == recipients) {
                    Matcher m = RECIPIENTS.matcher(fold(l));
                    if (m.find()) {
                        off = m.end();
                        s = s.substring(off);
                    }
                }
                String trimmed = s.strip();
                String k = Text.fold(trimmed).replaceAll("[^a-z ]", "").strip().replaceAll("\\s+", " ");
                if (trimmed.isEmpty() || !upper(trimmed) || trimmed.length() > 60) {
                    continue;
                }
                Optional<String> title = TITLES.stream().filter(x -> k.startsWith(Text.fold(x)))
                        .max(java.util.Comparator.comparingInt(String::length));
                boolean known = title.isPresent();
                if (known || firstAuthority >= 0 && i > firstAuthority) {
                    int a = l.start() + off + s.indexOf(trimmed);
                    String value = title.filter(x -> Text.fold(x).equals(k)).orElse(trimmed);
                    put(ItemFields.SIGNER_TITLE, value, trimmed, known ? 0.9 : 0.7, a, a + trimmed.length());
                    titleLine = i;
                    break;
                }
            }
            int nameFrom = titleLine >= 0 ? titleLine + 1 : Math.max(from, recipients);
            if (nameFrom >= 0) {
                for (int i = nameFrom; i < Math.min(lines.size(), nameFrom + 30); i++) {
                    Line l = lines.get(i);
                    String s = text(l);
                    if (s.length() > 160) {
                        continue;
                    }
                    Matcher m = NAME.matcher(s);
                    if (m.find()) {
                        String name = m.group(1);
                        String family = Text.fold(name.split("\\s+")[0]);
                        int before = m.start(1);
                        boolean alone = s.substring(0, before).isBlank()
                                || s.substring(0, before).matches(".*[;:.]\\s*$") || s.substring(0, before)
                                        .matches(".*\\s{2,}$");
                        if (FAMILY.contains(family) && alone && !upper(name)) {
                            put(ItemFields.SIGNER, name, name, s.substring(0, before).isBlank() ? 0.9 : 0.7,
                                    l.start() + before, l.start() + m.end(1));
                            break;
                        }
                    }
                }
            }
            if (recipients >= 0) {
                recipients(recipients);
            }
        }

        private void recipients(int at) {
            List<String> items = new ArrayList<>();
            Line first = lines.get(at);
            int end = first.end();
            String signer = out.stream().filter(f -> f.key().equals(ItemFields.SIGNER)).map(ExtractedField::value)
                    .findFirst().orElse("\u0000");
            String title = out.stream().filter(f -> f.key().equals(ItemFields.SIGNER_TITLE))
                    .map(ExtractedField::value).findFirst().orElse("\u0000");
            Matcher m = RECIPIENTS.matcher(fold(first));
            String rest = m.find() ? text(first).substring(m.end()) : "";
            List<String> candidates = new ArrayList<>();
            candidates.add(rest);
            for (int i = at + 1; i < Math.min(lines.size(), at + 25); i++) {
                Line l = lines.get(i);
                if (l.column() == Column.RIGHT) {
                    continue;
                }
                candidates.add(text(l));
                end = Math.max(end, l.end());
            }
            for (String c : candidates) {
                String s = c.replace(signer, " ").replace(title, " ").replaceAll("\\(Đã ký[^)]*\\)", " ");
                if (AUTHORITY.matcher(Text.fold(s.strip())).find() || upper(s.strip()) && s.strip().length() > 3
                        && !s.strip().startsWith("-")) {
                    continue;
                }
                for (String part : s.split(";")) {
                    String p = part.replaceAll("^[\\s\\-+•*~–—]+", "").replaceAll("[\\s.]+$", "").strip();
                    if (!p.isEmpty() && p.length() < 120) {
                        items.add(p);
                    }
                }
                if (Text.fold(s).strip().replaceAll("^[\\s\\-+•*]+", "").startsWith("luu")) {
                    break;
                }
            }
            if (!items.isEmpty()) {
                String v = String.join("; ", items);
                put(ItemFields.RECIPIENTS, v, v, 0.75, first.start(), end);
            }
        }
    }

    /** For messages: a field key in the language asked for. */
    static String label(String key, Locale locale) {
        return ItemFields.ALL.stream().filter(f -> f.key().equals(key)).findFirst().map(f -> f.label(locale))
                .orElse(key);
    }
}
