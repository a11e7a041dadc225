package io.mlconnector.connectors.qbdzuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.zuora.ZuoraApi;
import io.mlconnector.systems.zuora.ZuoraInvoice;
import io.mlconnector.systems.zuora.ZuoraPage;
import io.mlconnector.systems.zuora.ZuoraPayment;
import io.mlconnector.systems.zuora.ZuoraRefund;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;

/**
 * The backstop for lost callouts: invoices, then payments, then refunds changed since the cursor,
 * oldest first, handled like a callout about each. Each list has its own cursor, stored after each
 * page; it starts a day back the first time, and each read goes back a minute over the last one
 * (changes within one second share a time), which the ledger makes harmless.
 */
final class ZuoraPoll {

    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 20;
    static final Duration OVERLAP = Duration.ofMinutes(1);
    static final Duration FIRST_LOOK_BACK = Duration.ofDays(1);

    private final ZuoraFlows flows;

    ZuoraPoll(ZuoraFlows flows) {
        this.flows = flows;
    }

    void run(ZuoraApi zuora, ConnectorContext ctx) {
        read("zuora.invoices.updated_after", ctx, (after, cursor) -> zuora.invoicesUpdatedAfter(after, cursor, PAGE_SIZE),
                ZuoraInvoice::updatedDate, i -> flows.invoice(i, zuora, ctx));
        read("zuora.payments.updated_after", ctx, (after, cursor) -> zuora.paymentsUpdatedAfter(after, cursor, PAGE_SIZE),
                ZuoraPayment::updatedDate, p -> flows.payment(p, zuora, ctx));
        read("zuora.refunds.updated_after", ctx, (after, cursor) -> zuora.refundsUpdatedAfter(after, cursor, PAGE_SIZE),
                ZuoraRefund::updatedDate, r -> flows.refund(r, zuora, ctx));
    }

    private interface Lister<T> {
        ZuoraPage<T> page(Instant after, String cursor);
    }

    private static <T> void read(String name, ConnectorContext ctx, Lister<T> lister, Function<T, Instant> updated,
                                 java.util.function.Consumer<T> handle) {
        Instant after = ctx.cursors().get(name).map(Instant::parse).map(i -> i.minus(OVERLAP))
                .orElse(ctx.clock().instant().minus(FIRST_LOOK_BACK));
        String cursor = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            ZuoraPage<T> page = lister.page(after, cursor);
            Instant newest = null;
            for (T object : page.items()) {
                try {
                    handle.accept(object);
                } catch (CannotProcess e) {
                    // Its own record says what is wrong; one bad object must not hold back the rest.
                    ctx.audit().record(name, "poll.object-failed", "error", null, null, e.getMessage());
                }
                newest = updated.apply(object) == null ? newest : updated.apply(object);
            }
            Optional.ofNullable(newest).ifPresent(n -> ctx.cursors().set(name, n.toString()));
            cursor = page.next().orElse(null);
            if (cursor == null) {
                return;
            }
        }
    }
}
