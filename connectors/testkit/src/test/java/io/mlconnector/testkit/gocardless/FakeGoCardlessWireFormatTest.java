package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.gocardless.GoCardlessClient;
import com.gocardless.errors.AuthenticationException;
import com.gocardless.errors.InvalidApiUsageException;
import com.gocardless.resources.Creditor;
import com.gocardless.resources.Customer;
import com.gocardless.resources.Mandate;
import com.gocardless.resources.Payment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeGoCardlessWireFormatTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final RawHttp raw = new RawHttp(fake);

    @AfterEach
    void stop() {
        fake.close();
    }

    private GoCardlessClient client(String token) {
        return GoCardlessClient.newBuilder(token).withBaseUrl(fake.baseUrl()).build();
    }

    @Test
    void officialClientReadsResourcesTheScenarioCreated() {
        fake.setCreditorName("Acme Gardening Ltd");
        CustomerWithMandate c = fake.createCustomerWithActiveMandate(
                new CustomerDetails("ada@example.com", "Ada", "Lovelace", null, Map.of("crm_id", "42")));
        String paymentId = fake.createPayment(c.mandateId(), 2599, "GBP", "INV-1001", Map.of("invoice", "1001"));

        GoCardlessClient gc = client(fake.accessToken());
        Creditor creditor = gc.creditors().list().execute().getItems().get(0);
        Customer customer = gc.customers().get(c.customerId()).execute();
        Mandate mandate = gc.mandates().get(c.mandateId()).execute();
        Payment payment = gc.payments().get(paymentId).execute();

        assertEquals("Acme Gardening Ltd", creditor.getName());
        assertEquals(fake.creditorId(), creditor.getId());
        assertEquals("ada@example.com", customer.getEmail());
        assertEquals("42", customer.getMetadata().get("crm_id"));
        assertEquals(Mandate.Status.ACTIVE, mandate.getStatus());
        assertEquals(c.customerId(), mandate.getLinks().getCustomer());
        assertEquals(2599, payment.getAmount());
        assertEquals(Payment.Currency.GBP, payment.getCurrency());
        assertEquals(Payment.Status.PENDING_SUBMISSION, payment.getStatus());
        assertEquals("INV-1001", payment.getReference());
        assertEquals(c.mandateId(), payment.getLinks().getMandate());
        assertEquals(mandate.getNextPossibleChargeDate(), payment.getChargeDate());
    }

    @Test
    void officialClientCreatesAPaymentWithTheRequestEnvelope() {
        CustomerWithMandate c = fake.createCustomerWithActiveMandate(CustomerDetails.person("Al", "Turing", "al@example.com"));

        Payment created = client(fake.accessToken()).payments().create()
                .withAmount(1500)
                .withCurrency(com.gocardless.services.PaymentService.PaymentCreateRequest.Currency.GBP)
                .withLinksMandate(c.mandateId())
                .withMetadata("order", "A-7")
                .withIdempotencyKey("order-A-7")
                .execute();

        JsonNode stored = fake.payment(created.getId());
        assertEquals(1500, stored.path("amount").asLong());
        assertEquals("A-7", stored.path("metadata").path("order").asText());
        RecordedRequest post = fake.requests().stream().filter(r -> r.method().equals("POST")).findFirst().orElseThrow();
        assertEquals("order-A-7", post.header("Idempotency-Key"));
        assertEquals(FakeGoCardless.API_VERSION, post.header("GoCardless-Version"));
        assertTrue(post.body().startsWith("{\"payments\":{"), post.body());
        assertEquals("created", fake.eventsFor(created.getId()).get(0).action());
    }

    @Test
    void wrongTokenIsRejectedWithTheErrorEnvelope() {
        Map<String, String> headers = new LinkedHashMap<>(raw.standardHeaders());
        headers.put("Authorization", "Bearer not-the-token");

        RawHttp.Response r = raw.send("GET", "/creditors", null, headers);

        assertEquals(401, r.status());
        JsonNode error = r.json().path("error");
        assertEquals("invalid_api_usage", error.path("type").asText());
        assertEquals(401, error.path("code").asInt());
        assertEquals("access_token_not_found", error.path("errors").get(0).path("reason").asText());
        assertTrue(error.path("documentation_url").asText().startsWith("https://developer.gocardless.com/"));
        assertEquals(r.header("X-Request-Id"), error.path("request_id").asText());
        assertThrows(AuthenticationException.class, () -> client("not-the-token").creditors().list().execute());
    }

    @Test
    void missingAuthorizationAndMissingVersionAreBothRefused() {
        Map<String, String> noAuth = new LinkedHashMap<>(raw.standardHeaders());
        noAuth.remove("Authorization");
        Map<String, String> noVersion = new LinkedHashMap<>(raw.standardHeaders());
        noVersion.remove("GoCardless-Version");

        RawHttp.Response unauthenticated = raw.send("GET", "/payments", null, noAuth);
        RawHttp.Response unversioned = raw.send("GET", "/payments", null, noVersion);

        assertEquals(401, unauthenticated.status());
        assertEquals("missing_authorization_header",
                unauthenticated.json().path("error").path("errors").get(0).path("reason").asText());
        assertEquals(400, unversioned.status());
        assertEquals("missing_version_header",
                unversioned.json().path("error").path("errors").get(0).path("reason").asText());
    }

    @Test
    void revokedTokensAnswer401ToTheClient() {
        fake.revokeAllAccessTokens();

        assertThrows(AuthenticationException.class, () -> client(fake.accessToken()).creditors().list().execute());
    }

    @Test
    void unknownIdAnswers404ResourceNotFound() {
        InvalidApiUsageException e = assertThrows(InvalidApiUsageException.class,
                () -> client(fake.accessToken()).payments().get("PM000000000000").execute());

        assertEquals(404, e.getCode());
        assertEquals("resource_not_found", e.getErrors().get(0).getReason());
    }

    @Test
    void invalidPaymentAnswersValidationFailedWithAPointer() {
        RawHttp.Response r = raw.post("/payments",
                "{\"payments\":{\"amount\":0,\"currency\":\"GBP\",\"links\":{\"mandate\":\"MD1\"}}}", Map.of());

        assertEquals(422, r.status());
        JsonNode error = r.json().path("error");
        assertEquals("validation_failed", error.path("type").asText());
        assertEquals("amount", error.path("errors").get(0).path("field").asText());
        assertEquals("/payments/amount", error.path("errors").get(0).path("request_pointer").asText());
        assertTrue(fake.events().stream().noneMatch(e -> e.resourceType().equals("payments")));
    }

    @Test
    void createAnswers201WithLocation() {
        RawHttp.Response r = raw.post("/customers", "{\"customers\":{\"email\":\"x@example.com\"}}", Map.of());

        assertEquals(201, r.status());
        String id = r.json().path("customers").path("id").asText();
        assertTrue(id.startsWith("CU"), id);
        assertEquals(fake.baseUrl() + "/customers/" + id, r.header("Location"));
        assertNull(r.json().path("customers").get("given_name").textValue());
    }
}
