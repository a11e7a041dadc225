package io.mlconnector.systems.stripe;

import io.mlconnector.api.money.Money;
import io.mlconnector.testkit.gocardless.RecordedRequest;
import io.mlconnector.testkit.stripe.FakeStripe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facade against the faithful fake, through the official client. */
class StripeApiTest {

    private final FakeStripe stripe = FakeStripe.start();

    @AfterEach
    void stop() {
        stripe.close();
    }

    private StripeApi api(String key) {
        return StripeApi.builder(StripeKey.parse(key)).apiBase(stripe.apiBase()).build();
    }

    @Test
    void creatingACustomerTwiceWithTheSameKeyMakesOneCustomer() {
        StripeApi api = api(stripe.testSecretKey());
        StripeCustomerDetails ada = new StripeCustomerDetails("Ada Lovelace", "ada@example.com", "+44 20 1234",
                new StripeAddress("1 Main St", null, "London", null, "N1 1AA", "GB"), Map.of("qbd_list_id", "80000001"));

        StripeCustomer first = api.createCustomer(ada, "qbd-customer-80000001");
        StripeCustomer again = api.createCustomer(ada, "qbd-customer-80000001");

        assertEquals(first.id(), again.id());
        assertEquals(1, stripe.objects("customer").size());
        assertEquals("80000001", api.customer(first.id()).metadata().get("qbd_list_id"));
        assertEquals("London", api.customer(first.id()).address().city());
        List<RecordedRequest> posts = stripe.requests().stream().filter(r -> r.method().equals("POST")).toList();
        assertTrue(posts.stream().allMatch(r -> "qbd-customer-80000001".equals(r.header("Idempotency-Key"))));
        assertThrows(NullPointerException.class, () -> api.createCustomer(ada, null));
    }

    @Test
    void aPaymentReadThroughItsChargeOrItsIntentIsTheSamePayment() {
        StripeApi api = api(stripe.testSecretKey());
        String cus = stripe.customer("Ada", "ada@example.com");
        String pi = stripe.succeedPayment(cus, 12_345, "usd", Map.of("qbd_txn_id", "1A-2"));
        String ch = stripe.chargeOf(pi);
        stripe.refund(ch, 2_345);

        StripePayment viaIntent = api.payment(pi);
        StripePayment viaCharge = api.payment(ch);

        assertEquals(viaIntent.key(), viaCharge.key());
        assertEquals(Money.ofMinor(12_345, "USD"), viaIntent.amount());
        assertEquals(Money.ofMinor(2_345, "USD"), viaIntent.refunded());
        assertEquals(Money.ofMinor(2_345, "USD"), viaCharge.refunded());
        assertEquals(cus, viaCharge.customerId());
        assertEquals("1A-2", viaIntent.metadata().get("qbd_txn_id"));
        assertTrue(viaIntent.succeeded());
        assertEquals(1, api.refundsOfCharge(ch).size());
    }

    @Test
    void zeroDecimalCurrenciesStayWholeYen() {
        String cus = stripe.customer("Sato", "sato@example.jp");
        String pi = stripe.succeedPayment(cus, 5_000, "jpy", 0, Map.of());
        StripePayment p = api(stripe.testSecretKey()).payment(pi);
        assertEquals("5000", p.amount().toDecimalString());
        assertEquals("JPY", p.amount().currency());
    }

    @Test
    void everyTransactionOfABigPayoutIsReadAcrossPagesAndTheyAddUpToIt() {
        StripeApi api = api(stripe.testSecretKey());
        String cus = stripe.customer("Ada", "ada@example.com");
        for (int i = 0; i < 150; i++) {
            stripe.succeedPayment(cus, 1_000 + i, "usd", Map.of());
        }
        String po = stripe.payout("usd");

        List<StripeBalanceTransaction> items = api.payoutTransactions(po);
        StripePayout payout = api.payout(po);

        assertEquals(151, items.size());
        Money sum = items.stream().filter(t -> !t.isPayoutItself()).map(StripeBalanceTransaction::net)
                .reduce(Money.ofMinor(0, "USD"), Money::plus);
        assertEquals(payout.amount(), sum);
        assertTrue(items.stream().filter(StripeBalanceTransaction::isPayment)
                .allMatch(t -> t.paymentIntentId() != null && t.paymentIntentId().startsWith("pi_")));
        long pages = stripe.requests().stream().filter(r -> r.path().equals("/v1/balance_transactions")).count();
        assertEquals(2, pages);
        assertTrue(payout.paid() && payout.automatic());
    }

    @Test
    void serverErrorsAndThrottlesStripeSaysToRetryAreRetriedOtherThrottlesAreReported() {
        StripeApi api = api(stripe.testSecretKey());
        String cus = stripe.customer("Ada", "ada@example.com");

        stripe.failNext(2, 500);
        assertEquals(cus, api.customer(cus).id());

        stripe.throttleNext(1, true);
        assertEquals(cus, api.customer(cus).id());

        stripe.throttleNext(1, null);
        StripeCallException throttled = assertThrows(StripeCallException.class, () -> api.customer(cus));
        assertEquals(StripeCallException.Failure.RATE_LIMITED, throttled.failure());
        assertTrue(throttled.failure().retryable());

        stripe.throttleNext(1, false);
        assertEquals(StripeCallException.Failure.RATE_LIMITED,
                assertThrows(StripeCallException.class, () -> api.customer(cus)).failure());

        stripe.failNext(3, 503);
        assertEquals(StripeCallException.Failure.UNAVAILABLE,
                assertThrows(StripeCallException.class, () -> api.customer(cus)).failure());
    }

    @Test
    void testConnectionNamesTheAccountAndTheMode() {
        StripeConnectionCheck test = api(stripe.testSecretKey()).checkConnection(EnumSet.allOf(StripePermission.class));
        assertTrue(test.ok(), test.summary());
        assertEquals("Connected to " + stripe.accountName() + " (" + stripe.accountId() + ") in test mode",
                test.summary());
        assertEquals(StripeMode.LIVE, api(stripe.liveSecretKey()).checkConnection(List.of()).mode());
    }

    @Test
    void aRestrictedKeyWithoutAPermissionThePairNeedsIsNamedInPlainWords() {
        String key = stripe.restrictedTestKey("rak_customer_write", "rak_charge_read", "rak_payment_intent_read");
        StripeConnectionCheck check = api(key).checkConnection(
                EnumSet.of(StripePermission.CUSTOMERS_READ, StripePermission.CHARGES_READ, StripePermission.PAYOUTS_READ));

        assertFalse(check.ok());
        assertTrue(check.summary().contains("read payouts"), check.summary());
        assertTrue(check.summary().contains("Payouts: Read"), check.summary());
        assertFalse(check.summary().contains(key));
    }

    @Test
    void aRevokedKeyIsReportedAsRejected() {
        String key = stripe.restrictedTestKey("rak_customer_read");
        stripe.revokeKey(key);
        StripeConnectionCheck check = api(key).checkConnection(List.of(StripePermission.CUSTOMERS_READ));
        assertFalse(check.ok());
        assertTrue(check.summary().contains("refused the API key"), check.summary());
        assertEquals(StripeCallException.Failure.KEY_REJECTED,
                assertThrows(StripeCallException.class, () -> api(key).customer("cus_x")).failure());
    }

    @Test
    void anInvoiceSentForCollectionAndPaidIsFoundFromItsPayment() {
        StripeApi api = api(stripe.testSecretKey());
        String cus = stripe.customer("Ada", "ada@example.com");
        StripeNewInvoice request = new StripeNewInvoice(cus, Money.parse("250.00", "USD"), "Invoice 1001",
                Map.of("qbd_txn_id", "1A-2", "qbd_ref_number", "1001"), true, 30);

        StripeInvoice invoice = api.createInvoice(request, "qbd-invoice-1A-2");
        StripeInvoice again = api.createInvoice(request, "qbd-invoice-1A-2");

        assertEquals(invoice.id(), again.id());
        assertEquals("open", invoice.status());
        assertEquals(Money.parse("250.00", "USD"), invoice.total());
        assertEquals(1, stripe.objects("invoice").size());
        String pi = stripe.payInvoice(invoice.id());
        assertEquals(Optional.of(invoice.id()), api.invoiceOfPayment(pi));
        assertEquals("1A-2", api.invoice(invoice.id()).metadata().get("qbd_txn_id"));
        assertEquals(Optional.empty(), api.invoiceOfPayment(stripe.succeedPayment(cus, 100, "usd", Map.of())));
    }

    @Test
    void aLostDisputeSaysWhatWasWithdrawnAndTheFee() {
        StripeApi api = api(stripe.testSecretKey());
        String cus = stripe.customer("Ada", "ada@example.com");
        String pi = stripe.succeedPayment(cus, 8_000, "usd", Map.of());
        String dp = stripe.dispute(stripe.chargeOf(pi), "fraudulent");
        stripe.closeDispute(dp, false);

        StripeDispute dispute = api.dispute(dp);
        assertTrue(dispute.lost() && dispute.closed());
        assertEquals(pi, dispute.paymentIntentId());
        assertEquals(Money.ofMinor(8_000, "USD"), dispute.withdrawn());
        assertEquals(Money.ofMinor(1_500, "USD"), dispute.fees());
    }
}
