package org.hoso.digitise.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** The engine's texts: {@code messages.properties} (Vietnamese, the default) and {@code messages_en}. */
final class Texts {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private Texts() {
    }

    static String text(Locale locale, String key, Object... args) {
        Locale wanted = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle("org.hoso.digitise.internal.messages", wanted,
                Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(key), wanted == Locale.ROOT ? VI : Locale.ENGLISH).format(args);
    }

    /** Both languages, Vietnamese first: for messages a person of either may read (job failures, skipped paths). */
    static String both(String key, Object... args) {
        return text(VI, key, args) + " / " + text(Locale.ENGLISH, key, args);
    }
}
