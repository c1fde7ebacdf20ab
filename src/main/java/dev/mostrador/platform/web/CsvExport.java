package dev.mostrador.platform.web;

import dev.mostrador.platform.tenants.Tenant;
import io.javalin.http.Context;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A list as a CSV download, written row by row to the response (the rows come from a database
 * cursor, so a list of millions never sits in memory). Made for Excel in Spanish: UTF-8 with a
 * BOM (else Excel reads it as Windows-1252), ';' between cells (Spanish Excel uses ',' as the
 * decimal mark and so splits cells on ';'), numbers without thousands separators and with the
 * tenant language's decimal mark, dates as "yyyy-MM-dd HH:mm" in the tenant's zone (Excel reads
 * that as a date in any language). Text that Excel would run as a formula is quoted with '.
 */
public final class CsvExport {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CsvExport.class);
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setDelimiter(';').setRecordSeparator("\r\n").get();
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CSVPrinter printer;
    private final ZoneId zone;
    private final boolean decimalComma;
    private final List<String> cells = new ArrayList<>();

    private CsvExport(CSVPrinter printer, Tenant tenant) {
        this.printer = printer;
        this.zone = tenant.zone();
        this.decimalComma = !"en".equals(tenant.language());
    }

    /** Something that writes the rows, each with cells then {@link #endRow()}. */
    public interface Rows {
        void write(CsvExport csv);
    }

    /** Sends "{name}-{yyyy-MM-dd}.csv" (the tenant's date) with the header row, then the rows. */
    public static void send(Context ctx, Tenant tenant, String name, List<String> header, Rows rows) {
        ctx.attribute(Web.RENDERED, true);
        ctx.status(200).contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "-" + LocalDate.now(tenant.zone()) + ".csv\"");
        ctx.header("Cache-Control", "no-store");
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 64 * 1024);
            out.write('\uFEFF');
            CsvExport csv = new CsvExport(new CSVPrinter(out, FORMAT), tenant);
            for (String h : header) csv.text(h);
            csv.endRow();
            rows.write(csv);
            csv.printer.flush();
        } catch (IOException | UncheckedIOException e) {
            // The browser went away mid-download (the cursor's transaction has rolled back): nothing to answer.
            LOG.debug("CSV export of {} stopped: {}", name, e.getMessage());
        }
    }

    public CsvExport text(String value) {
        cells.add(safe(value));
        return this;
    }

    public CsvExport number(BigDecimal value) {
        cells.add(value == null ? "" : decimalComma ? value.toPlainString().replace('.', ',') : value.toPlainString());
        return this;
    }

    public CsvExport number(long value) {
        cells.add(Long.toString(value));
        return this;
    }

    public CsvExport dateTime(OffsetDateTime value) {
        cells.add(value == null ? "" : value.atZoneSameInstant(zone).format(DATE_TIME));
        return this;
    }

    public void endRow() {
        try {
            printer.printRecord(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        cells.clear();
    }

    /** OWASP's CSV injection advice: a cell starting with = + - @ (or tab, CR) is made plain text. */
    static String safe(String value) {
        if (value == null || value.isEmpty()) return "";
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r' ? "'" + value : value;
    }
}
