package dev.mostrador.platform.web;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;

import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UI text from message bundles: Spanish by default, English available. The platform and ofertas
 * live in messages*.properties; larger features keep their own bundle under i18n/. Patterns are
 * ICU MessageFormat, so a count is written {@code {0, plural, one {# producto} other {# productos}}}
 * and numbers come out in the locale's digits ("1.000" in Chile); the JDK's MessageFormat has
 * only choice, which cannot follow a language's plural rules.
 */
public final class Messages {
    /** A pattern of plain text and {n} placeholders only (no quotes, plurals or number formats). */
    record PlainPattern(String[] texts, int[] args) {
        private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d{1,2})}");

        static Optional<PlainPattern> of(String pattern) {
            if (pattern.indexOf('\'') >= 0) return Optional.empty();
            List<String> texts = new ArrayList<>();
            List<Integer> args = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(pattern);
            int at = 0;
            while (m.find()) {
                texts.add(pattern.substring(at, m.start()));
                args.add(Integer.parseInt(m.group(1)));
                at = m.end();
            }
            String tail = pattern.substring(at);
            for (String text : texts) if (text.indexOf('{') >= 0 || text.indexOf('}') >= 0) return Optional.empty();
            if (tail.indexOf('{') >= 0 || tail.indexOf('}') >= 0) return Optional.empty();
            texts.add(tail);
            return Optional.of(new PlainPattern(texts.toArray(String[]::new), args.stream().mapToInt(Integer::intValue).toArray()));
        }

        /** The text, or null when an argument it uses is missing, null, a number or a date (ICU formats those). */
        String fill(Object[] values) {
            StringBuilder out = new StringBuilder(texts[0]);
            for (int i = 0; i < args.length; i++) {
                // Numbers and dates are the MessageFormat's to write; anything else is its text, as MessageFormat would.
                Object value = args[i] < values.length ? values[args[i]] : null;
                if (value == null || value instanceof Number || value instanceof java.util.Date) return null;
                out.append(value).append(texts[i + 1]);
            }
            return out.toString();
        }
    }

    private static final Map<String, Messages> CACHE = new ConcurrentHashMap<>();
    private static final List<String> BUNDLES = List.of("messages", "i18n/rewards", "i18n/rewards_admin", "i18n/rewards_public", "i18n/inventory_cart",
            "i18n/stockops", "i18n/inventory_dashboard", "i18n/orders", "i18n/sales",
            "i18n/repartidores", "i18n/visits", "i18n/imports", "i18n/import_undo", "i18n/merge", "i18n/crm");
    // Every key of every bundle (the first bundle naming a key wins), looked up once: asking fifteen bundles in turn was a
    // sixth of the CPU of a customer's page, which writes ~150 texts.
    private final Map<String, String> patterns;
    private final String language;
    private final ULocale locale;
    // A MessageFormat parses its pattern when built (a landing page formats eight) and may not be
    // shared between threads while formatting: each thread keeps the ones it has built.
    private final ThreadLocal<Map<String, MessageFormat>> formats = ThreadLocal.withInitial(java.util.HashMap::new);
    // Most patterns are text and {n}: those are filled by concatenation when their arguments are
    // text (ICU's format was a fourth of the CPU of a 50-line quote, one call per explanation).
    private final Map<String, Optional<PlainPattern>> plain = new ConcurrentHashMap<>();

    private Messages(String language, ULocale locale) {
        this.language = language;
        this.locale = locale;
        Map<String, String> all = new java.util.HashMap<>();
        for (String name : BUNDLES) {
            ResourceBundle bundle = ResourceBundle.getBundle(name, Locale.forLanguageTag(language),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            for (String key : bundle.keySet()) all.putIfAbsent(key, bundle.getString(key));
        }
        this.patterns = Map.copyOf(all);
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
        String pattern = patterns.get(key);
        if (pattern == null) return key;
        if (args.length == 0) return pattern;
        String found = pattern;
        String filled = plain.computeIfAbsent(key, k -> PlainPattern.of(found)).map(p -> p.fill(args)).orElse(null);
        if (filled != null) return filled;
        return formats.get().computeIfAbsent(key, k -> new MessageFormat(found, locale)).format(args);
    }
}
