package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.gocardless.GoCardlessClient;
import com.gocardless.errors.InvalidStateException;
import com.gocardless.resources.Payment;
import com.gocardless.services.PaymentService.PaymentCreateRequest.Currency;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FakeGoCardlessIdempotencyTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final RawHttp raw = new RawHttp(fake);
    private final String mandateId =
            fake.createCustomerWithActiveMandate(CustomerDetails.person("I", "Dem", "i@example.com")).mandateId();

    @AfterEach
    void stop() {
        fake.close();
    }

    private String paymentBody(long amount) {
        return "{\"payments\":{\"amount\":" + amount + ",\"currency\":\"GBP\",\"links\":{\"mandate\":\"" + mandateId + "\"}}}";
    }

    private long paymentsStored() {
        return raw.get("/payments?limit=500").json().path("payments").size();
    }

    @Test
    void reusedKeyAnswers409NamingTheFirstPaymentAndCreatesNothing() {
        RawHttp.Response first = raw.post("/payments", paymentBody(1000), Map.of("Idempotency-Key", "inv-77"));
        RawHttp.Response again = raw.post("/payments", paymentBody(1000), Map.of("Idempotency-Key", "inv-77"));

        assertEquals(201, first.status());
        assertEquals(409, again.status());
        JsonNode error = again.json().path("error");
        assertEquals("invalid_state", error.path("type").asText());
        assertEquals(409, error.path("code").asInt());
        JsonNode detail = error.path("errors").get(0);
        assertEquals("idempotent_creation_conflict", detail.path("reason").asText());
        assertEquals(first.json().path("payments").path("id").asText(),
                detail.path("links").path("conflicting_resource_id").asText());
        assertEquals(1, paymentsStored());
    }

    @Test
    void differentKeysCreateDifferentPayments() {
        RawHttp.Response a = raw.post("/payments", paymentBody(1000), Map.of("Idempotency-Key", "k-1"));
        RawHttp.Response b = raw.post("/payments", paymentBody(1000), Map.of("Idempotency-Key", "k-2"));

        assertNotEquals(a.json().path("payments").path("id").asText(), b.json().path("payments").path("id").asText());
        assertEquals(2, paymentsStored());
    }

    @Test
    void officialClientGetsTheSamePaymentBackForTheSameKey() {
        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl()).build();

        Payment first = gc.payments().create().withAmount(1200).withCurrency(Currency.GBP)
                .withLinksMandate(mandateId).withIdempotencyKey("same").execute();
        Payment second = gc.payments().create().withAmount(1200).withCurrency(Currency.GBP)
                .withLinksMandate(mandateId).withIdempotencyKey("same").execute();

        assertEquals(first.getId(), second.getId());
        assertEquals(1, paymentsStored());
    }

    @Test
    void clientThatAsksForConflictErrorsSeesThem() {
        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl())
                .withErrorOnIdempotencyConflict(true).build();
        gc.payments().create().withAmount(1200).withCurrency(Currency.GBP)
                .withLinksMandate(mandateId).withIdempotencyKey("strict").execute();

        InvalidStateException e = assertThrows(InvalidStateException.class, () -> gc.payments().create()
                .withAmount(1200).withCurrency(Currency.GBP).withLinksMandate(mandateId)
                .withIdempotencyKey("strict").execute());

        assertEquals("idempotent_creation_conflict", e.getErrors().get(0).getReason());
    }

    @Test
    void lostResponseRetriedWithItsKeyStillMakesOnePayment() {
        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl())
                .withWaitBetweenRetriesInMilliSeconds(5).build();
        fake.loseNextResponses(1);

        Payment payment = gc.payments().create().withAmount(3300).withCurrency(Currency.GBP)
                .withLinksMandate(mandateId).withIdempotencyKey("lost-once").execute();

        assertEquals(1, paymentsStored());
        assertEquals(3300, payment.getAmount());
        assertEquals(2, fake.countRequests("POST", "/payments"));
        assertEquals(1, fake.countRequests("GET", "/payments/" + payment.getId()));
    }
}
