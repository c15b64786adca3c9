package org.hoso.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.FileFields;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.PartialDate;
import org.hoso.core.api.model.VietnameseText;

/** Makes the Lucene documents of a file and of its documents from their described values. */
final class Entries {

    private static final CodeList TYPES = CodeList.builtIn(CodeList.DOCUMENT_TYPE);
    /** A file whose dates span more years than this is indexed under its first and last years only. */
    private static final int MAX_YEARS = 200;

    private Entries() {
    }

    /** A file as the index needs it. */
    record FileEntry(String fondsCode, String fileCode, Optional<String> box, Map<String, Field<String>> fields) {
        String text(String key) {
            Field<String> f = fields.get(key);
            return f == null ? "" : VietnameseText.nfc(f.value()).strip();
        }
    }

    /** A document as the index needs it: its described values and the recognised text of its pages. */
    record ItemEntry(String docCode, Map<String, Field<String>> fields, String pageText) {
        String text(String key) {
            Field<String> f = fields.get(key);
            return f == null ? "" : VietnameseText.nfc(f.value()).strip();
        }
    }

    static Document file(FileEntry file) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, "f:" + file.fileCode(), Store.NO));
        d.add(new StringField(Fields.KIND, "file", Store.YES));
        identity(d, file);
        String title = file.text(FileFields.TITLE);
        String retention = file.text(FileFields.RETENTION);
        String start = file.text(FileFields.START_DATE);
        String end = file.text(FileFields.END_DATE);
        years(d, start, end.isEmpty() ? start : end);
        text(d, Fields.TITLE, title);
        text(d, Fields.RETENTION, retention);
        text(d, Fields.DATE, dates(start, end));
        StringBuilder all = new StringBuilder();
        for (var e : file.fields().entrySet()) {
            all.append(VietnameseText.nfc(e.getValue().value())).append('\n');
        }
        all.append(file.fileCode()).append('\n');
        file.box().ifPresent(b -> all.append("Hộp ").append(b).append('\n'));
        all(d, all.toString());
        d.add(new StoredField(Fields.TITLE_SHOWN, title.isEmpty() ? file.fileCode() : title));
        StringBuilder body = new StringBuilder(title);
        appendLine(body, displayDates(start, end));
        appendLine(body, retention);
        file.box().ifPresent(b -> appendLine(body, "Hộp " + b));
        appendLine(body, file.text(FileFields.NOTES));
        d.add(new StoredField(Fields.BODY, body.toString()));
        return d;
    }

    static Document item(FileEntry file, ItemEntry item) {
        Document d = new Document();
        d.add(new StringField(Fields.ID, "i:" + item.docCode(), Store.NO));
        d.add(new StringField(Fields.KIND, "item", Store.YES));
        identity(d, file);
        d.add(new StringField(Fields.DOC, item.docCode(), Store.YES));

        String typeCode = item.text(ItemFields.TYPE);
        String typeName = TYPES.get(typeCode).map(CodeList.Entry::vietnamese).orElse(typeCode);
        String number = item.text(ItemFields.NUMBER);
        String notation = item.text(ItemFields.NOTATION);
        String symbol = number.isEmpty() ? notation : notation.isEmpty() ? number : number + "/" + notation;
        String date = item.text(ItemFields.DATE);
        String issuer = item.text(ItemFields.ISSUER);
        String abstractText = item.text(ItemFields.ABSTRACT);
        String signer = String.join(" ", item.text(ItemFields.SIGNER_AUTHORITY), item.text(ItemFields.SIGNER_TITLE),
                item.text(ItemFields.SIGNER)).strip();
        years(d, date, date);
        // the type by its code, its name, and the abbreviation that opens the symbol ("QĐ" of "QĐ-UBND")
        int dash = notation.indexOf('-');
        String abbreviation = dash > 0 ? notation.substring(0, dash) : "";
        text(d, Fields.TYPE, String.join(" ", typeCode, typeName, abbreviation));
        text(d, Fields.NUMBER, symbol);
        text(d, Fields.ISSUER, issuer);
        text(d, Fields.SIGNER, signer);
        text(d, Fields.ABSTRACT, abstractText);
        text(d, Fields.TITLE, file.text(FileFields.TITLE));
        text(d, Fields.RETENTION, file.text(FileFields.RETENTION));
        text(d, Fields.DATE, dates(date, date));
        text(d, Fields.TEXT, item.pageText());

        String shownDate = displayDate(date);
        StringBuilder shown = new StringBuilder(typeName);
        if (!symbol.isEmpty()) {
            shown.append(shown.isEmpty() ? "" : " ").append(symbol);
        }
        if (!shownDate.isEmpty()) {
            shown.append(shown.isEmpty() ? "" : ", ").append(shownDate);
        }
        if (!abstractText.isEmpty()) {
            shown.append(shown.isEmpty() ? "" : " — ").append(abstractText);
        }
        d.add(new StoredField(Fields.TITLE_SHOWN, shown.isEmpty() ? item.docCode() : shown.toString()));

        StringBuilder body = new StringBuilder(abstractText);
        appendLine(body, issuer);
        appendLine(body, signer);
        appendLine(body, item.pageText());
        d.add(new StoredField(Fields.BODY, body.toString()));

        StringBuilder all = new StringBuilder(body.length() + 256);
        for (var e : item.fields().entrySet()) {
            all.append(VietnameseText.nfc(e.getValue().value())).append('\n');
        }
        all.append(typeName).append('\n').append(symbol).append('\n').append(item.docCode()).append('\n');
        // the page text is indexed folded once, in TEXT (which queries without a field search too), and exact in
        // ALL_EXACT: not a third time in ALL
        d.add(new TextField(Fields.ALL, all.toString(), Store.NO));
        d.add(new TextField(Fields.ALL_EXACT, all.append(item.pageText()).toString(), Store.NO));
        return d;
    }

    private static void identity(Document d, FileEntry file) {
        d.add(new StringField(Fields.FONDS, file.fondsCode(), Store.YES));
        d.add(new StringField(Fields.FILE, file.fileCode(), Store.YES));
        file.box().ifPresent(b -> d.add(new StringField(Fields.BOX, b.strip().toLowerCase(Locale.ROOT), Store.NO)));
    }

    private static void text(org.apache.lucene.document.Document d, String field, String value) {
        if (!value.isBlank()) {
            d.add(new TextField(field, value, Store.NO));
        }
    }

    private static void all(Document d, String text) {
        d.add(new TextField(Fields.ALL, text, Store.NO));
        d.add(new TextField(Fields.ALL_EXACT, text, Store.NO));
    }

    /** Every year from the first date's to the last date's (both ISO partial dates; bad ones are left out). */
    private static void years(Document d, String first, String last) {
        Optional<PartialDate> a = parse(first);
        Optional<PartialDate> b = parse(last);
        if (a.isEmpty() && b.isEmpty()) {
            return;
        }
        int from = a.orElseGet(b::get).year();
        int to = b.orElseGet(a::get).year();
        if (to < from) {
            int t = from;
            from = to;
            to = t;
        }
        TreeSet<Integer> years = new TreeSet<>();
        if (to - from > MAX_YEARS) {
            years.add(from);
            years.add(to);
        } else {
            for (int y = from; y <= to; y++) {
                years.add(y);
            }
        }
        for (int y : years) {
            d.add(new IntPoint(Fields.YEAR, y));
        }
        d.add(new StoredField(Fields.YEAR, from));
    }

    /** The dates in the forms people type: ISO and Vietnamese ("2025-03-19 19/03/2025"). */
    private static String dates(String first, String last) {
        List<String> out = new ArrayList<>();
        for (String s : first.equals(last) ? List.of(first) : List.of(first, last)) {
            parse(s).ifPresent(p -> {
                out.add(p.iso());
                out.add(p.display());
            });
        }
        return String.join(" ", out);
    }

    /** "13/01/2001 – 10/11/2001", or one date. */
    private static String displayDates(String first, String last) {
        String a = displayDate(first);
        String b = displayDate(last);
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() || a.equals(b) ? a : a + " – " + b;
    }

    private static String displayDate(String iso) {
        return parse(iso).map(PartialDate::display).orElse(iso);
    }

    private static Optional<PartialDate> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(PartialDate.parse(s));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void appendLine(StringBuilder sb, String line) {
        if (!line.isBlank()) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line);
        }
    }
}
