package dev.mostrador.inventory;

import dev.mostrador.support.Api;
import dev.mostrador.support.Race;
import dev.mostrador.support.StockOpsData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Two people press "apply" on the same count at once: the conditional UPDATE lets exactly one apply it. */
class StockCountRaceTest {

    @Test
    void aCountAppliedTwiceAtOnceIsAppliedOnce() throws Exception {
        StockOpsData d = StockOpsData.fresh();
        long a = d.conStock("RACE", 10);
        long conteo = d.admin.post("/api/inventario/conteos", Map.of()).json().get("id").asLong();
        d.admin.post("/api/inventario/conteos/" + conteo + "/lineas", Map.of("producto_id", a, "contado", 4));
        List<Api> callers = List.of(Api.staff(d.tenant.admin()).ownConnection(), Api.staff(d.tenant.oficina()).ownConnection(),
                Api.staff(d.tenant.admin()).ownConnection(), Api.staff(d.tenant.oficina()).ownConnection());
        List<Integer> statuses = Race.run(callers.size(),
                i -> callers.get(i).post("/api/inventario/conteos/" + conteo + "/aplicar", Map.of("confirmar", true)).status());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertArrayEquals(new int[] {4, 0, 0, 0}, d.counters(a));
        assertEquals(2, d.movements(a), "one entrada, one conteo");
        d.assertNoDrift();
    }
}
