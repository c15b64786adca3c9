package org.hoso.search.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.hoso.core.api.CatalogueService;
import org.hoso.core.api.SampleGenerator;
import org.hoso.core.api.SearchService;
import org.hoso.core.api.SearchService.Hit;
import org.hoso.core.api.SearchService.Kind;
import org.hoso.core.api.SearchService.Query;
import org.hoso.core.api.SearchService.Results;
import org.hoso.core.api.model.Field;
import org.hoso.core.api.model.Item;
import org.hoso.core.api.model.ItemFields;
import org.hoso.core.api.model.Provenance;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.test.common.annotation.InjectBundleContext;
import org.osgi.test.common.annotation.InjectService;

/**
 * Search as the product runs it: Lucene embedded in org.hoso.search finds its codecs and analysis components through
 * ServiceLoader inside the OSGi bundle (writing and reading an index fails at once otherwise), the catalogue in
 * Derby, the index in the workspace following the audit log.
 */
class LuceneInFrameworkIT {

    @InjectBundleContext
    BundleContext context;

    @InjectService(timeout = 10_000)
    SearchService search;

    @InjectService(timeout = 10_000)
    CatalogueService catalogue;

    @InjectService(timeout = 10_000)
    SampleGenerator sample;

    @Test
    void theSampleFondsIsFoundWithoutDiacriticsAndChangesAreFollowed() {
        if (catalogue.fonds(SampleGenerator.SAMPLE_FONDS).isEmpty()) {
            catalogue.importBatch(sample.inventory(2025, 40), "itest");
        }
        Bundle bundle = FrameworkUtil.getBundle(search.getClass());
        assertEquals("org.hoso.search", bundle.getSymbolicName());
        assertTrue(bundle.getHeaders().get("Bundle-ClassPath").contains("lib/lucene-core.jar"),
                "Lucene is embedded in the search bundle");

        Results r = search.search(new Query("quyet dinh", Optional.empty(), 50));
        assertTrue(r.total() > 0, "diacritics-free words find the documents whose type is Quyết định");
        Hit first = r.hits().get(0);
        assertEquals(SampleGenerator.SAMPLE_FONDS, first.fondsCode());

        Results tuPhap = search.search(new Query("\"tu phap, ho tich\"", Optional.empty(), 5));
        assertFalse(tuPhap.hits().isEmpty(), "a phrase without diacritics");
        Hit h = tuPhap.hits().get(0);
        assertTrue(h.snippet().marked("[", "]").contains("[tư pháp, hộ tịch]"), h.snippet().marked("[", "]"));

        // a change in the catalogue is seen by the next search: the index follows the audit log
        // (the workspace outlives a run: a word of its own each time)
        String word = "Pleiku" + Long.toString(System.nanoTime(), 36);
        Item item = catalogue.items(catalogue.file(first.fileCode()).orElseThrow().id()).get(0);
        catalogue.describeItem(item.id(), ItemFields.ABSTRACT, new Field<>("Về việc số hóa tài liệu lưu trữ xứ "
                + word, Provenance.typed("itest", java.time.Instant.now())), "itest");
        Results pleiku = search.search(new Query("xu " + word.toLowerCase(), Optional.empty(), 5));
        assertEquals(1, pleiku.total());
        assertEquals(Optional.of(item.docCode()), pleiku.hits().get(0).docCode());
        assertEquals(Kind.ITEM, pleiku.hits().get(0).kind());

        SearchService.Rebuild rebuilt = search.rebuild();
        assertEquals(catalogue.counts(SampleGenerator.SAMPLE_FONDS).items(), rebuilt.items());
        assertEquals(1, search.search(new Query(word, Optional.empty(), 5)).total(), "after a rebuild");
    }
}
