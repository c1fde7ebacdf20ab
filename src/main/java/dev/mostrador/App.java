package dev.mostrador;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mostrador.catalog.ProductoApi;
import dev.mostrador.catalog.ProductoRepository;
import dev.mostrador.catalog.ProductoRoutes;
import dev.mostrador.dashboard.DashboardRepository;
import dev.mostrador.dashboard.DashboardRoutes;
import dev.mostrador.health.HealthRoutes;
import dev.mostrador.imports.ImportModule;
import dev.mostrador.inventory.InventoryModule;
import dev.mostrador.orders.OrderModule;
import dev.mostrador.platform.auth.ApiTokenRepository;
import dev.mostrador.sales.SalesReportRepository;
import dev.mostrador.sales.SalesReportRoutes;
import dev.mostrador.sales.SalesReports;
import dev.mostrador.users.AuthRoutes;
import dev.mostrador.users.AuthService;
import dev.mostrador.platform.backup.PreMigrationBackup;
import dev.mostrador.platform.web.Authenticator;
import dev.mostrador.users.LoginThrottle;
import dev.mostrador.platform.auth.SessionRepository;
import dev.mostrador.platform.config.Config;
import dev.mostrador.platform.db.Database;
import dev.mostrador.platform.db.DatabaseAvailability;
import dev.mostrador.platform.db.Migrations;
import dev.mostrador.platform.jobs.Jobs;
import dev.mostrador.platform.metrics.Metrics;
import dev.mostrador.platform.metrics.MetricsEndpoint;
import dev.mostrador.platform.web.AllowedHosts;
import dev.mostrador.users.FirstStart;
import dev.mostrador.platform.tenants.TenantCache;
import dev.mostrador.platform.tenants.TenantRepository;
import dev.mostrador.platform.web.ActiveRequests;
import dev.mostrador.platform.web.ApiRateLimits;
import dev.mostrador.platform.web.RateLimits;
import dev.mostrador.platform.web.Idempotency;
import dev.mostrador.platform.web.IdempotentApi;
import dev.mostrador.platform.web.Csrf;
import dev.mostrador.platform.web.ErrorPages;
import dev.mostrador.platform.web.RequestLog;
import dev.mostrador.platform.web.Routes;
import dev.mostrador.platform.web.SecurityHeaders;
import dev.mostrador.platform.web.ServerErrors;
import dev.mostrador.platform.web.UnstorableText;
import dev.mostrador.platform.web.Web;
import dev.mostrador.duplicates.DuplicateApi;
import dev.mostrador.duplicates.DuplicateRepository;
import dev.mostrador.duplicates.DuplicateRoutes;
import dev.mostrador.customers.CustomerTimeline;
import dev.mostrador.customers.CustomersModule;
import dev.mostrador.orders.OrderCustomerParts;
import dev.mostrador.customers.CustomerRepository;
import dev.mostrador.customers.CustomerPageParts;
import dev.mostrador.customers.CustomerRoutes;
import dev.mostrador.promotions.ActiveOfertaCache;
import dev.mostrador.promotions.CotizadorRoutes;
import dev.mostrador.promotions.CotizarApi;
import dev.mostrador.promotions.Cotizador;
import dev.mostrador.promotions.OfertaApi;
import dev.mostrador.promotions.OfertaRepository;
import dev.mostrador.promotions.OfertaRoutes;
import dev.mostrador.promotions.OfertaRows;
import dev.mostrador.promotions.OfertaService;
import dev.mostrador.promotions.PublicOfertaCards;
import dev.mostrador.promotions.PublicOfertasRoutes;
import dev.mostrador.rewards.redemptions.MerchantApi;
import dev.mostrador.rewards.RewardsModule;
import dev.mostrador.settings.ShopSettingsRoutes;
import dev.mostrador.settings.ShopThemeRoutes;
import dev.mostrador.templates.StaticTemplates;
import dev.mostrador.templates.Templates;
import dev.mostrador.users.AccountRoutes;
import dev.mostrador.users.UserRepository;
import dev.mostrador.users.UserRoutes;
import dev.mostrador.users.UserService;
import dev.mostrador.visits.VisitsModule;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.handler.QoSHandler;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Wires the app with plain constructors: database, repositories, routes, jobs. */
public final class App implements AutoCloseable {
    private final Database database;
    private final Javalin javalin;
    private final Routes routes;
    private final Jobs jobs;
    private final RewardsModule rewards;
    private final ImportModule imports;
    private final DatabaseAvailability availability;
    private final boolean ownsDatabase;
    private final Metrics metrics;

    private App(Database database, Javalin javalin, Routes routes, Jobs jobs, RewardsModule rewards, ImportModule imports,
                DatabaseAvailability availability, boolean ownsDatabase, Metrics metrics) {
        this.metrics = metrics;
        this.imports = imports;
        this.availability = availability;
        this.database = database;
        this.javalin = javalin;
        this.routes = routes;
        this.jobs = jobs;
        this.rewards = rewards;
        this.ownsDatabase = ownsDatabase;
    }

    /** Opens the configured database, migrates it, creates the first tenant if needed, and serves. */
    public static App start(Config config) {
        Database database = Database.openToServe(config);
        try {
            return start(config, database, true);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public static App start(Config config, Database database, boolean ownsDatabase) {
        Migrations migrations = new Migrations(database.dataSource());
        PreMigrationBackup.takeIfNeeded(database, config, migrations);
        migrations.migrate();
        DSLContext dsl = database.dsl();
        FirstStart.ensureDefaultTenant(dsl, config);
        Metrics metrics = new Metrics();
        metrics.pool(database.dataSource());
        AllowedHosts allowedHosts = new AllowedHosts(config.allowedHosts());

        Templates templates = new StaticTemplates();
        Csrf csrf = new Csrf(config.secretKey(), config.secureCookies());
        RateLimits limits = RateLimits.of(config.rateLimitStore(), database.dataSource());
        Web web = new Web(config, csrf, limits);
        SessionRepository sessions = new SessionRepository(dsl, config.sessionIdle(), config.sessionMax());
        ApiTokenRepository tokens = new ApiTokenRepository(dsl, config.apiTokenLifetime());
        UserRepository users = new UserRepository(dsl);
        Authenticator authenticator = new Authenticator(sessions, tokens, csrf);
        DatabaseAvailability availability = new DatabaseAvailability(database.dataSource(), migrations, database::restartEmbeddedIfGone);
        ErrorPages errors = new ErrorPages(web, templates, authenticator, availability);
        SecurityHeaders headers = new SecurityHeaders(config.production());
        ApiRateLimits rateLimits = new ApiRateLimits(web, config.apiReadsPerMinute(), config.apiWritesPerMinute(),
                List.of("/api/ofertas", "/api/productos"));
        TenantRepository tenants = new TenantRepository(dsl);
        TenantCache tenantCache = new TenantCache(tenants);
        ProductoRepository productos = new ProductoRepository(dsl);
        OfertaRepository ofertas = new OfertaRepository(dsl);
        ActiveOfertaCache activeOfertas = new ActiveOfertaCache(ofertas, jsonMapper());
        OfertaService ofertaService = new OfertaService(dsl, ofertas, productos, activeOfertas);
        OfertaRows ofertaRows = new OfertaRows(productos);
        Cotizador cotizador = new Cotizador(productos, activeOfertas);
        IdempotentApi idempotentApi = new IdempotentApi(new Idempotency(dsl));
        CustomerRepository customers = new CustomerRepository(dsl);
        RewardsModule rewards = new RewardsModule(dsl, config, web, templates, tenantCache, customers, idempotentApi, metrics);
        InventoryModule inventory = new InventoryModule(dsl, activeOfertas, idempotentApi, web, templates, metrics);
        OrderModule orders = new OrderModule(dsl, activeOfertas, inventory, idempotentApi, web, templates, metrics);
        VisitsModule visits = new VisitsModule(dsl, activeOfertas, inventory, idempotentApi, web, templates);
        ImportModule imports = new ImportModule(dsl, config, web, templates, tenantCache, inventory.ledger());
        CustomersModule customersModule = new CustomersModule(dsl, web, templates, customers, idempotentApi);
        OrderCustomerParts orderParts = orders.customerParts();
        CustomerRoutes customerPages = customersModule.pages(
                CustomerPageParts.all(List.of(rewards.customerPageParts(), orderParts, visits.customerPageParts(), imports.customerParts())),
                CustomerTimeline.all(List.of(customersModule.history(), rewards.customerTimeline(), orderParts, visits.customerTimeline(),
                        imports.customerParts())));

        AtomicReference<Routes> routes = new AtomicReference<>();
        // Confirmations wait on the disk more than they use the CPU: a line of their own, inside the CPU's.
        QoSHandler confirmations = ActiveRequests.durableCommits(config.maxActiveConfirmations(), MerchantApi::isConfirmation);
        QoSHandler activeRequests = ActiveRequests.handler(config.maxActiveRequests(), MerchantApi::isConfirmation,
                "/api/ofertas/activas", "/static/*", "/metrics");
        activeRequests.setHandler(confirmations);
        metrics.requestLine("all", activeRequests);
        metrics.requestLine("confirmations", confirmations);
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.jetty.modifyServer(server -> {
                server.setHandler(activeRequests); // Javalin puts its servlet inside the innermost (confirmations)
                server.setErrorHandler(new ServerErrors(templates, headers));
            });
            cfg.jsonMapper(new JavalinJackson(jsonMapper(), false));
            // The largest upload is an import's file (MOSTRADOR_IMPORT_MAX_MB; its route says so on a page, past it); the
            // logo's own 200 KB is checked by its form. A bigger multipart body is refused, not spooled to disk.
            cfg.jetty.multipartConfig.maxFileSize(config.importMaxMb() + 1, io.javalin.config.SizeUnit.MB);
            cfg.jetty.multipartConfig.maxTotalRequestSize(config.importMaxMb() + 2, io.javalin.config.SizeUnit.MB);
            cfg.staticFiles.add(sf -> {
                sf.hostedPath = "/static";
                sf.directory = "/static";
                sf.location = Location.CLASSPATH;
                sf.headers = java.util.Map.of("Cache-Control", "public, max-age=3600");
            });
            cfg.staticFiles.enableWebjars();
            cfg.requestLogger.http((ctx, millis) -> {
                RequestLog.finish(ctx, millis);
                metrics.request(ctx, millis);
            });
            cfg.routes.before(ctx -> {
                RequestLog.start(ctx);
                headers.apply(ctx);
                allowedHosts.check(ctx);
            });
            cfg.routes.beforeMatched(ctx -> {
                if (ctx.path().startsWith("/static/") || ctx.path().startsWith("/webjars/")) return;
                if (!ctx.path().equals("/health")) errors.refuseWhileDatabaseIsDown(ctx);
                UnstorableText.refuse(ctx);
                authenticator.guard(ctx);
                authenticator.checkCsrf(ctx);
                rateLimits.apply(ctx);
            });
            cfg.routes.exception(HttpResponseException.class, errors::httpException);
            cfg.routes.exception(UnstorableText.UnstorableField.class, errors::unstorable);
            cfg.routes.exception(IntegrityConstraintViolationException.class, (e, ctx) -> errors.respond(ctx, 409, null));
            cfg.routes.exception(Exception.class, errors::unexpected);
            for (int status : new int[] {400, 401, 403, 404, 405, 413, 429, 500, 503}) {
                cfg.routes.error(status, "*", errors::fill);
            }
            Routes r = new Routes(cfg.routes);
            // Javalin tries a request's path against the routes in the order they were added, a
            // regex each: the busiest ones (load balancers, customers' phones, points of sale, the
            // shops' systems) come first, the staff's pages after. Route paths of different
            // modules never overlap, so the order only changes how soon a route is found.
            new HealthRoutes(dsl, migrations, availability, activeRequests, confirmations).register(r);
            if (config.metricsEnabled()) new MetricsEndpoint(metrics, config.production(), config.metricsToken()).register(r);
            // Before the customers' routes, whose {id} would take "duplicados", "duplicates" and "merge".
            new DuplicateRoutes(web, templates, dsl).register(r);
            new DuplicateApi(new DuplicateRepository(dsl), idempotentApi).register(r);
            rewards.register(r, customerPages);
            customersModule.register(r, customerPages);
            new CotizarApi(cotizador).register(r);
            new OfertaApi(ofertas, ofertaService, activeOfertas, tenantCache).register(r);
            new PublicOfertasRoutes(web, templates, tenantCache, activeOfertas, new PublicOfertaCards(productos, ofertaRows)).register(r);
            new ShopThemeRoutes(tenantCache, tenants).register(r);
            new ProductoApi(productos).register(r);
            new AuthRoutes(web, templates, new AuthService(users, new LoginThrottle(dsl)), sessions, tokens).register(r);
            new DashboardRoutes(web, templates, activeOfertas, ofertaRows, new DashboardRepository(dsl)).register(r);
            UserService userService = new UserService(dsl, users, sessions, tokens);
            new UserRoutes(web, templates, users, userService).register(r);
            new AccountRoutes(web, templates, userService, sessions).register(r);
            new ProductoRoutes(web, templates, productos, inventory.productPageParts()).register(r);
            new OfertaRoutes(web, templates, ofertas, ofertaService, productos).register(r);
            new CotizadorRoutes(web, templates, productos, cotizador).register(r);
            new ShopSettingsRoutes(web, templates, tenants, tenantCache).register(r);
            inventory.register(r);
            orders.register(r);
            visits.register(r);
            imports.register(r);
            new SalesReportRoutes(web, templates, new SalesReports(new SalesReportRepository(dsl), java.time.Duration.ofMinutes(1))).register(r);
            routes.set(r);
        });
        javalin.start(config.port());

        Jobs jobs = new Jobs(database.dataSource(), config.jobsPeriodOverride(), metrics);
        if (config.runJobs()) {
            jobs.everyCountingRows("sessions-cleanup", Duration.ofHours(1), sessions::deleteExpired);
            rewards.schedule(jobs);
            inventory.schedule(jobs);
            orders.schedule(jobs);
            imports.schedule(jobs);
            if (limits.shared()) jobs.everyCountingRows("rate-limits-purge", Duration.ofHours(1), limits::purge);
            jobs.start();
        }
        return new App(database, javalin, routes.get(), jobs, rewards, imports, availability, ownsDatabase, metrics);
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    public int port() {
        return javalin.port();
    }

    public Routes routes() {
        return routes;
    }

    public ImportModule imports() {
        return imports;
    }

    /** The periodic jobs: their last runs (Jobs.lastRuns()) for metrics. */
    public Jobs jobs() {
        return jobs;
    }

    public Database database() {
        return database;
    }

    @Override
    public void close() {
        jobs.close();
        javalin.stop();
        imports.close();
        rewards.close(); // after the last request: its queued audit rows are written
        availability.close();
        metrics.close();
        if (ownsDatabase) database.close();
    }
}
