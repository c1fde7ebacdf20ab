package dev.mostrador.imports;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An import's progress (JSON and the htmx fragment), its errors page by page, and the errors as CSV. */
public final class ImportStatusRoutes {
    private static final int ERRORS_PAGE = 50;

    private final Web web;
    private final Templates templates;
    private final ImportRepository imports;
    private final ImportRoutes pages;

    ImportStatusRoutes(Web web, Templates templates, ImportRepository imports, ImportRoutes pages) {
        this.web = web;
        this.templates = templates;
        this.imports = imports;
        this.pages = pages;
    }

    void register(Routes routes) {
        String base = ImportRoutes.BASE + "/{id}";
        routes.get(base + "/estado", this::status, ImportRoutes.WRITERS)
                .get(base + "/progreso", this::progress, ImportRoutes.WRITERS)
                .get(base + "/errores", this::errors, ImportRoutes.WRITERS)
                .get(base + "/errores.csv", this::errorsCsv, ImportRoutes.WRITERS);
    }

    /** A small JSON the page (or a script) polls: the state survives reloads and restarts, it lives in PostgreSQL. */
    private void status(Context ctx) {
        ImportJob j = pages.load(ctx);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", j.id());
        body.put("state", j.state());
        body.put("percent", j.percent());
        body.put("total_rows", j.totalRows());
        body.put("validated_rows", j.validatedRows());
        body.put("new", j.countNew());
        body.put("update", j.countUpdate());
        body.put("unchanged", j.countUnchanged());
        body.put("error", j.countError());
        body.put("committed_rows", j.committedRows());
        body.put("created_rows", j.createdRows());
        body.put("updated_rows", j.updatedRows());
        body.put("undone_rows", j.undoneRows());
        body.put("kept_rows", j.keptRows());
        body.put("undone_at", j.undoneAt() == null ? null : j.undoneAt().toString());
        body.put("failure", j.failure());
        ctx.header("Cache-Control", "no-store");
        Web.json(ctx, HttpStatus.OK, body);
    }

    /** The progress bar alone; once the work is over, 286 stops htmx's polling and HX-Refresh shows the next step. */
    private void progress(Context ctx) {
        ImportJob j = pages.load(ctx);
        if (!j.working()) {
            ctx.header("HX-Refresh", "true").status(286).result("");
            return;
        }
        web.render(ctx, templates.importsProgress(web.page(ctx), j));
    }

    private void errors(Context ctx) {
        ImportJob j = pages.load(ctx);
        String after = ctx.queryParam("after");
        int afterLine = after != null && after.matches("\\d{1,9}") ? Integer.parseInt(after) : 0;
        List<ImportRepository.ErrorRow> rows = imports.errors(Web.user(ctx).tenantId(), j.id(), afterLine, ERRORS_PAGE + 1);
        boolean more = rows.size() > ERRORS_PAGE;
        if (more) rows = rows.subList(0, ERRORS_PAGE);
        web.render(ctx, templates.importsErrors(web.page(ctx), j, rows, more ? rows.get(rows.size() - 1).line() : null));
    }

    /** Every error row: line, field, reason, then the row's cells as the file had them (CsvExport escapes formulas). */
    private void errorsCsv(Context ctx) {
        ImportJob j = pages.load(ctx);
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        List<String> header = new ArrayList<>(List.of(m.t("import.errors.line"), m.t("import.errors.field"), m.t("import.errors.reason")));
        CsvExport.send(ctx, me.tenant(), "importacion-" + j.id() + "-errores", header, csv -> {
            int after = 0;
            while (true) {
                List<ImportRepository.ErrorRow> rows = imports.errors(me.tenantId(), j.id(), after, 1000);
                for (ImportRepository.ErrorRow r : rows) {
                    csv.number(r.line()).text(r.field() == null ? "" : m.t("import.field." + r.field())).text(reasonText(m, r.reason()));
                    for (String cell : r.raw()) csv.text(cell);
                    csv.endRow();
                }
                if (rows.size() < 1000) break;
                after = rows.get(rows.size() - 1).line();
            }
        });
    }

    /** A stored reason ("import.err.duplicate|12": a key and its argument) in the reader's language. */
    public static String reasonText(Messages m, String stored) {
        if (stored == null) return "";
        int bar = stored.indexOf('|');
        if (bar < 0) return m.t(stored);
        return m.t(stored.substring(0, bar), stored.substring(bar + 1));
    }
}
