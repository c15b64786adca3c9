package org.hoso.ui.catalogue.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.hoso.core.api.model.Page;
import org.junit.jupiter.api.Test;

class IconsStatusTest {

    @Test
    void aFileIsDoneOnlyWhenEveryPageIsReviewed() {
        assertEquals(Icons.Status.NOT_DIGITISED, Icons.Status.of(Map.of()));
        assertEquals(Icons.Status.NEEDS_REVIEW, Icons.Status.of(Map.of(Page.Status.REVIEWED, 3L,
                Page.Status.RECOGNISED, 1L)));
        assertEquals(Icons.Status.RESCAN, Icons.Status.of(Map.of(Page.Status.REVIEWED, 3L, Page.Status.RESCAN, 1L)));
        assertEquals(Icons.Status.DONE, Icons.Status.of(Map.of(Page.Status.REVIEWED, 4L)));
        assertEquals(Icons.Status.NEEDS_REVIEW, Icons.Status.of(Page.Status.SCANNED));
    }
}
