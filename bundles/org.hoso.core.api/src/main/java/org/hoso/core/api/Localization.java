package org.hoso.core.api;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Languages of the user interface: Vietnamese first, English second.
 * <p>
 * Every bundle keeps its texts in {@code messages.properties} (Vietnamese, the default) and
 * {@code messages_en.properties}, read as UTF-8, and loads them with {@link #messages}. The JVM's own locale is
 * never consulted: a clerk's PC set to English still shows Vietnamese unless Hoso is told otherwise.
 *
 * @since 0.1.0
 */
public final class Localization {

    /** Vietnamese, the default language. */
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    /** Framework or system property naming the language ({@code vi} or {@code en}). */
    public static final String LOCALE_PROPERTY = "hoso.locale";

    private Localization() {
    }

    /** English for a tag starting with "en", Vietnamese for anything else (including null). */
    public static Locale resolve(String tag) {
        if (tag != null && tag.trim().toLowerCase(Locale.ROOT).startsWith("en")) {
            return Locale.ENGLISH;
        }
        return VIETNAMESE;
    }

    /**
     * The messages {@code baseName} of the class loader {@code loader} in {@code locale}, falling back to the
     * Vietnamese base file and never to the JVM default locale.
     */
    public static ResourceBundle messages(String baseName, Locale locale, ClassLoader loader) {
        Locale wanted = "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        return ResourceBundle.getBundle(baseName, wanted, loader,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
