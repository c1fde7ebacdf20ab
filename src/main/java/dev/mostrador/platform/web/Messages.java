package dev.mostrador.platform.web;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UI text from message bundles: Spanish by default, English available. The platform and ofertas
 * live in messages*.properties; larger features keep their own bundle under i18n/.
 */
public final class Messages {
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private static final List<String> BUNDLES = List.of("messages", "i18n/rewards", "i18n/rewards_admin", "i18n/rewards_public");
    private final List<ResourceBundle> bundles;
    private final String language;
    // A MessageFormat parses its pattern when built (a landing page formats eight) and may not be
    // shared between threads while formatting: each thread keeps the ones it has built.
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(java.util.HashMap::new);

    private Messages(String language) {
        this.language = language;
        this.bundles = BUNDLES.stream().map(name -> ResourceBundle.getBundle(name, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))).toList();
    }

    public static Messages of(String language) {
        String lang = "en".equals(language) ? "en" : "es";
        return CACHE.computeIfAbsent(lang, Messages::new);
    }

    public String language() {
        return language;
    }

    public String t(String key, Object... args) {
        String pattern = null;
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                pattern = bundle.getString(key);
                break;
            }
        }
        if (pattern == null) return key;
        if (args.length == 0) return pattern;
        String found = pattern;
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(found, Locale.forLanguageTag(language))).format(args);
    }
}
