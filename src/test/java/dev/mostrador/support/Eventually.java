package dev.mostrador.support;

/**
 * For what the app writes just after answering (the audit rows of merchant look-ups are written
 * in batches by a background thread): the assertion is retried for up to 5 seconds.
 */
public final class Eventually {
    private Eventually() {}

    public static void eventually(Runnable assertion) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) throw e;
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
