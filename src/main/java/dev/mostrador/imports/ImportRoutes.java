package dev.mostrador.imports;

import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.PathParams;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Importaciones: the list, the upload, and an import's page (mapping, dry run, commit, done). */
public final class ImportRoutes {
    public static final String BASE = "/importaciones";
    static final Role[] WRITERS = {Role.ADMIN, Role.OFICINA};

    private final Web web;
    private final Templates templates;
    private final ImportRepository imports;
    private final ImportWorker worker;
    private final long maxBytes;

    public ImportRoutes(Web web, Templates templates, ImportRepository imports, ImportWorker worker, int maxMb) {
        this.web = web;
        this.templates = templates;
        this.imports = imports;
        this.worker = worker;
        this.maxBytes = maxMb * 1024L * 1024L;
    }

    public void register(Routes routes) {
        routes.get(BASE, ctx -> list(ctx, null, HttpStatus.OK), WRITERS)
                .post(BASE, this::upload, WRITERS)
                .get(BASE + "/{id}", this::show, WRITERS)
                .post(BASE + "/{id}/validar", this::validate, WRITERS)
                .post(BASE + "/{id}/confirmar", this::commit, WRITERS);
        new ImportStatusRoutes(web, templates, imports, this).register(routes);
    }

    private void list(Context ctx, String error, HttpStatus status) {
        web.render(ctx, status, templates.importsList(web.page(ctx), imports.list(Web.user(ctx).tenantId(), 100), error, maxBytes / (1024 * 1024)));
    }

    /** The file is checked here (size, empty, binary, not a table) and stored whole; nothing else happens until the user maps it. */
    private void upload(Context ctx) throws IOException {
        Messages m = Web.messages(ctx);
        if (ctx.contentLength() > maxBytes + 64 * 1024) {
            list(ctx, m.t("import.bad.too_large", maxBytes / (1024 * 1024)), HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null) {
            list(ctx, m.t("import.bad.no_file"), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            list(ctx, m.t("import.bad.too_large", maxBytes / (1024 * 1024)), HttpStatus.CONTENT_TOO_LARGE);
            return;
        }
        String name = fileName(file.filename());
        ImportTable table;
        try {
            table = ImportTable.read(name, bytes);
            if (table.first(2).isEmpty()) throw new ImportTable.Unreadable("import.bad.empty");
        } catch (ImportTable.Unreadable e) {
            list(ctx, m.t(e.reason(), name), HttpStatus.UNPROCESSABLE_CONTENT);
            return;
        }
        String kind = "products".equals(ctx.formParam("kind")) ? "products" : "customers";
        CurrentUser me = Web.user(ctx);
        long id = imports.create(me.tenantId(), me.userId(), new ImportRepository.NewImport(kind, name, sha256(bytes), bytes,
                table.encoding(), table.separator()));
        ctx.redirect(BASE + "/" + id, HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx) {
        ImportJob job = load(ctx);
        try {
            show(ctx, job);
        } catch (ImportTable.Unreadable e) {
            web.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, showPage(ctx, job, null, List.of(),
                    Web.messages(ctx).t(e.reason(), job.fileName())));
        }
    }

    private void show(Context ctx, ImportJob job) throws ImportTable.Unreadable {
        if (job.working()) ctx.header("Refresh", "3"); // without JavaScript the page reloads itself; htmx polls otherwise
        ImportPreview preview = null;
        if (job.state().equals("uploaded") || job.state().equals("validated") || job.state().equals("failed")) {
            preview = preview(ctx, job, job.headerLine(), Map.of());
        }
        List<ImportRepository.ErrorRow> errors = job.countError() > 0 || job.state().equals("done")
                ? imports.errors(Web.user(ctx).tenantId(), job.id(), 0, 20) : List.of();
        web.render(ctx, showPage(ctx, job, preview, errors, null));
    }

    private ImportPreview preview(Context ctx, ImportJob job, int headerLine, Map<String, String> chosen) throws ImportTable.Unreadable {
        UUID tenant = Web.user(ctx).tenantId();
        String header = ctx.queryParam("header");
        if (header != null && header.matches("\\d{1,2}")) headerLine = Math.max(1, Math.min(ImportPreview.LINES, Integer.parseInt(header)));
        ImportTable table = ImportTable.read(job.fileName(), imports.file(imports.dsl(), tenant, job.id()));
        Map<String, String> chosenNow = headerLine == job.headerLine() && chosen.isEmpty() ? job.mapping() : chosen;
        return ImportPreview.of(ImportKind.of(job.kind()), table.first(ImportPreview.LINES), headerLine, imports.lastMapping(tenant, job.kind()), chosenNow);
    }

    /** The user's header line, mapping, key and mode: checked, remembered for the tenant, and the dry run started. */
    private void validate(Context ctx) {
        ImportJob job = load(ctx);
        try {
            validate(ctx, job);
        } catch (ImportTable.Unreadable e) {
            web.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, showPage(ctx, job, null, List.of(),
                    Web.messages(ctx).t(e.reason(), job.fileName())));
        }
    }

    private void validate(Context ctx, ImportJob job) throws ImportTable.Unreadable {
        Messages m = Web.messages(ctx);
        ImportKind kind = ImportKind.of(job.kind());
        int headerLine = intParam(ctx.formParam("header"), 1);
        Map<String, String> mapping = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String field = ctx.formParam("col" + i);
            if (field != null && kind.fields().contains(field)) {
                if (mapping.containsValue(field)) {
                    fail(ctx, job, headerLine, m.t("import.map.twice", m.t("import.field." + field)));
                    return;
                }
                mapping.put(String.valueOf(i), field);
            }
        }
        String key = ctx.formParam("key");
        String mode = ctx.formParam("mode");
        if (key == null || !kind.keys().contains(key)) key = kind.defaultKey();
        if (mode == null || !List.of("create", "update", "both").contains(mode)) mode = "both";
        if (!mapping.containsValue(key)) {
            fail(ctx, job, headerLine, m.t("import.map.key_unmapped", m.t("import.field." + key)));
            return;
        }
        if (!mapping.containsValue("name") && !mode.equals("update")) {
            fail(ctx, job, headerLine, m.t(kind.label("import.map.name_unmapped")));
            return;
        }
        UUID tenant = Web.user(ctx).tenantId();
        if (!imports.chooseAndValidate(tenant, job.id(), headerLine, mapping, key, mode)) {
            web.flashError(ctx, BASE + "/" + job.id(), m.t("import.state.too_late"));
            return;
        }
        ImportPreview preview = preview(ctx, job, headerLine, mapping);
        ImportAudit.rememberHeader(imports.dsl(), tenant, job.id(), preview.headers());
        Map<String, String> byHeader = new LinkedHashMap<>();
        mapping.forEach((col, field) -> {
            int c = Integer.parseInt(col);
            if (c < preview.headers().size()) byHeader.put(ImportKind.fold(preview.headers().get(c)), field);
        });
        imports.rememberMapping(tenant, job.kind(), byHeader);
        worker.submit(job.id());
        ctx.redirect(BASE + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    private void fail(Context ctx, ImportJob job, int headerLine, String error) throws ImportTable.Unreadable {
        Map<String, String> chosen = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) if (ctx.formParam("col" + i) != null && !ctx.formParam("col" + i).isEmpty()) chosen.put(String.valueOf(i), ctx.formParam("col" + i));
        web.render(ctx, HttpStatus.UNPROCESSABLE_CONTENT, showPage(ctx, job, preview(ctx, job, headerLine, chosen), List.of(), error));
    }

    private void commit(Context ctx) {
        ImportJob job = load(ctx);
        CurrentUser me = Web.user(ctx);
        if (!imports.startCommit(me.tenantId(), job.id(), me.userId())) {
            web.flashError(ctx, BASE + "/" + job.id(), Web.messages(ctx).t("import.state.too_late"));
            return;
        }
        worker.submit(job.id());
        ctx.redirect(BASE + "/" + job.id(), HttpStatus.SEE_OTHER);
    }

    /** The import's page, with its audit (who committed and undid it, the mapping's headers, why undone rows were kept). */
    gg.jte.models.runtime.JteModel showPage(Context ctx, ImportJob job, ImportPreview preview, List<ImportRepository.ErrorRow> errors, String error) {
        return templates.importsShow(web.page(ctx), job, preview, errors, error, ImportAudit.load(imports.dsl(), Web.user(ctx).tenantId(), job));
    }

    ImportJob load(Context ctx) {
        return imports.find(Web.user(ctx).tenantId(), PathParams.id(ctx, "id")).orElseThrow(NotFoundResponse::new);
    }

    private static int intParam(String s, int fallback) {
        return s != null && s.matches("\\d{1,2}") ? Math.max(1, Integer.parseInt(s)) : fallback;
    }

    /** The file's own name, without a path some browsers send, cut to the column's 255. */
    static String fileName(String raw) {
        String n = raw == null ? "" : raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replace('\0', '_').strip();
        if (n.isEmpty()) n = "archivo.csv";
        return n.length() > 255 ? n.substring(0, 255) : n;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
