package dev.mostrador.imports;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.web.CsvExport;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.List;
import java.util.Optional;

/**
 * Undoing an import: the confirmation page (what would be deleted, what kept and why), the POST
 * that starts it in the background, and the rows it kept with their reasons (pages and CSV). An
 * import that cannot be undone now gets its own page again with the reason and 409, never a 500.
 */
final class ImportUndoRoutes {
    private static final int KEPT_PAGE = 50;

    private final Web web;
    private final Templates templates;
    private final ImportRoutes pages;
    private final ImportUndo undo;
    private final ImportWorker worker;

    ImportUndoRoutes(Web web, Templates templates, ImportRoutes pages, ImportUndo undo, ImportWorker worker) {
        this.web = web;
        this.templates = templates;
        this.pages = pages;
        this.undo = undo;
        this.worker = worker;
    }

    void register(Routes routes) {
        String base = ImportRoutes.BASE + "/{id}";
        routes.get(base + "/deshacer", this::confirm, ImportRoutes.WRITERS)
                .post(base + "/deshacer", this::start, ImportRoutes.WRITERS)
                .get(base + "/conservadas", this::kept, ImportRoutes.WRITERS)
                .get(base + "/conservadas.csv", this::keptCsv, ImportRoutes.WRITERS);
    }

    private void confirm(Context ctx) {
        ImportJob job = pages.load(ctx);
        if (refused(ctx, job)) return;
        web.render(ctx, templates.importsUndo(web.page(ctx), job, undo.preview(Web.user(ctx).tenantId(), job)));
    }

    private void start(Context ctx) {
        ImportJob job = pages.load(ctx);
        if (refused(ctx, job)) return;
        CurrentUser me = Web.user(ctx);
        if (!undo.start(me.tenantId(), job.id(), me.userId())) { // another click got there first
            refuse(ctx, pages.load(ctx), ImportUndo.Refusal.ALREADY);
            return;
        }
        worker.submit(job.id());
        ctx.redirect(ImportRoutes.BASE + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private boolean refused(Context ctx, ImportJob job) {
        Optional<ImportUndo.Refusal> refusal = undo.refusal(job);
        refusal.ifPresent(r -> refuse(ctx, job, r));
        return refusal.isPresent();
    }

    private void refuse(Context ctx, ImportJob job, ImportUndo.Refusal refusal) {
        Messages m = Web.messages(ctx);
        web.render(ctx, HttpStatus.CONFLICT, pages.showPage(ctx, job, null, List.of(), m.t(refusal.message, m.t("import.state." + job.state()))));
    }

    private void kept(Context ctx) {
        ImportJob job = pages.load(ctx);
        String after = ctx.queryParam("after");
        int afterLine = after != null && after.matches("\\d{1,9}") ? Integer.parseInt(after) : 0;
        List<ImportAudit.Kept> rows = ImportAudit.kept(undo.dsl(), Web.user(ctx).tenantId(), job.id(), afterLine, KEPT_PAGE + 1);
        boolean more = rows.size() > KEPT_PAGE;
        if (more) rows = rows.subList(0, KEPT_PAGE);
        web.render(ctx, templates.importsKept(web.page(ctx), job, rows, more ? rows.get(rows.size() - 1).line() : null));
    }

    /** Every kept row: line, the row's name, the id it created, why it stayed. */
    private void keptCsv(Context ctx) {
        ImportJob job = pages.load(ctx);
        CurrentUser me = Web.user(ctx);
        Messages m = Web.messages(ctx);
        List<String> header = List.of(m.t("import.errors.line"), m.t("import.field.name"), "id", m.t("import.errors.reason"));
        CsvExport.send(ctx, me.tenant(), "importacion-" + job.id() + "-conservadas", header, csv -> {
            int after = 0;
            while (true) {
                List<ImportAudit.Kept> rows = ImportAudit.kept(undo.dsl(), me.tenantId(), job.id(), after, 1000);
                for (ImportAudit.Kept r : rows) {
                    csv.number(r.line()).text(r.name() == null ? "" : r.name()).number(r.targetId())
                            .text(ImportStatusRoutes.reasonText(m, r.reason())).endRow();
                }
                if (rows.size() < 1000) break;
                after = rows.get(rows.size() - 1).line();
            }
        });
    }
}
