package org.hoso.ui.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * A view in the workbench window, contributed as an OSGi service. The window shows a view as soon as its
 * service appears and removes it when the service goes away (its bundle stopped or was deleted from
 * {@code plugins/}).
 * <p>
 * All methods are called on the UI thread. Keep long work off it: use {@link Workbench#display()} to come back
 * to the UI thread with results.
 *
 * <pre>
 * &#64;Component
 * &#64;WorkbenchView.Kind(id = "example.sheets", order = 500)
 * public final class SheetsView implements WorkbenchView { ... }
 * </pre>
 *
 * @since 0.1.0
 */
@ConsumerType
public interface WorkbenchView {

    /** Service property: the view id. */
    String ID_PROPERTY = "hoso.view.id";
    /** Service property: the position among views, lower first (built-in views use 0..99). */
    String ORDER_PROPERTY = "hoso.view.order";

    /** Stable id, unique in the window. */
    String id();

    /** The tab title in the given language. */
    String title(Locale locale);

    /**
     * Creates the view's widgets under {@code parent}. Called once per window; the window disposes the returned
     * control when it closes or when the service goes away.
     */
    Control createControl(Composite parent, Locale locale);

    /** Makes a component a workbench view: sets {@value #ID_PROPERTY} and {@value #ORDER_PROPERTY}. */
    @ComponentPropertyType
    @Retention(RetentionPolicy.CLASS)
    @Target(ElementType.TYPE)
    @interface Kind {
        String PREFIX_ = "hoso.view.";

        String id();

        int order() default 500;
    }
}
