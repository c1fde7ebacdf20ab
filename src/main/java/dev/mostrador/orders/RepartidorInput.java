package dev.mostrador.orders;

import dev.mostrador.platform.web.FieldErrors;
import dev.mostrador.platform.web.JsonInput;
import dev.mostrador.platform.web.Messages;
import io.javalin.http.Context;

/** A repartidor as typed in the form or sent to the API. */
public record RepartidorInput(String nombre, String telefono, boolean activo) {

    public static RepartidorInput blank() {
        return new RepartidorInput("", "", true);
    }

    public static RepartidorInput of(Repartidor r) {
        return new RepartidorInput(r.nombre(), r.telefono() == null ? "" : r.telefono(), r.activo());
    }

    public static RepartidorInput fromForm(Context ctx) {
        return new RepartidorInput(trim(ctx.formParam("nombre")), trim(ctx.formParam("telefono")), ctx.formParam("activo") != null);
    }

    /** {@code activo} left out means active: a new driver works until told otherwise. */
    public static RepartidorInput fromJson(JsonInput json) {
        Boolean activo = json.bool("activo");
        return new RepartidorInput(trim(json.text("nombre")), trim(json.text("telefono")), activo == null || activo);
    }

    public FieldErrors validate(Messages m) {
        FieldErrors e = new FieldErrors();
        if (nombre.isEmpty()) e.add("nombre", m.t("validation.required", m.t("rep.nombre")));
        else if (nombre.length() > 200) e.add("nombre", m.t("validation.max_length", m.t("rep.nombre"), 200));
        if (!telefono.isEmpty() && !telefono.matches("[+0-9 ()-]{1,40}")) e.add("telefono", m.t("rep.v.telefono"));
        return e;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
