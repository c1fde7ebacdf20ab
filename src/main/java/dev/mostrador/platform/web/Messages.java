package dev.mostrador.platform.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;

/**
 * UI text from message bundles: Spanish by default, English available. The platform and ofertas
 * live in messages*.properties; larger features keep their own bundle under i18n/. Patterns are
 * ICU MessageFormat, so a count is written {@code {0, plural, one {# producto} other {# productos}}}
 * and numbers come out in the locale's digits ("1.000" in Chile); the JDK's MessageFormat has
 * only choice, which cannot follow a language's plural rules.
 */
public final class Messages {
    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private static final List<String> BUNDLES = List.of("messages", "i18n/rewards", "i18n/rewards_admin", "i18n/rewards_public");
    private final List<ResourceBundle> bundles;
    private final String language;
    private final ULocale locale;
    // A MessageFormat parses its pattern when built (a landing page formats eight) and may not be
    // shared between threads while formatting: each thread keeps the ones it has built.
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(java.util.HashMap::new);

    private Messages(String language, ULocale locale) {
        this.language = language;
        this.locale = locale;
        this.bundles = BUNDLES.stream().map(name -> ResourceBundle.getBundle(name, Locale.forLanguageTag(language),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES))).toList();
    }

    /**
     * The texts of a language ("es", "en") or of a tenant's locale ("es-CL", "en-US"): the language
     * picks the bundle (Spanish unless English), the whole locale the digits of the numbers inside
     * the texts, so they match {@link Format} ("1.000" in Chile, "1,000" in Mexico).
     */
    public static Messages of(String languageOrLocale) {
        String tag = languageOrLocale == null ? "es" : languageOrLocale;
        String lang = tag.startsWith("en") ? "en" : "es";
        String key = tag.length() > 2 && tag.length() <= 20 && tag.startsWith(lang + "-") ? tag : lang;
        return CACHE.computeIfAbsent(key, k -> {
            ULocale locale = ULocale.forLanguageTag(k);
            return new Messages(lang, lang.equals(locale.getLanguage()) ? locale : new ULocale(lang));
        });
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
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(found, locale)).format(args);
    }
}
