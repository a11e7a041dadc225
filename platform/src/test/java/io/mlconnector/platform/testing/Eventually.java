package io.mlconnector.platform.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for asynchronous work: polls a condition until it holds or the time is up. */
public final class Eventually {

    private Eventually() {
    }

    public static void within(Duration limit, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
        throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting for " + what);
    }
}
