package org.hoso.digitise.api;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** This package's texts: {@code messages.properties} (Vietnamese, the default) and {@code messages_en}. */
final class Texts {

    private static final String BASE = "org.hoso.digitise.api.messages";

    private Texts() {
    }

    static String text(Locale locale, String key, Object... args) {
        Locale wanted = locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
        ResourceBundle bundle = ResourceBundle.getBundle(BASE, wanted, Texts.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        MessageFormat format = new MessageFormat(bundle.getString(key), wanted == Locale.ROOT ? VI : Locale.ENGLISH);
        return format.format(args);
    }

    /** Both languages, Vietnamese first: for exception messages and logs that a person of either may read. */
    static String both(String key, Object... args) {
        return text(VI, key, args) + " / " + text(Locale.ENGLISH, key, args);
    }

    static final Locale VI = Locale.forLanguageTag("vi-VN");
}
