package org.hoso.search.internal;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.ObjectStore;
import org.hoso.core.api.model.Item;

/** The recognised text of a document's pages, read from the object store. */
class PageText {

    /** A document's text and the number of its pages that had some. */
    record Text(String text, int pages) {
        static final Text NONE = new Text("", 0);
    }

    private final CatalogueService catalogue;
    private final ObjectStore objects;

    PageText(CatalogueService catalogue, ObjectStore objects) {
        this.catalogue = catalogue;
        this.objects = objects;
    }

    /** The text of every page of {@code item} that was recognised, in page order. */
    Text of(Item item) {
        return Text.NONE;
    }
}
