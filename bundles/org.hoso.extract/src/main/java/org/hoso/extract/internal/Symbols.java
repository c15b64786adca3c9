package org.hoso.extract.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoso.core.api.model.CodeList;

/**
 * Document numbers and symbols ("số, ký hiệu") as Decree 30/2020 and the Party's rules write them, and the type of
 * document a symbol names. Real noise is tolerated: spaces around the separators ("1906 /SGDĐT-CTrTT"), en and em
 * dashes, a legal document's year ("56/2007/NĐ-CP"), letters after the number ("56b/QĐ-UBND").
 */
final class Symbols {

    private Symbols() {
    }

    /**
     * A parsed number and symbol.
     *
     * @param number   "1906", "56/2007" (a legal document's number carries its year), "127"
     * @param notation "SGDĐT-CTrTT", "NĐ-CP", "KL/TW"
     * @param party    true for the Party's form, number joined to the symbol by a hyphen ("127-KL/TW")
     * @param length   characters of the input the parse used
     */
    record Parsed(String number, String notation, boolean party, int length) {
        /** As the document writes it. */
        String text() {
            return number + (party ? "-" : "/") + notation;
        }
    }

    /** Type abbreviations (Phụ lục III of Decree 30/2020, legal documents, the Party's) and their full names. */
    static final Map<String, String> TYPES = new LinkedHashMap<>();

    static {
        String[][] t = { { "NQ", "Nghị quyết" }, { "QĐ", "Quyết định" }, { "CT", "Chỉ thị" }, { "QC", "Quy chế" },
            { "QyĐ", "Quy định" }, { "QĐi", "Quy định" }, { "TC", "Thông cáo" }, { "TB", "Thông báo" },
            { "HD", "Hướng dẫn" }, { "CTr", "Chương trình" }, { "KH", "Kế hoạch" }, { "PA", "Phương án" },
            { "ĐA", "Đề án" }, { "DA", "Dự án" }, { "BC", "Báo cáo" }, { "BB", "Biên bản" }, { "TTr", "Tờ trình" },
            { "HĐ", "Hợp đồng" }, { "CĐ", "Công điện" }, { "BGN", "Bản ghi nhớ" }, { "BTT", "Bản thỏa thuận" },
            { "GUQ", "Giấy ủy quyền" }, { "GM", "Giấy mời" }, { "GGT", "Giấy giới thiệu" },
            { "GNP", "Giấy nghỉ phép" }, { "PG", "Phiếu gửi" }, { "PC", "Phiếu chuyển" }, { "PB", "Phiếu báo" },
            { "KL", "Kết luận" }, { "NĐ", "Nghị định" }, { "TT", "Thông tư" }, { "TTLT", "Thông tư liên tịch" },
            { "NQLT", "Nghị quyết liên tịch" }, { "L", "Luật" }, { "PL", "Pháp lệnh" }, { "LCT", "Lệnh" },
            { "CV", "Công văn" } };
        for (String[] e : t) {
            TYPES.put(e[0], e[1]);
        }
    }

    private static final String LETTERS = "\\p{L}&";
    /** number [/year] separator symbol, on text whose dashes are already plain hyphens. */
    private static final Pattern NUMBER_SYMBOL = Pattern.compile(
            "(\\d{1,6}[a-zA-Z]?)(?:\\s{0,3}/\\s{0,3}((?:19|20)\\d{2}))?\\s{0,3}([/\\-])\\s{0,3}"
                    + "([" + LETTERS + "][" + LETTERS + "0-9.]{0,24}(?:\\s{0,2}[/\\-]\\s{0,2}[" + LETTERS + "0-9][" + LETTERS
                    + "0-9.]{0,24}){0,6})");
    private static final Pattern DASHES = Pattern.compile("[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]");

    /** En dashes, em dashes and minus signs as plain hyphens; the string keeps its length. */
    static String plainDashes(String s) {
        return DASHES.matcher(s).replaceAll("-");
    }

    /**
     * Parses a number and symbol at the start of {@code text} (leading spaces allowed), or empty. Only the first
     * 120 characters are looked at.
     */
    static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = plainDashes(text.length() > 120 ? text.substring(0, 120) : text);
        int lead = 0;
        while (lead < t.length() && Character.isWhitespace(t.charAt(lead))) {
            lead++;
        }
        Matcher m = NUMBER_SYMBOL.matcher(t);
        if (!m.region(lead, t.length()).lookingAt()) {
            return Optional.empty();
        }
        String number = m.group(1) + (m.group(2) != null ? "/" + m.group(2) : "");
        boolean party = m.group(3).equals("-") && m.group(2) == null;
        String notation = m.group(4).replaceAll("\\s+", "").replaceAll("\\.+$", "");
        if (notation.isEmpty()) {
            return Optional.empty();
        }
        // the symbol ends where the letters stop; trailing separators are not part of it
        notation = notation.replaceAll("[/\\-]+$", "");
        return Optional.of(new Parsed(number, notation, party, m.end()));
    }

    /**
     * The type of document a symbol names: its first group when that is a type abbreviation ("QĐ-UBND",
     * "KL/TW", "TTLT-BCA-BQP"); a law for "QH13"; a decree for "CP"; empty for a công văn's symbol ("SGDĐT-CTrTT",
     * "UBND-SYT") and anything unknown.
     */
    static Optional<String> typeOf(String notation) {
        if (notation == null || notation.isBlank()) {
            return Optional.empty();
        }
        String n = plainDashes(notation.strip());
        String first = n.split("[/\\-]", 2)[0];
        boolean grouped = n.length() > first.length();
        String name = TYPES.get(first);
        if (name == null) {
            // OCR reads "QD" for "QĐ": compare without the stroke when nothing else matches
            for (Map.Entry<String, String> e : TYPES.entrySet()) {
                if (e.getKey().replace('Đ', 'D').equals(first.replace('Đ', 'D'))) {
                    name = e.getValue();
                    break;
                }
            }
        }
        if (name != null && (grouped || first.equals("CP"))) {
            return Optional.of(name);
        }
        if (first.matches("QH\\d*")) {
            return Optional.of("Luật");
        }
        if (first.matches("UBTVQH\\d*")) {
            return Optional.of("Nghị quyết");
        }
        if (first.equals("CP")) {
            return Optional.of("Nghị định");
        }
        return Optional.empty();
    }

    /** The code of a type name in the TT 05/2025 list; types the list lacks (decree, circular, law) are "32" (khác). */
    static String typeCode(String name) {
        CodeList list = CodeList.builtIn(CodeList.DOCUMENT_TYPE);
        return list.find(name).map(CodeList.Entry::code).orElseGet(() -> list.find("Khác")
                .map(CodeList.Entry::code).orElse("32"));
    }
}
