package org.hoso.ui.catalogue.internal;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

import org.hoso.core.api.Localization;

/** The catalogue views' texts in one language, from {@code messages.properties} / {@code messages_en.properties}. */
final class Texts {

    static final String BASE_NAME = "org.hoso.ui.catalogue.internal.messages";

    private final Locale locale;
    private final ResourceBundle bundle;

    Texts(Locale locale) {
        this.locale = locale;
        this.bundle = Localization.messages(BASE_NAME, locale, Texts.class.getClassLoader());
    }

    Locale locale() {
        return locale;
    }

    String get(String key) {
        return bundle.getString(key);
    }

    String format(String key, Object... args) {
        return new MessageFormat(bundle.getString(key), locale).format(args);
    }
}
