package org.hoso.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectId;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.Page;
import org.hoso.core.api.model.Recognition;
import org.hoso.core.api.model.VietnameseText;

/** The recognised text of a document's pages, read from the object store. */
class PageText {

    /** At most this much text of one page is indexed (a page of OCR is a few kilobytes; more is not text). */
    static final int MAX_PAGE_BYTES = 256 * 1024;

    /** A document's text and the number of its pages that had some. */
    record Text(String text, int pages) {
        static final Text NONE = new Text("", 0);
    }

    private final CatalogueService catalogue;
    private final ObjectStore objects;

    /** {@code objects} may be null: then no page text is read (tests of the catalogue fields alone). */
    PageText(CatalogueService catalogue, ObjectStore objects) {
        this.catalogue = catalogue;
        this.objects = objects;
    }

    /** The text of every page of {@code item} that was recognised, in page order, pages separated by a blank line. */
    Text of(Item item) {
        if (objects == null) {
            return Text.NONE;
        }
        StringBuilder sb = new StringBuilder();
        int pages = 0;
        for (Page page : catalogue.pages(item.id())) {
            Optional<ObjectId> id = catalogue.recognition(page.id()).flatMap(Recognition::text);
            if (id.isEmpty()) {
                continue;
            }
            String text = read(id.get());
            if (!text.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append("\n\n");
                }
                sb.append(text.strip());
                pages++;
            }
        }
        return pages == 0 ? Text.NONE : new Text(sb.toString(), pages);
    }

    private String read(ObjectId id) {
        try (InputStream in = objects.open(id)) {
            byte[] bytes = in.readNBytes(MAX_PAGE_BYTES);
            // control characters (but line breaks) are not text: snippets use one as a marker
            return VietnameseText.nfc(new String(bytes, StandardCharsets.UTF_8)).replaceAll("[\\p{Cc}&&[^\\n\\t]]",
                    " ");
        } catch (java.nio.file.NoSuchFileException e) {
            return ""; // the catalogue names an object the store lost: `hoso verify` reports it
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text of a page, object " + id + ": " + e.getMessage(), e);
        }
    }
}
