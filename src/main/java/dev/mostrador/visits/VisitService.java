package dev.mostrador.visits;

import dev.mostrador.inventory.CartRefused;
import dev.mostrador.inventory.CartService;
import dev.mostrador.platform.auth.CurrentUser;
import dev.mostrador.platform.auth.Role;
import dev.mostrador.platform.web.Messages;
import org.jooq.DSLContext;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

/**
 * Who may do what with visits: a vendedor plans, sees and edits only their own; admin and oficina
 * everyone's, and plan for anyone. Another vendedor's visit is "not found", as another tenant's.
 */
public final class VisitService {
    /** A checked plan; {@code vendedorId} null means the signed-in user. */
    public record Plan(long customerId, Long vendedorId, OffsetDateTime plannedAt) {}

    /** A checked record of what came of a visit. */
    public record Outcome(String outcome, String notes, String nextAction, LocalDate nextActionDate) {}

    private final CartService carts;

    public VisitService(CartService carts) {
        this.carts = carts;
    }

    public static boolean seesEveryone(CurrentUser me) {
        return me.role() != Role.VENDEDOR;
    }

    /** The visit if this user may see it. */
    public Optional<Visita> find(DSLContext ctx, CurrentUser me, long id) {
        return new VisitRepository(ctx).find(me.tenantId(), id).filter(v -> seesEveryone(me) || v.vendedorId() == me.userId());
    }

    /** Plans a visit; refused 404 for a customer of another tenant, 422 for a vendedor this user cannot plan for. */
    public long plan(DSLContext tx, CurrentUser me, Plan plan, Messages m) {
        VisitRepository visits = new VisitRepository(tx);
        long vendedor = checkPlan(visits, me, plan, m);
        return visits.create(me.tenantId(), plan.customerId(), vendedor, plan.plannedAt(), me.userId());
    }

    /** Moves a visit to another day, time, customer or vendedor. */
    public void replan(DSLContext tx, CurrentUser me, long id, Plan plan, Messages m) {
        VisitRepository visits = new VisitRepository(tx);
        Visita v = find(tx, me, id).orElseThrow(() -> VisitRefused.notFound("id", "no visit " + id));
        long vendedor = checkPlan(visits, me, plan.vendedorId() == null ? new Plan(plan.customerId(), v.vendedorId(), plan.plannedAt()) : plan, m);
        visits.replan(me.tenantId(), v.id(), plan.customerId(), vendedor, plan.plannedAt());
    }

    /** Records what came of a visit (again, to correct it). */
    public Visita record(DSLContext tx, CurrentUser me, long id, Outcome outcome) {
        Visita v = find(tx, me, id).orElseThrow(() -> VisitRefused.notFound("id", "no visit " + id));
        new VisitRepository(tx).record(me.tenantId(), v.id(), outcome.outcome(), outcome.notes(), outcome.nextAction(), outcome.nextActionDate());
        return find(tx, me, id).orElseThrow();
    }

    /** "Iniciar carrito": this user's open cart, for the visit's customer (the cart keeps its lines). */
    public Visita startCart(DSLContext ctx, CurrentUser me, long id) {
        Visita v = find(ctx, me, id).orElseThrow(() -> VisitRefused.notFound("id", "no visit " + id));
        try {
            carts.assignCustomer(ctx, me, v.customerId());
        } catch (CartRefused e) {
            throw VisitRefused.notFound("customer_id", "no customer " + v.customerId());
        }
        return v;
    }

    private static long checkPlan(VisitRepository visits, CurrentUser me, Plan plan, Messages m) {
        if (!visits.customerExists(me.tenantId(), plan.customerId())) {
            throw VisitRefused.notFound("customer_id", m.t("vis.v.customer_unknown"));
        }
        long vendedor = plan.vendedorId() == null ? me.userId() : plan.vendedorId();
        if (vendedor != me.userId() && !seesEveryone(me)) throw VisitRefused.invalid(Map.of("vendedor_id", m.t("vis.v.vendedor_self")));
        if (!visits.activeUser(me.tenantId(), vendedor)) throw VisitRefused.invalid(Map.of("vendedor_id", m.t("vis.v.vendedor_unknown")));
        return vendedor;
    }
}
