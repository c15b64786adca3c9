package org.hoso.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.model.CodeList;
import org.hoso.core.api.model.Description;
import org.hoso.core.api.model.FileUnit;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.SchemeNode;
import org.hoso.digitise.api.SampleScans;
import org.hoso.digitise.api.SampleScans.Degradation;

/**
 * Page images for the demo: the first documents of the sample fonds rendered as they would come off a scanner
 * (their own type, number, date, issuer, abstract and signer; a clean page, a skewed one, faded ink, specks), in
 * folders by file code, for the demo to digitise into the catalogue as each document's first page.
 */
final class SamplePages {

    private static final Degradation[] LOOKS = { Degradation.NONE, new Degradation(1.2, 0, 0, 250),
        new Degradation(0, 0, 110, 235), new Degradation(0, 0.01, 20, 245), new Degradation(-0.8, 0.005, 90, 240) };

    private SamplePages() {
    }

    /**
     * Renders a first page for up to {@code max} documents without pages, as a scanner operator would leave them for
     * {@code hoso digitise}: {@code dir/FILECODE/NN.png} (NN the document's place in its file; PNG stating 200 dpi).
     * Only a file's first documents are taken, so that the folder's n-th entry is the file's n-th document.
     *
     * @return how many pages were written
     */
    static int render(CatalogueService catalogue, SampleScans scans, String fondsCode, int max, Path dir)
            throws IOException {
        int written = 0;
        for (SchemeNode node : catalogue.scheme(fondsCode)) {
            for (FileUnit file : catalogue.files(node.id())) {
                for (Item item : catalogue.items(file.id())) {
                    if (written == max || !catalogue.pages(item.id()).isEmpty()) {
                        break;
                    }
                    SampleScans.SampleScan scan = scans.page(document(item.description()), item.id(), DPI,
                            LOOKS[written % LOOKS.length]);
                    Path png = dir.resolve(file.fileCode()).resolve(String.format("%02d.png", item.position()));
                    Files.createDirectories(png.getParent());
                    SampleScans.writePng(scan.image(), DPI, png);
                    written++;
                }
                if (written == max) {
                    return written;
                }
            }
        }
        return written;
    }

    private static final int DPI = 200;

    /** What the page shows, from the document's catalogue fields. */
    static SampleScans.Document document(Description d) {
        String typeCode = d.text(ItemFields.TYPE).orElse("");
        // an official letter (công văn, code 22) has no type line: its abstract starts with "V/v"
        String typeName = typeCode.equals("22") ? "" : CodeList.builtIn(CodeList.DOCUMENT_TYPE).get(typeCode)
                .map(CodeList.Entry::vietnamese).orElse("");
        String issuer = d.text(ItemFields.ISSUER).orElse("");
        String body = issuer.startsWith("HĐND") ? "HỘI ĐỒNG NHÂN DÂN" : "ỦY BAN NHÂN DÂN";
        String place = issuer.replaceFirst("^(UBND|HĐND) xã ", "");
        String dateLine = d.text(ItemFields.DATE).map(LocalDate::parse)
                .map(t -> place + ", ngày " + t.getDayOfMonth() + " tháng " + t.getMonthValue() + " năm " + t.getYear())
                .orElse(place);
        return new SampleScans.Document("UBND HUYỆN YÊN SƠN", body + " XÃ " + place,
                d.text(ItemFields.NUMBER).orElse("") + "/" + d.text(ItemFields.NOTATION).orElse(""), dateLine,
                typeName, d.text(ItemFields.ABSTRACT).orElse(""), d.text(ItemFields.SIGNER_AUTHORITY).orElse(""),
                d.text(ItemFields.SIGNER_TITLE).orElse(""), d.text(ItemFields.SIGNER).orElse(""));
    }
}
