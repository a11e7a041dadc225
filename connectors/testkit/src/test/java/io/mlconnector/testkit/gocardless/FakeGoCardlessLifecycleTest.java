package io.mlconnector.testkit.gocardless;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.gocardless.GoCardlessClient;
import com.gocardless.resources.Payout;
import com.gocardless.resources.PayoutItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FakeGoCardlessLifecycleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final CustomerWithMandate customer =
            fake.createCustomerWithActiveMandate(CustomerDetails.person("Life", "Cycle", "l@example.com"));

    @AfterEach
    void stop() {
        fake.close();
    }

    private static List<String> actions(List<FakeGoCardlessEvent> events) {
        return events.stream().map(FakeGoCardlessEvent::action).toList();
    }

    @Test
    void activeMandateScenarioRecordsCreatedSubmittedActive() {
        List<FakeGoCardlessEvent> events = fake.eventsFor(customer.mandateId());

        assertEquals(List.of("created", "submitted", "active"), actions(events));
        assertEquals("mandate_activated", events.get(2).cause());
        assertEquals("active", fake.mandate(customer.mandateId()).path("status").asText());
    }

    @Test
    void paymentThroughPayoutRecordsEachStepAndLinksThePayout() throws Exception {
        fake.takeNewEvents();
        String pm = fake.createPayment(customer.mandateId(), 5000, "GBP", "INV-9", Map.of());

        fake.submitPayment(pm);
        fake.confirmPayment(pm);
        String po = fake.payout("GBP").payment(pm, 35).create();

        List<FakeGoCardlessEvent> events = fake.takeNewEvents();
        assertEquals(List.of("created", "submitted", "confirmed", "paid_out", "paid"), actions(events));
        assertEquals(List.of("payment_created", "payment_submitted", "payment_confirmed", "payment_paid_out", "payout_paid"),
                events.stream().map(FakeGoCardlessEvent::cause).toList());
        FakeGoCardlessEvent paidOut = events.get(3);
        assertEquals(po, paidOut.links().get("payout"));
        assertEquals("payouts", events.get(4).resourceType());
        JsonNode paidOutJson = JSON.readTree(paidOut.json());
        assertEquals("gocardless", paidOutJson.path("details").path("origin").asText());
        assertEquals(pm, paidOutJson.path("links").path("payment").asText());
        assertEquals("paid_out", fake.payment(pm).path("status").asText());
        assertEquals(po, fake.payment(pm).path("links").path("payout").asText());
        for (int i = 1; i < events.size(); i++) {
            assertTrue(events.get(i).createdAt().isAfter(events.get(i - 1).createdAt()));
        }
    }

    @Test
    void payoutAmountIsPaymentsLessFeesAndRefundsAndTheClientReadsItsItems() {
        String pm1 = fake.createPayment(customer.mandateId(), 10000, "GBP");
        String pm2 = fake.createPayment(customer.mandateId(), 2500, "GBP");
        String pm0 = fake.createPayment(customer.mandateId(), 4000, "GBP");
        fake.confirmPayment(pm0);
        fake.payout("GBP").payment(pm0).create();
        String rf = fake.createRefund(pm0, 1500);

        String po = fake.payout("GBP").payment(pm1, 120, 50).payment(pm2, 45).refund(rf).create();

        GoCardlessClient gc = GoCardlessClient.newBuilder(fake.accessToken()).withBaseUrl(fake.baseUrl()).build();
        Payout payout = gc.payouts().get(po).execute();
        List<PayoutItem> items = new ArrayList<>();
        gc.payoutItems().all().withPayout(po).withLimit(2).execute().forEach(items::add);
        assertEquals(10000 + 2500 - 120 - 50 - 45 - 1500, payout.getAmount());
        assertEquals(120 + 50 + 45, payout.getDeductedFees());
        assertEquals(Payout.Status.PAID, payout.getStatus());
        assertEquals(List.of(PayoutItem.Type.PAYMENT_PAID_OUT, PayoutItem.Type.GOCARDLESS_FEE, PayoutItem.Type.APP_FEE,
                        PayoutItem.Type.PAYMENT_PAID_OUT, PayoutItem.Type.GOCARDLESS_FEE, PayoutItem.Type.REFUND),
                items.stream().map(PayoutItem::getType).toList());
        assertEquals(List.of("10000.0", "-120.0", "-50.0", "2500.0", "-45.0", "-1500.0"),
                items.stream().map(PayoutItem::getAmount).toList());
        assertEquals(rf, items.get(5).getLinks().getRefund());
        assertEquals(pm1, items.get(1).getLinks().getPayment());
        assertEquals("paid", fake.refund(rf).path("status").asText());
        assertEquals(1500, fake.payment(pm0).path("amount_refunded").asLong());
    }

    @Test
    void fractionalFeeIsKeptOnTheItemAndRoundedInThePayout() {
        String pm = fake.createPayment(customer.mandateId(), 1000, "GBP");

        String po = fake.payout("GBP").payment(pm).item("gocardless_fee", new BigDecimal("-12.5"), pm, null).create();

        assertEquals("-12.5", fake.payoutItems(po).get(1).path("amount").asText());
        assertEquals(988, fake.payoutResource(po).path("amount").asLong()); // 987.5 rounded half up
    }

    @Test
    void failureAndChargebackComeFromTheBankWithSchemeReasonCodes() throws Exception {
        String failing = fake.createPayment(customer.mandateId(), 700, "GBP");
        String disputed = fake.createPayment(customer.mandateId(), 800, "GBP");
        fake.takeNewEvents();

        fake.failPayment(failing);
        fake.confirmPayment(disputed);
        fake.chargeBackPayment(disputed);

        List<FakeGoCardlessEvent> events = fake.takeNewEvents();
        assertEquals(List.of("submitted", "failed", "submitted", "confirmed", "charged_back"), actions(events));
        JsonNode failed = JSON.readTree(events.get(1).json()).path("details");
        assertEquals("bank", failed.path("origin").asText());
        assertEquals("insufficient_funds", failed.path("cause").asText());
        assertEquals("bacs", failed.path("scheme").asText());
        assertTrue(!failed.path("reason_code").asText().isEmpty());
        assertEquals("charged_back", fake.payment(disputed).path("status").asText());
    }

    @Test
    void cancelActionWorksBeforeSubmissionOnlyAndRecordsTheEvent() {
        String early = fake.createPayment(customer.mandateId(), 100, "GBP");
        String late = fake.createPayment(customer.mandateId(), 200, "GBP");
        fake.submitPayment(late);
        RawHttp raw = new RawHttp(fake);

        RawHttp.Response ok = raw.post("/payments/" + early + "/actions/cancel", "{\"data\":{}}", Map.of());
        RawHttp.Response refused = raw.post("/payments/" + late + "/actions/cancel", "{\"data\":{}}", Map.of());

        assertEquals(200, ok.status());
        assertEquals("cancelled", ok.json().path("payments").path("status").asText());
        assertEquals(422, refused.status());
        assertEquals("cancellation_failed", refused.json().path("error").path("errors").get(0).path("reason").asText());
        assertEquals("cancelled", fake.eventsFor(early).get(1).action());
        assertEquals("submitted", fake.payment(late).path("status").asText());
    }

    @Test
    void cancellingTheMandateCancelsItsUnsubmittedPayments() {
        String pending = fake.createPayment(customer.mandateId(), 100, "GBP");
        String submitted = fake.createPayment(customer.mandateId(), 200, "GBP");
        fake.submitPayment(submitted);

        fake.cancelMandate(customer.mandateId());

        assertEquals("cancelled", fake.payment(pending).path("status").asText());
        assertEquals("mandate_cancelled", fake.eventsFor(pending).get(1).cause());
        assertEquals("submitted", fake.payment(submitted).path("status").asText());
        assertThrows(IllegalStateException.class, () -> fake.createPayment(customer.mandateId(), 100, "GBP"));
    }

    @Test
    void refundsBeyondThePaymentOrBeforeConfirmationAreRefused() {
        String pm = fake.createPayment(customer.mandateId(), 1000, "GBP");

        assertThrows(IllegalStateException.class, () -> fake.createRefund(pm, 100));
        fake.confirmPayment(pm);
        String rf = fake.createRefund(pm, 600);
        assertThrows(IllegalStateException.class, () -> fake.createRefund(pm, 500));

        assertEquals("created", fake.eventsFor(rf).get(0).action());
        assertEquals(pm, fake.eventsFor(rf).get(0).links().get("payment"));
    }

    @Test
    void impossibleTransitionsAreTestMistakesAndSaySo() {
        String pm = fake.createPayment(customer.mandateId(), 1000, "GBP");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> fake.chargeBackPayment(pm));

        assertTrue(e.getMessage().contains("pending_submission"), e.getMessage());
    }
}
