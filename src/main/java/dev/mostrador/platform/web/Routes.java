package dev.mostrador.platform.web;

import dev.mostrador.platform.auth.Role;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/** Registers routes with their roles and remembers them, so tests can check every route's access. */
public final class Routes {
    public record Route(HandlerType method, String path, Set<Role> roles) {
        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private final RoutesConfig config;
    private final List<Route> all = new ArrayList<>();

    public Routes(RoutesConfig config) {
        this.config = config;
    }

    /**
     * Also for HEAD, answered by the same handler (Jetty sends the headers without the body).
     * Without it Javalin answers a HEAD of any GET route 200 and empty without running it: a
     * load balancer's HEAD /health said "up" with the database down, HEAD /r/{unknown} said 200.
     */
    public Routes get(String path, Handler handler, Role... roles) {
        config.get(path, handler, roles);
        config.head(path, handler, roles);
        return remember(HandlerType.GET, path, roles);
    }

    public Routes post(String path, Handler handler, Role... roles) {
        config.post(path, handler, roles);
        return remember(HandlerType.POST, path, roles);
    }

    public Routes put(String path, Handler handler, Role... roles) {
        config.put(path, handler, roles);
        return remember(HandlerType.PUT, path, roles);
    }

    public Routes delete(String path, Handler handler, Role... roles) {
        config.delete(path, handler, roles);
        return remember(HandlerType.DELETE, path, roles);
    }

    private Routes remember(HandlerType method, String path, Role... roles) {
        all.add(new Route(method, path, Set.of(roles)));
        return this;
    }

    public List<Route> all() {
        return Collections.unmodifiableList(all);
    }
}
