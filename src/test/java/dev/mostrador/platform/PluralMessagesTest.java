package dev.mostrador.platform;

import dev.mostrador.platform.web.Messages;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every counted text rendered with 0, 1, 2 and 1000 in Spanish and English: the right words, the tenant's digits. */
class PluralMessagesTest {
    private static final Messages ES = Messages.of("es-CL");
    private static final Messages EN = Messages.of("en-US");

    /** at: where the count goes among args; %s in the plural texts stands for the formatted count. */
    private record Counted(String key, int at, Object[] args, String esOne, String esOther, String enOne, String enOther) {}

    private static final List<Counted> COUNTED = List.of(
            new Counted("validation.max_length", 1, args("Nombre", 0), "como máximo 1 carácter.", "como máximo %s caracteres.",
                    "at most 1 character.", "at most %s characters."),
            new Counted("password.too_short", 0, args(0, 72), "al menos 1 carácter.", "al menos %s caracteres.",
                    "at least 1 character.", "at least %s characters."),
            new Counted("password.too_long", 1, args(10, 0), "como máximo 1 byte (unos 1 carácter sin", "como máximo %s bytes (unos %s caracteres sin",
                    "at most 1 byte.", "at most %s bytes."),
            new Counted("login.throttled", 0, args(0), "espere 1 minuto antes", "espere %s minutos antes",
                    "wait 1 minute before", "wait %s minutes before"),
            new Counted("ofertas.n_productos", 0, args(0), "1 producto", "%s productos", "1 product", "%s products"),
            new Counted("cotizador.sin_productos", 0, args(0), "1 oferta activa no incluye productos", "%s ofertas activas no incluyen productos",
                    "1 active oferta does not include", "%s active ofertas do not include"),
            new Counted("rw.lumis_unit", 0, args(0), "lümi", "lümis", "lümi", "lümis"),
            new Counted("rw.merchants.chart_title", 0, args(0), "Confirmaciones por día, último día", "Confirmaciones por día, últimos %s días",
                    "Confirmations per day, last day", "Confirmations per day, last %s days"),
            new Counted("rw.merchants.chart_summary", 0, args(0, 7, 3, "3 nov"), "Último día: 7 confirmaciones", "Últimos %s días: 7 confirmaciones",
                    "Last day: 7 confirmations", "Last %s days: 7 confirmations"),
            new Counted("rw.merchants.chart_summary", 1, args(30, 0, 3, "3 nov"), "30 días: 1 confirmación en total", "30 días: %s confirmaciones en total",
                    "30 days: 1 confirmation in all", "30 days: %s confirmations in all"),
            new Counted("rw.merchants.chart_none", 0, args(0), "Sin confirmaciones el último día.", "Sin confirmaciones en los últimos %s días.",
                    "No confirmations in the last day.", "No confirmations in the last %s days."),
            new Counted("rw.ledger.latest", 0, args(0), "Se muestra el último movimiento.", "Se muestran los últimos %s movimientos.",
                    "Showing the latest movement.", "Showing the latest %s movements."),
            new Counted("rw.lumis.credited", 0, args(0, "Ana", 5), "Se abonó 1 lümi a Ana.", "Se abonaron %s lümis a Ana.",
                    "1 lümi credited to Ana.", "%s lümis credited to Ana."),
            new Counted("rw.lumis.debited", 0, args(0, "Ana", 5), "Se descontó 1 lümi a Ana.", "Se descontaron %s lümis a Ana.",
                    "1 lümi debited from Ana.", "%s lümis debited from Ana."),
            new Counted("rw.lumis.insufficient", 0, args(0), "El saldo es de 1 lümi:", "El saldo es de %s lümis:",
                    "The balance is 1 lümi:", "The balance is %s lümis:"),
            new Counted("rw.redeem.balance", 0, args(0), "Saldo disponible: 1 lümi.", "Saldo disponible: %s lümis.",
                    "Available balance: 1 lümi.", "Available balance: %s lümis."),
            new Counted("rw.redeem.cost", 0, args(0), "1 lümi", "%s lümis", "1 lümi", "%s lümis"),
            new Counted("rw.redeem.stock_left", 0, args(0), "queda 1", "quedan %s", "1 left", "%s left"),
            new Counted("rw.redeem.missing", 0, args(0), "Falta 1 lümi", "Faltan %s lümis", "1 lümi short", "%s lümis short"),
            new Counted("rw.redemptions.cancel_text", 3, args("K7Q-4MX", "Café", "Ana", 0), "Se le devuelve 1 lümi,", "Se le devuelven %s lümis,",
                    "They get 1 lümi back,", "They get %s lümis back,"),
            new Counted("rw.redemptions.cancelled", 1, args("K7Q-4MX", 0, "Ana"), "se devolvió 1 lümi a Ana.", "se devolvieron %s lümis a Ana.",
                    "1 lümi went back to Ana.", "%s lümis went back to Ana."),
            new Counted("rewards.public.left.days", 0, args(0), "1 día", "%s días", "1 day", "%s days"));

    @Test
    void countedTextsSayOneAndManyInBothLanguages() {
        List<String> wrong = new ArrayList<>();
        for (Counted c : COUNTED) {
            for (long n : new long[] {0, 1, 2, 1000}) {
                check(wrong, c, ES, n, n == 1 ? c.esOne() : c.esOther().replace("%s", n == 1000 ? "1.000" : String.valueOf(n)));
                check(wrong, c, EN, n, n == 1 ? c.enOne() : c.enOther().replace("%s", n == 1000 ? "1,000" : String.valueOf(n)));
            }
        }
        assertEquals(List.of(), wrong);
    }

    private static void check(List<String> wrong, Counted c, Messages m, long n, String expected) {
        Object[] args = c.args().clone();
        args[c.at()] = n;
        String text = m.t(c.key(), args);
        if (!text.contains(expected)) wrong.add(m.language() + " " + c.key() + " n=" + n + ": «" + text + "» lacks «" + expected + "»");
    }

    /** The scan of BundlePluralsTest finds no other count: the table above covers every plural in the bundles. */
    @Test
    void everyPluralInTheBundlesIsInTheTable() throws Exception {
        List<String> keys = COUNTED.stream().map(Counted::key).distinct().sorted().toList();
        java.util.TreeSet<String> plurals = new java.util.TreeSet<>();
        for (Path bundle : BundlePluralsTest.bundles()) {
            Properties p = BundlePluralsTest.load(bundle);
            for (String key : p.stringPropertyNames()) if (p.getProperty(key).matches("(?s).*\\{\\s*\\d+\\s*,\\s*plural.*")) plurals.add(key);
        }
        assertEquals(List.copyOf(plurals), keys);
    }

    @Test
    void numbersInTextsFollowTheLocale() {
        assertEquals("Saldo disponible: 12.345 lümis.", Messages.of("es").t("rw.redeem.balance", 12345));
        assertEquals("Saldo disponible: 1.000 lümis.", ES.t("rw.redeem.balance", 1000));
        assertEquals("Saldo disponible: 1,000 lümis.", Messages.of("es-MX").t("rw.redeem.balance", 1000), "Mexico groups with a comma");
        assertEquals("es", Messages.of("es-MX").language());
        assertEquals("es", Messages.of("pt-BR").language(), "Spanish unless English");
        assertEquals("Available balance: 1,000 lümis.", Messages.of("en").t("rw.redeem.balance", 1000));
    }

    /** ICU reads apostrophes as the JDK did in every text that is not a plural: '' is one, and no text lost one. */
    @Test
    void textsWithoutCountsRenderAsBefore() throws Exception {
        List<String> different = new ArrayList<>();
        for (Path bundle : BundlePluralsTest.bundles()) {
            Properties p = BundlePluralsTest.load(bundle);
            Locale locale = bundle.getFileName().toString().contains("_en") ? Locale.ENGLISH : Locale.forLanguageTag("es-CL");
            for (String key : p.stringPropertyNames()) {
                String text = p.getProperty(key);
                if (!text.matches("(?s).*\\{\\d.*") || text.matches("(?s).*\\{\\s*\\d+\\s*,\\s*(plural|choice).*")) continue;
                Object[] args = {1234, 5, 1000000, 7, 8};
                String jdk = new java.text.MessageFormat(text, locale).format(args);
                String icu = new com.ibm.icu.text.MessageFormat(text, com.ibm.icu.util.ULocale.forLocale(locale)).format(args);
                if (!jdk.equals(icu)) different.add(bundle.getFileName() + " " + key + ": " + jdk + " / " + icu);
            }
        }
        assertEquals(List.of(), different);
    }

    private static Object[] args(Object... args) {
        return args;
    }
}
