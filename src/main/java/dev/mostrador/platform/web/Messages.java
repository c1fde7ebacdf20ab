package dev.mostrador.platform.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/** UI text from messages*.properties: Spanish by default, English available. */
public final class Messages {
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private final ResourceBundle bundle;
    private final String language;

    private Messages(String language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle("messages", Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(String language) {
        String lang = "en".equals(language) ? "en" : "es";
        return CACHE.computeIfAbsent(lang, Messages::new);
    }

    public String language() {
        return language;
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.forLanguageTag(language)).format(args);
    }
}
