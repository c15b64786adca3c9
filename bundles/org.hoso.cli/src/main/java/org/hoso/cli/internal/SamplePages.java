package org.hoso.cli.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import javax.imageio.ImageIO;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
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
 * (their own type, number, date, issuer, abstract and signer; a clean page, a skewed one, faded ink, specks), stored
 * in the object store and added to the catalogue as each document's first page.
 */
final class SamplePages {

    private static final Degradation[] LOOKS = { Degradation.NONE, new Degradation(1.2, 0, 0, 250),
        new Degradation(0, 0, 110, 235), new Degradation(0, 0.01, 20, 245), new Degradation(-0.8, 0.005, 90, 240) };

    private SamplePages() {
    }

    /** Renders and adds a first page to up to {@code max} documents; returns how many pages were added. */
    static int attach(CatalogueService catalogue, ObjectStore objects, SampleScans scans, String fondsCode, int max) {
        int added = 0;
        for (SchemeNode node : catalogue.scheme(fondsCode)) {
            for (FileUnit file : catalogue.files(node.id())) {
                for (Item item : catalogue.items(file.id())) {
                    if (added == max) {
                        return added;
                    }
                    if (!catalogue.pages(item.id()).isEmpty()) {
                        continue;
                    }
                    SampleScans.SampleScan scan = scans.page(document(item.description()), item.id(), 200,
                            LOOKS[added % LOOKS.length]);
                    catalogue.addPage(item.id(), store(objects, scan), "hoso-demo");
                    added++;
                }
            }
        }
        return added;
    }

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

    private static ObjectId store(ObjectStore objects, SampleScans.SampleScan scan) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(scan.image(), "png", png);
            return objects.put(new ByteArrayInputStream(png.toByteArray())).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
