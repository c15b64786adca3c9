package org.hoso.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.hoso.ui.api.WorkbenchView;
import org.junit.jupiter.api.Test;

class ViewEntryTest {

    @Test
    void tabsAreOrderedByOrderThenIdThenAge() {
        List<ViewEntry> entries = new ArrayList<>(List.of(
                entry(7, Map.of("hoso.view.id", "b", "hoso.view.order", 500)),
                entry(3, Map.of("hoso.view.id", "z", "hoso.view.order", 10)),
                entry(9, Map.of("hoso.view.id", "a", "hoso.view.order", 500)),
                entry(5, Map.of("hoso.view.id", "a", "hoso.view.order", 500)),
                entry(4, Map.of("hoso.view.id", "c", "hoso.view.order", 100))));
        entries.sort(ViewEntry.TAB_ORDER);
        assertEquals(List.of(3L, 4L, 5L, 9L, 7L), entries.stream().map(ViewEntry::serviceId).toList());
    }

    @Test
    void missingOrOddPropertiesFallBackToDefaults() {
        ViewEntry bare = entry(1, Map.of());
        assertEquals(ViewEntry.DEFAULT_ORDER, bare.order());
        assertEquals("view.from.code", bare.id(), "the id the view itself gives");

        assertEquals(42, entry(2, Map.of("hoso.view.order", " 42 ")).order(), "a configured order is text");
        assertEquals(7, entry(3, Map.of("hoso.view.order", 7L)).order());
        assertEquals(ViewEntry.DEFAULT_ORDER, entry(4, Map.of("hoso.view.order", "first")).order());
    }

    private static ViewEntry entry(long serviceId, Map<String, Object> props) {
        Map<String, Object> all = new java.util.HashMap<>(props);
        all.put("service.id", serviceId);
        return ViewEntry.of(new StubView(), all);
    }

    private static final class StubView implements WorkbenchView {
        @Override
        public String id() {
            return "view.from.code";
        }

        @Override
        public String title(Locale locale) {
            return "Stub";
        }

        @Override
        public Control createControl(Composite parent, Locale locale) {
            throw new UnsupportedOperationException();
        }
    }
}
