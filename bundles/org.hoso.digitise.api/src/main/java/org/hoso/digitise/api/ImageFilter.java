package org.hoso.digitise.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * One step of page clean-up (deskew, despeckle, binarise ...). A filter never changes its input; it returns a new
 * page image (or the same one when there is nothing to do). Filters that change geometry keep the page's content
 * where a reader expects it: a deskewed page is the same page turned, not cropped.
 * <p>
 * Hoso's own steps are listed in {@link CleanupPlan}; plugins may contribute more as services with the property
 * {@value #ID_PROPERTY}.
 *
 * @since 0.1.0
 */
@ConsumerType
public interface ImageFilter {

    /** Service property: the filter's id. */
    String ID_PROPERTY = "hoso.filter.id";

    /** The filter's id, e.g. {@code median3}. */
    String id();

    PageImage apply(PageImage page);
}
