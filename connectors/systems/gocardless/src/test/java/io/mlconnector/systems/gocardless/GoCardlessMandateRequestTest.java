package io.mlconnector.systems.gocardless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.money.Money;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoCardlessMandateRequestTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final GoCardlessApi api = GoCardlessApi.builder(fake.accessToken()).baseUrl(fake.baseUrl())
            .retries(1, java.time.Duration.ZERO).build();

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void aBillingRequestGivesTheAuthorisationLinkAndOnceFulfilledTheMandate() {
        GoCardlessAuthorisation link = api.requestMandate(new GoCardlessMandateRequest("GBP", null, "ada@example.com",
                null, null, "Analytical Engines", Map.of("freshbooks_client_id", "1001")), "client-1001");
        assertNotNull(link.authorisationUrl());
        assertEquals("ada@example.com", api.getCustomer(link.customerId()).email(), "prefilled from the flow");
        assertFalse(api.getBillingRequest(link.billingRequestId()).fulfilled());

        GoCardlessAuthorisation again = api.requestMandate(new GoCardlessMandateRequest("GBP", null, "ada@example.com",
                null, null, "Analytical Engines", Map.of()), "client-1001");
        assertEquals(link.billingRequestId(), again.billingRequestId(), "the idempotency key finds the first one");

        String mandate = fake.fulfilBillingRequest(link.billingRequestId(), "Analytical Engines");
        GoCardlessBillingRequest done = api.getBillingRequest(link.billingRequestId());
        assertTrue(done.fulfilled());
        assertEquals(mandate, done.mandateId());
        assertEquals(link.customerId(), api.getMandate(mandate).customerId());
    }

    @Test
    void cancelsAPaymentUntilItIsSubmitted() {
        CustomerWithMandate c = fake.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
        String pending = fake.createPayment(c.mandateId(), 1000, "GBP");
        assertEquals("cancelled", api.cancelPayment(pending).status());
        String submitted = fake.createPayment(c.mandateId(), 1000, "GBP");
        fake.submitPayment(submitted);
        assertThrows(GoCardlessApiException.class, () -> api.cancelPayment(submitted));
        assertEquals(Money.ofMinor(1000, "GBP"), api.getPayment(submitted).amount());
        assertTrue(api.listCustomers().stream().anyMatch(x -> x.id().equals(c.customerId())));
    }
}
