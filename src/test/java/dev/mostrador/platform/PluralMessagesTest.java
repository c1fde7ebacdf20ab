package dev.mostrador.platform;

import dev.mostrador.platform.web.Messages;
import dev.mostrador.support.Bundles;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every counted text rendered with 0, 1, 2 and 1000 in Spanish and English: the right words, the tenant's digits. */
class PluralMessagesTest {
    private static final Messages ES = Messages.of("es-CL");
    private static final Messages EN = Messages.of("en-US");

    /**
     * at: where the count goes among args; %s in the plural texts stands for the formatted count.
     * esZero/enZero: what 0 says when the text has its own words for none ("no lleva decimales"), else null.
     */
    private record Counted(String key, int at, Object[] args, String esOne, String esOther, String enOne, String enOther,
                           String esZero, String enZero) {
        Counted(String key, int at, Object[] args, String esOne, String esOther, String enOne, String enOther) {
            this(key, at, args, esOne, esOther, enOne, enOther, null, null);
        }
    }

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
            new Counted("pricing.x.desde", 0, args(0, "$ 990", "$ 1.290"), "Desde 1 unidad: $ 990 c/u en lugar de $ 1.290",
                    "Desde %s unidades: $ 990 c/u", "From 1 unit: $ 990 each instead of $ 1.290", "From %s units: $ 990 each"),
            new Counted("pricing.x.desde_sin_ahorro", 0, args(0, "$ 990", "$ 990"), "Desde 1 unidad: $ 990 c/u no mejora",
                    "Desde %s unidades: $ 990 c/u no mejora", "From 1 unit: $ 990 each does not beat", "From %s units: $ 990 each does not beat"),
            new Counted("pricing.x.desde_insuficiente", 0, args(0, 2), "desde 1 unidad; en el carrito hay 2", "desde %s unidades; en el carrito hay 2",
                    "from 1 unit; the cart has 2", "from %s units; the cart has 2"),
            new Counted("pricing.x.nxm", 1, args("3x2", 0, 5), "3x2: 1 unidad paga 5", "3x2: %s unidades pagan 5",
                    "3x2: 1 unit for the price of 5", "3x2: %s units for the price of 5"),
            new Counted("pricing.x.nxm_insuficiente", 1, args("3x2", 0, 2), "3x2: hacen falta 1 unidad; en el carrito hay 2",
                    "3x2: hacen falta %s unidades;", "3x2: needs 1 unit; the cart has 2", "3x2: needs %s units;"),
            new Counted("st.conteo.lineas", 0, args(0), "1 producto contado", "%s productos contados", "1 product counted", "%s products counted"),
            new Counted("st.conteo.moved", 0, args(0), "1 producto se movió desde", "%s productos se movieron desde",
                    "1 product moved since", "%s products moved since"),
            new Counted("st.conteo.short", 0, args(0), "1 producto quedaría con menos", "%s productos quedarían con menos",
                    "1 product would have fewer", "%s products would have fewer"),
            new Counted("rw.lumis_unit", 0, args(0), "lümi", "lümis", "lümi", "lümis"),
            new Counted("cart.units", 0, args(0), "1 unidad", "%s unidades", "1 unit", "%s units"),
            new Counted("rep.hoy_count", 1, args(2, 0), "· 1 entregado hoy", "· %s entregados hoy", "· 1 delivered today", "· %s delivered today"),
            new Counted("merge.moves_row", 0, args(0, "pedidos"), "1 registro de pedidos", "%s registros de pedidos", "1 row of pedidos", "%s rows of pedidos"),
            new Counted("merge.done", 1, args(7, 0), "Cliente 7 fusionado: 1 registro pasó", "Cliente 7 fusionado: %s registros pasaron",
                    "Customer 7 merged: 1 row moved", "Customer 7 merged: %s rows moved"),
            new Counted("ped.list.totals", 0, args(0, "$ 0"), "1 pedido ·", "%s pedidos ·", "1 order ·", "%s orders ·"),
            new Counted("cart.reserved", 0, args(0, 15), "Se reservó 1 unidad por", "Se reservaron %s unidades por", "1 unit reserved", "%s units reserved"),
            new Counted("cart.reserved", 1, args(2, 0), "por 1 minuto.", "por %s minutos.", "for 1 minute.", "for %s minutes."),
            new Counted("reservas.minutes_left", 0, args(0), "1 minuto", "%s minutos", "1 minute", "%s minutes",
                    "menos de 1 minuto", "less than 1 minute"),
            new Counted("reservas.release_text", 0, args(0, "Café", "CAF-1"), "1 unidad de Café", "%s unidades de Café",
                    "1 unit of Café", "%s units of Café"),
            new Counted("reservas.released", 1, args(7, 0, "Café"), "1 unidad de Café", "%s unidades de Café", "1 unit of Café", "%s units of Café"),
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
            new Counted("rewards.public.left.days", 0, args(0), "1 día", "%s días", "1 day", "%s days"),
            new Counted("rewards.portal.today.truncated", 0, args(0), "Se muestra el más reciente.", "Se muestran los %s más recientes.",
                    "The latest one is shown.", "The latest %s are shown."),
            new Counted("rw.audit.s.created", 1, args("Ana", 0), "Canjeado por Ana: 1 lümi", "Canjeado por Ana: %s lümis",
                    "Redeemed by Ana: 1 lümi", "Redeemed by Ana: %s lümis"),
            new Counted("rw.audit.s.confirmed", 1, args("Ana", 0), "la recompensa se entregó (1 lümi)", "la recompensa se entregó (%s lümis)",
                    "the reward was handed over (1 lümi)", "the reward was handed over (%s lümis)"),
            new Counted("rw.audit.s.cancelled", 1, args("Ana", 0), "Anulado por Ana: se devolvió 1 lümi al cliente",
                    "Anulado por Ana: se devolvieron %s lümis al cliente", "Cancelled by Ana: 1 lümi went back", "Cancelled by Ana: %s lümis went back"),
            new Counted("rw.audit.s.expired", 1, args("Ana", 0), "Vencido por Ana: se devolvió 1 lümi al cliente",
                    "Vencido por Ana: se devolvieron %s lümis al cliente", "Expired by Ana: 1 lümi went back", "Expired by Ana: %s lümis went back"),
            new Counted("rw.audit.s.generic_lumis", 2, args("archivado", "Ana", 0), "archivado por Ana: 1 lümi", "archivado por Ana: %s lümis",
                    "archivado by Ana: 1 lümi", "archivado by Ana: %s lümis"),
            new Counted("rw.ledger.totals", 0, args(0, 7, "+7"), "1 movimiento en el período", "%s movimientos en el período",
                    "1 movement in the period", "%s movements in the period", "Ningún movimiento en el período", "No movements in the period"),
            new Counted("rw.ledger.totals", 1, args(3, 0, "+7"), "en total +7 lümi.", "en total +7 lümis.", "+7 lümi in all.", "+7 lümis in all."),
            new Counted("dashboard.chart.redemptions.title", 0, args(0), "Canjes por día, último día", "Canjes por día, últimos %s días",
                    "Redemptions per day, last day", "Redemptions per day, last %s days"),
            new Counted("dashboard.chart.redemptions.none", 0, args(0), "Ningún canje el último día.", "Ningún canje en los últimos %s días.",
                    "No redemptions in the last day.", "No redemptions in the last %s days."),
            new Counted("dashboard.chart.redemptions.summary", 0, args(0, 7, 3, "3 nov"), "7 canjes el último día;", "7 canjes en los últimos %s días;",
                    "7 redemptions in the last day;", "7 redemptions in the last %s days;"),
            new Counted("dashboard.chart.redemptions.summary", 1, args(30, 0, 3, "3 nov"), "1 canje en los últimos 30 días", "%s canjes en los últimos 30 días",
                    "1 redemption in the last 30 days", "%s redemptions in the last 30 days"),
            new Counted("dashboard.chart.confirmations.title", 0, args(0), "Confirmaciones por día, último día", "Confirmaciones por día, últimos %s días",
                    "Confirmations per day, last day", "Confirmations per day, last %s days"),
            new Counted("dashboard.chart.confirmations.none", 0, args(0), "Ninguna confirmación el último día.",
                    "Ninguna confirmación en los últimos %s días.", "No confirmations in the last day.", "No confirmations in the last %s days."),
            new Counted("dashboard.chart.confirmations.summary", 0, args(0, 7, 3, "3 nov"), "7 confirmaciones el último día;",
                    "7 confirmaciones en los últimos %s días;", "7 confirmations in the last day;", "7 confirmations in the last %s days;"),
            new Counted("dashboard.chart.confirmations.summary", 1, args(30, 0, 3, "3 nov"), "1 confirmación en los últimos 30 días",
                    "%s confirmaciones en los últimos 30 días", "1 confirmation in the last 30 days", "%s confirmations in the last 30 days"),
            new Counted("inv.dash.chart.entradas.title", 0, args(0), "Unidades que entraron por día, último día", "Unidades que entraron por día, últimos %s días",
                    "Units received per day, last day", "Units received per day, last %s days"),
            new Counted("inv.dash.chart.entradas.none", 0, args(0), "Ninguna entrada el último día.", "Ninguna entrada en los últimos %s días.",
                    "No entries in the last day.", "No entries in the last %s days."),
            new Counted("vis.today_count", 0, args(0, 2), "1 pendiente ·", "%s pendientes ·", "1 pending ·", "%s pending ·"),
            new Counted("vis.today_count", 1, args(3, 0), "· 1 registrada", "· %s registradas", "· 1 recorded", "· %s recorded"),
            new Counted("vis.v.fecha_range", 0, args(0), "menos de 1 día de hoy", "menos de %s días de hoy", "less than 1 day from", "less than %s days from"),
            new Counted("vis.v.range_long", 0, args(0), "como mucho 1 día.", "como mucho %s días.", "at most 1 day.", "at most %s days."),
            new Counted("crm.interests.delete_warning", 0, args(0, "VIP"), "1 cliente tiene el interés VIP", "%s clientes tienen el interés VIP",
                    "1 customer has the interest VIP", "%s customers have the interest VIP", "Ningún cliente tiene el interés VIP.",
                    "No customer has the interest VIP."),
            new Counted("crm.timeline.lumis", 0, args(0, "Compra"), "1 lümi: Compra", "%s lümis: Compra", "1 lümi: Compra", "%s lümis: Compra"),
            new Counted("import.count.new", 0, args(0), "1 nuevo", "%s nuevos", "1 new", "%s new"),
            new Counted("import.count.update", 0, args(0), "1 a actualizar", "%s a actualizar", "1 to update", "%s to update"),
            new Counted("import.count.unchanged", 0, args(0), "1 sin cambios", "%s sin cambios", "1 unchanged", "%s unchanged"),
            new Counted("import.count.error", 0, args(0), "1 con error", "%s con errores", "1 error", "%s errors"),
            new Counted("import.commit", 0, args(0), "Importar 1 fila", "Importar %s filas", "Import 1 row", "Import %s rows"),
            new Counted("import.progress.rows", 1, args(5, 0), "de 1 fila", "de %s filas", "of 1 row", "of %s rows"),
            new Counted("import.undo.delete", 0, args(0), "Se borraría 1 cliente creado", "Se borrarían %s clientes creados",
                    "1 customer created by this import would be deleted", "%s customers created by this import would be deleted",
                    "No se borraría ningún cliente.", "No customer would be deleted."),
            new Counted("import.undo.keep", 0, args(0), "Se conservaría 1 cliente creado por ella", "Se conservarían %s clientes creados por ella",
                    "1 customer it created would be kept", "%s customers it created would be kept", "No se conservaría ninguno.", "None would be kept."),
            new Counted("import.products.undo.delete", 0, args(0), "Se borraría 1 producto creado", "Se borrarían %s productos creados",
                    "1 product created by this import would be deleted", "%s products created by this import would be deleted",
                    "No se borraría ningún producto.", "No product would be deleted."),
            new Counted("import.products.undo.keep", 0, args(0), "Se conservaría 1 producto creado por ella", "Se conservarían %s productos creados por ella",
                    "1 product it created would be kept", "%s products it created would be kept", "No se conservaría ninguno.", "None would be kept."),
            new Counted("inv.dash.chart.entradas.summary", 0, args(0, 7, 3, "3 nov"), "Entraron 7 unidades el último día;",
                    "Entraron 7 unidades en los últimos %s días;", "7 units received in the last day;", "7 units received in the last %s days;"),
            new Counted("inv.dash.chart.entradas.summary", 1, args(30, 0, 3, "3 nov"), "Entró 1 unidad en los últimos 30 días",
                    "Entraron %s unidades en los últimos 30 días", "1 unit received in the last 30 days", "%s units received in the last 30 days"),
            new Counted("inv.dash.chart.ventas.title", 0, args(0), "Unidades vendidas por día, último día", "Unidades vendidas por día, últimos %s días",
                    "Units sold per day, last day", "Units sold per day, last %s days"),
            new Counted("inv.dash.chart.ventas.none", 0, args(0), "Ninguna venta el último día.", "Ninguna venta en los últimos %s días.",
                    "No sales in the last day.", "No sales in the last %s days."),
            new Counted("inv.dash.chart.ventas.summary", 0, args(0, 7, 3, "3 nov"), "Se vendieron 7 unidades el último día;",
                    "Se vendieron 7 unidades en los últimos %s días;", "7 units sold in the last day;", "7 units sold in the last %s days;"),
            new Counted("inv.dash.chart.ventas.summary", 1, args(30, 0, 3, "3 nov"), "Se vendió 1 unidad en los últimos 30 días",
                    "Se vendieron %s unidades en los últimos 30 días", "1 unit sold in the last 30 days", "%s units sold in the last 30 days"),
            new Counted("sales.fig.pedidos", 0, args(0), "pedido vendido", "pedidos vendidos", "order sold", "orders sold"),
            new Counted("sales.fig.devueltos", 0, args(0), "pedido devuelto", "pedidos devueltos", "order returned", "orders returned"),
            new Counted("sales.fig.cancelados", 0, args(0), "pedido cancelado", "pedidos cancelados", "order cancelled", "orders cancelled"),
            new Counted("sales.chart.summary.dia", 0, args(0, 7, "$ 9"), "7 pedidos vendidos por $ 9 en 1 día.", "7 pedidos vendidos por $ 9 en %s días.",
                    "7 orders sold for $ 9 in 1 day.", "7 orders sold for $ 9 in %s days."),
            new Counted("sales.chart.summary.dia", 1, args(30, 0, "$ 9"), "1 pedido vendido por", "%s pedidos vendidos por",
                    "1 order sold for", "%s orders sold for"),
            new Counted("sales.chart.summary.semana", 0, args(0, 7, "$ 9"), "7 pedidos vendidos por $ 9 en 1 semana.", "7 pedidos vendidos por $ 9 en %s semanas.",
                    "7 orders sold for $ 9 in 1 week.", "7 orders sold for $ 9 in %s weeks."),
            new Counted("sales.chart.summary.semana", 1, args(30, 0, "$ 9"), "1 pedido vendido por", "%s pedidos vendidos por",
                    "1 order sold for", "%s orders sold for"),
            new Counted("validation.money_decimals", 1, args("Precio", 0, "UYU"), "Precio en UYU lleva como máximo 1 decimal.",
                    "Precio en UYU lleva como máximo %s decimales.", "Precio in UYU takes at most 1 decimal.", "Precio in UYU takes at most %s decimals.",
                    "Precio en UYU no lleva decimales.", "Precio in UYU takes no decimals."),
            new Counted("ofertas.v.regla_precio", 1, args(1, 0, "UYU"), "en UYU con 1 decimal como máximo.", "en UYU con %s decimales como máximo.",
                    "in UYU with 1 decimal at most", "in UYU with %s decimals at most", "en UYU sin decimales.", "in UYU with no decimals"));

    @Test
    void countedTextsSayOneAndManyInBothLanguages() {
        List<String> wrong = new ArrayList<>();
        for (Counted c : COUNTED) {
            for (long n : new long[] {0, 1, 2, 1000}) {
                check(wrong, c, ES, n, n == 0 && c.esZero() != null ? c.esZero()
                        : n == 1 ? c.esOne() : c.esOther().replace("%s", n == 1000 ? "1.000" : String.valueOf(n)));
                check(wrong, c, EN, n, n == 0 && c.enZero() != null ? c.enZero()
                        : n == 1 ? c.enOne() : c.enOther().replace("%s", n == 1000 ? "1,000" : String.valueOf(n)));
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
        for (Path bundle : Bundles.bundles()) {
            Properties p = Bundles.load(bundle);
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
        assertEquals("2 movimientos en el período, en total −1 lümi.", ES.t("rw.ledger.totals", 2, -1, "−1"),
                "a sum below zero still counts one lümi");
    }

    /** ICU reads apostrophes as the JDK did in every text that is not a plural: '' is one, and no text lost one. */
    @Test
    void textsWithoutCountsRenderAsBefore() throws Exception {
        List<String> different = new ArrayList<>();
        for (Path bundle : Bundles.bundles()) {
            Properties p = Bundles.load(bundle);
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
