package io.mlconnector.connectors.freshbooksgocardless;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 1,000 GoCardless collections of FreshBooks invoices recorded as FreshBooks payments: each
 * {@code payments.confirmed} event handled by the connector against the FreshBooks and GoCardless fakes on
 * loopback. Measures wall time and the FreshBooks requests per payment. Run with
 * {@code ./mvnw -pl connectors/freshbooks-gocardless -am verify -Dgroups=benchmark -Dtest=CollectionsIntoFreshBooksBenchmark -Dsurefire.failIfNoSpecifiedTests=false};
 * figures go to stdout and {@code target/benchmarks/freshbooks-collections.txt}.
 */
@Tag("benchmark")
class CollectionsIntoFreshBooksBenchmark {

    private static final int PAYMENTS = Integer.getInteger("benchmark.payments", 1000);
    private static final int WARM_UP = Integer.getInteger("benchmark.warm-up-payments", 100);

    @Test
    void collectionsIntoFreshBooks() throws IOException {
        try (Harness h = new Harness()) {
            h.connected();
            run(h, WARM_UP);
            int freshbooksBefore = h.freshbooks.requestCount();
            long gocardlessBefore = h.gocardless.requests().size();
            Duration took = run(h, PAYMENTS);
            int freshbooksCalls = h.freshbooks.requestCount() - freshbooksBefore;
            long gocardlessCalls = h.gocardless.requests().size() - gocardlessBefore;
            assertEquals(PAYMENTS + WARM_UP, h.freshbooks.allPayments().size(), "every collection recorded once");
            String figures = String.format(
                    "collections: %d%nwall time: %.1f s (%.1f ms per payment)%nFreshBooks requests: %d (%.2f per payment)%n"
                            + "GoCardless requests: %d (%.2f per payment)%n",
                    PAYMENTS, took.toMillis() / 1000.0, took.toMillis() / (double) PAYMENTS, freshbooksCalls,
                    freshbooksCalls / (double) PAYMENTS, gocardlessCalls, gocardlessCalls / (double) PAYMENTS);
            System.out.print(figures);
            Path out = Path.of("target", "benchmarks", "freshbooks-collections.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, figures);
        }
    }

    /** Sets up {@code count} sent invoices being collected, then times handling their confirmations. */
    private static Duration run(Harness h, int count) {
        CustomerWithMandate payer = h.gocardless.createCustomerWithActiveMandate(
                CustomerDetails.person("Ada", "Lovelace", "ada+" + count + "@example.com"));
        String client = h.freshbooks.createClient("ada+" + count + "@example.com", "Analytical Engines " + count, "GBP");
        List<String> payments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String invoice = h.freshbooks.createSentInvoice(client, "12.34", "GBP", LocalDate.now().plusDays(10));
            String pm = h.gocardless.createPayment(payer.mandateId(), 1234, "GBP", null,
                    Map.of(InvoiceFlow.METADATA_INVOICE, invoice));
            h.ctx.ids().put(Keys.INVOICE_PAYMENT, invoice, pm);
            h.gocardless.confirmPayment(pm);
            payments.add(pm);
        }
        h.freshbooks.takeDeliveries();
        List<InboundEvent> confirmations = h.gocardless.takeNewEvents().stream()
                .filter(e -> e.resourceType().equals("payments") && e.action().equals("confirmed"))
                .map(CollectionsIntoFreshBooksBenchmark::inbound).toList();
        assertEquals(count, confirmations.size());
        long start = System.nanoTime();
        for (InboundEvent event : confirmations) {
            h.connector.handle(event, h.ctx);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        h.freshbooks.takeDeliveries();
        return took;
    }

    private static InboundEvent inbound(FakeGoCardlessEvent e) {
        return new InboundEvent(Keys.GOCARDLESS, e.id(), e.resourceType() + "." + e.action(),
                e.links().get("payment"), e.createdAt(), e.json());
    }
}
