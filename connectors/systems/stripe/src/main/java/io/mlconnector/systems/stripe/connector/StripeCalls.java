package io.mlconnector.systems.stripe.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.systems.stripe.StripeCallException;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a Stripe call and turns its failures into the platform's kinds: a throttle or outage is
 * tried again later (slowing down, never failing the item), a refused key or a missing permission
 * waits for a person as "needs reconnect", anything else is parked with Stripe's reason.
 */
public final class StripeCalls {

    /** How long to wait after a 429 Stripe did not ask us to retry at once. */
    public static final Duration THROTTLED_WAIT = Duration.ofSeconds(2);

    private StripeCalls() {
    }

    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (StripeCallException e) {
            throw translate(e);
        }
    }

    public static RuntimeException translate(StripeCallException e) {
        return switch (e.failure()) {
            case RATE_LIMITED -> new RetryLater(e.getMessage(), THROTTLED_WAIT);
            case UNAVAILABLE -> new RetryLater(e.getMessage());
            case KEY_REJECTED, PERMISSION_MISSING -> new CredentialsRejected(StripeClients.SYSTEM, e.getMessage());
            default -> new CannotProcess(e.getMessage(), e);
        };
    }
}
