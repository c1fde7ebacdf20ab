package dev.mostrador.sales;

import dev.mostrador.platform.tenants.Tenant;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.sales.SalesReportRepository.OfertaUse;
import dev.mostrador.sales.SalesReportRepository.Period;
import dev.mostrador.sales.SalesReportRepository.Row;
import io.javalin.http.Context;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Each table of the sales report as a CSV download, every row of it (the page shows the first {@link SalesReports#TOP}). */
final class SalesCsv {
    /** The {@code tabla} values; anything else is the table of days or weeks. */
    static final List<String> TABLES = List.of("periodos", "productos", "vendedores", "clientes", "ofertas");

    private final SalesReportRepository repository;
    private final Messages m;

    SalesCsv(SalesReportRepository repository, Messages m) {
        this.repository = repository;
        this.m = m;
    }

    void send(Context ctx, Tenant tenant, SalesRange range, String table) {
        ZoneId zone = tenant.zone();
        OffsetDateTime from = range.from(zone), to = range.to(zone);
        String chosen = table != null && TABLES.contains(table) ? table : "periodos";
        String name = "ventas-" + chosen + "-" + range.desde() + "-" + range.hasta();
        switch (chosen) {
            case "productos" -> rows(ctx, tenant, name, "sales.col.producto", "sales.col.unidades",
                    repository.products(tenant.id(), from, to, null));
            case "vendedores" -> rows(ctx, tenant, name, "sales.col.vendedor", "sales.col.pedidos",
                    repository.vendedores(tenant.id(), from, to, null));
            case "clientes" -> rows(ctx, tenant, name, "sales.col.cliente", "sales.col.pedidos",
                    repository.customers(tenant.id(), from, to, null));
            case "ofertas" -> {
                List<OfertaUse> ofertas = repository.ofertas(tenant.id(), from, to);
                CsvExport.send(ctx, tenant, name, List.of("id", m.t("sales.col.oferta"), m.t("sales.col.pedidos"), m.t("sales.col.unidades"),
                        m.t("sales.col.descuento")), csv -> ofertas.forEach(o -> {
                            csv.number(o.id()).text(o.titulo()).number(o.pedidos()).number(o.unidades()).number(o.descuento());
                            csv.endRow();
                        }));
            }
            default -> {
                List<Period> periods = SalesReports.everyPeriod(repository.periods(tenant.id(), zone, from, to, range.weekly()), range);
                CsvExport.send(ctx, tenant, name, List.of(m.t(range.weekly() ? "sales.col.semana" : "sales.col.dia"), m.t("sales.col.pedidos"),
                        m.t("sales.col.total"), m.t("sales.col.devueltos"), m.t("sales.col.total_devuelto")), csv -> periods.forEach(p -> {
                            csv.text(p.start().toString()).number(p.pedidos()).number(p.total()).number(p.devueltos()).number(p.totalDevuelto());
                            csv.endRow();
                        }));
            }
        }
    }

    private void rows(Context ctx, Tenant tenant, String name, String nameHeader, String countHeader, List<Row> rows) {
        CsvExport.send(ctx, tenant, name, List.of("id", m.t("sales.col.codigo"), m.t(nameHeader), m.t(countHeader), m.t("sales.col.total")),
                csv -> rows.forEach(r -> {
                    csv.text(r.id() == null ? "" : r.id().toString()).text(r.code()).text(r.nombre() == null ? m.t("sales.sin_cliente") : r.nombre())
                            .number(r.cantidad()).number(r.total());
                    csv.endRow();
                }));
    }
}
