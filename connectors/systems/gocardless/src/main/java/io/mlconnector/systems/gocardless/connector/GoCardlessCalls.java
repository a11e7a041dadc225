package io.mlconnector.systems.gocardless.connector;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.gocardless.GoCardlessApi;
import io.mlconnector.systems.gocardless.GoCardlessApiException;
import io.mlconnector.systems.gocardless.GoCardlessException;
import io.mlconnector.systems.gocardless.GoCardlessPayment;
import io.mlconnector.systems.gocardless.GoCardlessRateLimitedException;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a GoCardless call and turns its failures into the platform's kinds: retry later, park, or
 * (the access token refused) "needs reconnect", where the work waits for a person to enter a new
 * token rather than failing item by item.
 */
public final class GoCardlessCalls {

    /**
     * Ledger kind: mandate id → customer id. A mandate's customer never changes, and knowing it saves
     * reading the mandate again for each payment collected through it.
     */
    public static final String MANDATE_CUSTOMER = "mandate-customer";

    private GoCardlessCalls() {
    }

    /**
     * Reads a payment with its customer, reading the mandate only when the ledger does not know the
     * mandate's customer yet, and remembering it when it did not.
     */
    public static GoCardlessPayment payment(GoCardlessApi gc, String paymentId, ConnectorContext ctx) {
        boolean[] known = {false};
        GoCardlessPayment payment = call(() -> gc.getPayment(paymentId, mandateId -> {
            Optional<String> customer = ctx.ids().target(MANDATE_CUSTOMER, mandateId);
            known[0] = customer.isPresent();
            return customer;
        }));
        if (!known[0] && payment.mandateId() != null && payment.customerId() != null) {
            ctx.ids().put(MANDATE_CUSTOMER, payment.mandateId(), payment.customerId());
        }
        return payment;
    }

    /**
     * Runs {@code call}: a rate limit becomes {@link RetryLater} at GoCardless's reset time, a refused
     * token {@link CredentialsRejected}, a passing failure {@link RetryLater}, anything else
     * {@link CannotProcess} (the event is parked with GoCardless's message).
     */
    public static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (GoCardlessRateLimitedException e) {
            throw new RetryLater(e.getMessage(), e.retryAfter());
        } catch (GoCardlessApiException e) {
            if (e.isAuthenticationFailure() || e.status() == 403) {
                throw rejected(e);
            }
            if (e.isRetryable()) {
                throw new RetryLater(e.getMessage());
            }
            throw new CannotProcess(e.getMessage(), e);
        } catch (GoCardlessException e) {
            if (e.isRetryable()) {
                throw new RetryLater(e.getMessage());
            }
            throw new CannotProcess(e.getMessage(), e);
        }
    }

    /** 401 (revoked or wrong token) or 403 (a token without the rights): in GoCardless's words, never the token. */
    private static CredentialsRejected rejected(GoCardlessApiException e) {
        String said = e.problems().stream().map(GoCardlessApiException.Problem::message).filter(Objects::nonNull)
                .map(String::strip).filter(m -> !m.isEmpty()).distinct().reduce((a, b) -> a + "; " + b)
                .orElse("HTTP " + e.status());
        String hint = e.status() == 403 ? " (the token needs read-write access)" : "";
        return new CredentialsRejected(GoCardlessClients.SYSTEM, "GoCardless refused the access token: " + said + hint);
    }
}
