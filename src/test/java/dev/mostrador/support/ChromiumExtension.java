package dev.mostrador.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * The shared Chromium's lifecycle for a browser test class ({@link WithChromium}): the class is
 * skipped, with the reason printed once, when no Chromium is installed; each test starts signed out
 * at desktop size and ends back at desktop size; a failing test leaves a screenshot of what it saw in
 * target/screenshots/failed-*.png; the browser is started once per JVM and quit when the run ends.
 */
public final class ChromiumExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    @Override
    public void beforeAll(ExtensionContext context) {
        Chromium.assumeInstalled();
        // The root store closes its resources once, after the last test of the run.
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(ChromiumExtension.class, k -> (ExtensionContext.Store.CloseableResource) Chromium::quit);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Chromium.fresh();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (Chromium.started()) Chromium.desktop();
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        if (Chromium.started()) {
            try {
                String name = "failed-" + context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                System.out.println("[browser tests] " + context.getDisplayName() + " failed; it saw " + Chromium.screenshot(name));
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        throw failure;
    }
}
