package org.hoso.ui.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.hoso.ui.api.WorkbenchView;

/**
 * A view service as the window sees it: its service id, its place among the tabs and the view object.
 *
 * @param serviceId {@code service.id}, unique for the framework's lifetime
 * @param order     {@value WorkbenchView#ORDER_PROPERTY}, {@link #DEFAULT_ORDER} when absent or unreadable
 * @param id        {@value WorkbenchView#ID_PROPERTY}, or {@link WorkbenchView#id()} when the property is absent
 * @param view      the service object
 */
record ViewEntry(long serviceId, int order, String id, WorkbenchView view) {

    /** The order of a view that does not say: the default of {@link WorkbenchView.Kind#order()}. */
    static final int DEFAULT_ORDER = 500;

    /** Tab order: {@code hoso.view.order}, then id, then the older service first. */
    static final Comparator<ViewEntry> TAB_ORDER = Comparator.comparingInt(ViewEntry::order)
            .thenComparing(ViewEntry::id)
            .thenComparingLong(ViewEntry::serviceId);

    ViewEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(view, "view");
    }

    /** The entry for a view service with the given service properties. */
    static ViewEntry of(WorkbenchView view, Map<String, ?> properties) {
        long serviceId = number(properties.get("service.id")).map(Number::longValue).orElse(-1L);
        int order = number(properties.get(WorkbenchView.ORDER_PROPERTY)).map(Number::intValue).orElse(DEFAULT_ORDER);
        Object idProperty = properties.get(WorkbenchView.ID_PROPERTY);
        String id = idProperty instanceof String s && !s.isBlank() ? s : safeId(view);
        return new ViewEntry(serviceId, order, id, view);
    }

    private static String safeId(WorkbenchView view) {
        try {
            return Objects.requireNonNullElse(view.id(), view.getClass().getName());
        } catch (RuntimeException e) {
            return view.getClass().getName();
        }
    }

    /** Numbers as DS and the framework give them: Integer, Long, or text from a configuration. */
    private static Optional<Number> number(Object value) {
        if (value instanceof Number n) {
            return Optional.of(n);
        }
        if (value instanceof String s) {
            try {
                return Optional.of(Long.valueOf(s.trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
