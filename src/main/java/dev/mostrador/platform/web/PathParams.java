package dev.mostrador.platform.web;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

import java.util.UUID;

/** A malformed id in the URL is a page that does not exist: 404, never 500. */
public final class PathParams {
    private PathParams() {}

    public static long id(Context ctx, String name) {
        try {
            long id = Long.parseLong(ctx.pathParam(name));
            if (id <= 0) throw new NotFoundResponse();
            return id;
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    public static UUID uuid(Context ctx, String name) {
        try {
            return UUID.fromString(ctx.pathParam(name));
        } catch (IllegalArgumentException e) {
            throw new NotFoundResponse();
        }
    }
}
