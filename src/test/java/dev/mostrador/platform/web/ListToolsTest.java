package dev.mostrador.platform.web;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The pure parts of the list tools: sort links, presets, CSV cells. */
class ListToolsTest {

    private static ListLinks links(ListSort sort) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("q", "pan & leche");
        filters.put("estado", "todos");
        return new ListLinks("/productos", filters, sort);
    }

    @Test
    void aHeaderLinkKeepsTheFiltersDropsThePageAndTurnsTheActiveColumnAround() {
        ListLinks byNameAsc = links(ListSort.asc("nombre"));
        assertEquals("/productos?q=pan+%26+leche&estado=todos&sort=nombre&dir=desc", byNameAsc.sortHref("nombre"));
        assertEquals("/productos?q=pan+%26+leche&estado=todos&sort=precio&dir=asc", byNameAsc.sortHref("precio"));
        assertEquals("/productos?q=pan+%26+leche&estado=todos&sort=nombre&dir=asc", links(ListSort.desc("nombre")).sortHref("nombre"));
        assertEquals("ascending", byNameAsc.ariaSort("nombre"));
        assertEquals("descending", links(ListSort.desc("nombre")).ariaSort("nombre"));
        assertNull(byNameAsc.ariaSort("precio"), "no aria-sort on the other columns");
        assertEquals("↑", byNameAsc.arrow("nombre"));
        assertEquals("", byNameAsc.arrow("precio"));
        assertEquals("/productos.csv?q=pan+%26+leche&estado=todos&sort=nombre&dir=asc", byNameAsc.csvHref());
        assertEquals("/productos?q=pan+%26+leche&estado=todos&sort=nombre&dir=asc", byNameAsc.pageBase());
    }

    @Test
    void theDefaultOrderAddsNothingToTheLinks() {
        ListLinks none = new ListLinks("/users", Map.of(), ListSort.NONE);
        assertEquals("/users?", none.pageBase());
        assertEquals("/users.csv?", none.csvHref());
        assertEquals("/users?sort=name&dir=asc", none.sortHref("name"));
        assertNull(none.ariaSort("name"));
    }

    @Test
    void presetsAreTodaySevenDaysAndTheWholeMonth() {
        List<DatePresets.Preset> presets = DatePresets.of(LocalDate.of(2026, 2, 10));
        assertEquals(new DatePresets.Preset("list.preset.today", LocalDate.of(2026, 2, 10), LocalDate.of(2026, 2, 10)), presets.get(0));
        assertEquals(new DatePresets.Preset("list.preset.week", LocalDate.of(2026, 2, 4), LocalDate.of(2026, 2, 10)), presets.get(1));
        assertEquals(new DatePresets.Preset("list.preset.month", LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)), presets.get(2));
        ListLinks redemptions = new ListLinks("/recompensas/canjes", Map.of("status", "confirmed", "from", "2020-01-01"), ListSort.desc("created"));
        String week = redemptions.with("from", "2026-02-04", "to", "2026-02-10");
        assertEquals(true, week.contains("status=confirmed") && week.contains("from=2026-02-04") && week.contains("to=2026-02-10")
                && !week.contains("2020") && week.endsWith("sort=created&dir=desc"), week);
    }

    @Test
    void cellsThatExcelWouldRunAsFormulasBecomeText() {
        assertEquals("'=HYPERLINK(\"http://x\")", CsvExport.safe("=HYPERLINK(\"http://x\")"));
        assertEquals("'+56 9 1234", CsvExport.safe("+56 9 1234"));
        assertEquals("'-2+3", CsvExport.safe("-2+3"));
        assertEquals("'@SUM(A1)", CsvExport.safe("@SUM(A1)"));
        assertEquals("'\tx", CsvExport.safe("\tx"));
        assertEquals("Pan = rico", CsvExport.safe("Pan = rico"));
        assertEquals("", CsvExport.safe(null));
    }
}
