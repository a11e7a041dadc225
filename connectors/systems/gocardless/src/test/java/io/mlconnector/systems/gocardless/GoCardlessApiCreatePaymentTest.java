package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoCardlessApiCreatePaymentTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final GoCardlessApi api = GoCardlessApi.builder(fake.accessToken()).baseUrl(fake.baseUrl())
            .retries(3, Duration.ofMillis(5)).build();
    private final CustomerWithMandate customer =
            fake.createCustomerWithActiveMandate(CustomerDetails.person("Pay", "Er", "p@example.com"));

    @AfterEach
    void stop() {
        fake.close();
    }

    private long paymentsInFake() {
        return fake.events().stream().filter(e -> e.resourceType().equals("payments") && e.action().equals("created")).count();
    }

    private GoCardlessNewPayment invoice(long pence) {
        LocalDate chargeDate = LocalDate.parse(fake.mandate(customer.mandateId()).path("next_possible_charge_date").asText())
                .plusDays(7);
        return new GoCardlessNewPayment(Money.ofMinor(pence, "GBP"), customer.mandateId(), chargeDate, "INV-42",
                "Invoice 42", Map.of("invoice_id", "42"));
    }

    @Test
    void newPaymentIsCreatedOnceWithTheKeyAndEverythingWeAskedFor() {
        GoCardlessPaymentCreation created = api.createPayment(invoice(4999), "tenant-1/invoice-42");

        assertFalse(created.alreadyExisted());
        GoCardlessPayment p = created.payment();
        assertEquals(Money.ofMinor(4999, "GBP"), p.amount());
        assertEquals(invoice(4999).chargeDate(), p.chargeDate());
        assertEquals("INV-42", p.reference());
        assertEquals("Invoice 42", p.description());
        assertEquals(Map.of("invoice_id", "42"), p.metadata());
        assertEquals(customer.customerId(), p.customerId());
        RecordedRequest post = fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("tenant-1/invoice-42", post.header("Idempotency-Key"));
        assertEquals(1, paymentsInFake());
    }

    @Test
    void sameKeyAgainReturnsTheFirstPaymentWithoutCollectingTwice() {
        GoCardlessPaymentCreation first = api.createPayment(invoice(4999), "tenant-1/invoice-42");

        GoCardlessPaymentCreation again = api.createPayment(invoice(4999), "tenant-1/invoice-42");

        assertTrue(again.alreadyExisted());
        assertEquals(first.payment().id(), again.payment().id());
        assertEquals(first.payment().amount(), again.payment().amount());
        assertEquals(1, paymentsInFake());
    }

    @Test
    void answerLostAfterCreationIsRecoveredThroughTheKey() {
        fake.loseNextResponses(1);

        GoCardlessPaymentCreation created = api.createPayment(invoice(2500), "tenant-1/invoice-43");

        assertTrue(created.alreadyExisted(), "the retry met the payment the first attempt made");
        assertEquals(1, paymentsInFake());
        assertEquals(2, fake.countRequests("POST", "/payments"));
        assertEquals(Money.ofMinor(2500, "GBP"), created.payment().amount());
    }

    @Test
    void inactiveMandateIsRefusedWithGoCardlessReason() {
        fake.cancelMandate(customer.mandateId());

        GoCardlessApiException e = assertThrows(GoCardlessApiException.class,
                () -> api.createPayment(invoice(100), "k-inactive"));

        assertEquals(422, e.status());
        assertEquals("invalid_state", e.type());
        assertTrue(e.hasReason("mandate_is_inactive"));
        assertTrue(e.getMessage().startsWith("creating a payment on mandate " + customer.mandateId()), e.getMessage());
    }

    @Test
    void chargeDateBeforeTheMandateAllowsIsAValidationFailureNamingTheField() {
        GoCardlessNewPayment tooEarly = new GoCardlessNewPayment(Money.ofMinor(100, "GBP"), customer.mandateId(),
                fake.now().atZone(java.time.ZoneOffset.UTC).toLocalDate(), null, null, Map.of());

        GoCardlessApiException e = assertThrows(GoCardlessApiException.class, () -> api.createPayment(tooEarly, "k-early"));

        assertEquals("validation_failed", e.type());
        assertEquals("charge_date", e.problems().get(0).field());
        assertTrue(e.getMessage().contains("charge_date"), e.getMessage());
    }

    @Test
    void refusesWhatGoCardlessCannotTakeBeforeCallingIt() {
        assertThrows(IllegalArgumentException.class, () -> api.createPayment(invoice(100), " "));
        assertThrows(IllegalArgumentException.class, () -> api.createPayment(
                GoCardlessNewPayment.of(Money.ofMinor(1000, "JPY"), customer.mandateId()), "k-jpy"));
        assertThrows(IllegalArgumentException.class, () -> GoCardlessNewPayment.of(Money.ofMinor(0, "GBP"), "MD1"));
        assertEquals(0, fake.countRequests("POST", "/payments"));
    }
}
