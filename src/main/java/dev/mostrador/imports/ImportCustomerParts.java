package dev.mostrador.imports;

import dev.mostrador.customers.Customer;
import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Messages;
import dev.mostrador.platform.web.RequestMemo;
import dev.mostrador.platform.web.Web;
import dev.mostrador.templates.Templates;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The imports' part of a customer's page: the imports that created or updated the customer, for
 * those who may open imports (admin, oficina); and on everyone's timeline, "created by import 12"
 * and "updated by import 15" (a link for those who may follow it).
 */
public final class ImportCustomerParts implements CustomerPageParts, CustomerTimeline {
    private final ImportRepository imports;
    private final Web web;
    private final Templates templates;

    ImportCustomerParts(ImportRepository imports, Web web, Templates templates) {
        this.imports = imports;
        this.web = web;
        this.templates = templates;
    }

    @Override
    public Parts of(Context ctx, Customer customer) {
        if (!mayOpenImports(ctx)) return NONE.of(ctx, customer);
        return new Parts(out -> {}, templates.importsCustomerImports(web.page(ctx), touches(ctx, customer.id())));
    }

    /** The imports that touched the customer, read once for the part and the timeline. */
    private List<ImportRepository.Touch> touches(Context ctx, long customerId) {
        return RequestMemo.firstRows(ctx, read(ctx, customerId), Integer.MAX_VALUE);
    }

    private RequestMemo.Read<ImportRepository.Touch> read(Context ctx, long customerId) {
        UUID tenantId = Web.user(ctx).tenantId();
        // The statement reads at most 50 (its own LIMIT): asked for more, it is read once all the same.
        return new RequestMemo.Read<>(imports.dsl(), "imports.customer:" + customerId, Integer.MAX_VALUE,
                n -> ImportRepository.touchesQuery(tenantId, "customers", customerId));
    }

    @Override
    public void readAhead(Context ctx, long customerId) {
        RequestMemo.readAhead(ctx, read(ctx, customerId));
    }

    @Override
    public List<Entry> entries(Context ctx, Customer customer, int limit) {
        Messages m = Web.messages(ctx);
        boolean link = mayOpenImports(ctx);
        List<Entry> out = new ArrayList<>();
        for (ImportRepository.Touch t : touches(ctx, customer.id())) {
            boolean created = !t.applied().equals("updated");
            out.add(new Entry(created ? customer.createdAt() : t.at(), "import",
                    m.t(created ? "crm.timeline.import.created" : "crm.timeline.import.updated", String.valueOf(t.importId()), t.fileName()),
                    link ? ImportRoutes.BASE + "/" + t.importId() : null));
            if (out.size() == limit) break;
        }
        return out;
    }

    private static boolean mayOpenImports(Context ctx) {
        return List.of(ImportRoutes.WRITERS).contains(Web.user(ctx).role());
    }
}
