package dev.mostrador.customers;

import java.util.Locale;

/** The customers search's folding (the SQL function crm_fold: lower case, these accents removed) on the Java side. */
final class Fold {
    static final String FROM = "áàäâãéèëêíìïîóòöôõúùüûñç";
    static final String TO = "aaaaaeeeeiiiiooooouuuunc";

    private Fold() {}

    static String fold(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder();
        for (char ch : s.toLowerCase(Locale.ROOT).toCharArray()) {
            int i = FROM.indexOf(ch);
            b.append(i < 0 ? ch : TO.charAt(i));
        }
        return b.toString();
    }

    /**
     * A regular expression that matches {@code lower(text)} exactly when {@code crm_fold(text)} contains crm_fold(query):
     * each letter that folding reaches from accented ones becomes the class of them ("pena" → p[eéèëê][nñ][aáàäâã]).
     * Null when the query has a character outside the few whose lower case Java and PostgreSQL agree on surely (then the
     * search goes without it).
     */
    static String prefilter(String query) {
        // Upper-case accented letters left out: a database whose LC_CTYPE is C lower-cases ASCII only.
        if (!query.matches("[A-Za-z0-9 @.+\\-" + FROM + "]+")) return null;
        String lower = query.toLowerCase(Locale.ROOT);
        StringBuilder re = new StringBuilder();
        for (char ch : fold(lower).toCharArray()) {
            switch (ch) {
                case 'a' -> re.append("[aáàäâã]");
                case 'e' -> re.append("[eéèëê]");
                case 'i' -> re.append("[iíìïî]");
                case 'o' -> re.append("[oóòöôõ]");
                case 'u' -> re.append("[uúùüû]");
                case 'n' -> re.append("[nñ]");
                case 'c' -> re.append("[cç]");
                case '.', '+' -> re.append('\\').append(ch);
                default -> re.append(ch);
            }
        }
        return re.toString();
    }
}
