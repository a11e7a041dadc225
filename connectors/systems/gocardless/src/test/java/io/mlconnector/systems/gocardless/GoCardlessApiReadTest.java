package io.mlconnector.systems.gocardless;

import io.mlconnector.api.money.Money;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoCardlessApiReadTest {

    private final FakeGoCardless fake = FakeGoCardless.start();
    private final GoCardlessApi api = GoCardlessApi.builder(fake.accessToken()).baseUrl(fake.baseUrl())
            .pageSize(2).retries(3, java.time.Duration.ofMillis(5)).build();
    private final CustomerWithMandate ada = fake.createCustomerWithActiveMandate(
            new CustomerDetails("ada@example.com", "Ada", "Lovelace", "Analytical Engines Ltd", Map.of("crm", "C-1")));

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void paymentComesWithMoneyDatesLinksAndItsCustomer() {
        String pm = fake.createPayment(ada.mandateId(), 12345, "EUR", "INV-2024-7", Map.of("invoice", "7"));

        GoCardlessPayment p = api.getPayment(pm);

        assertEquals(Money.ofMinor(12345, "EUR"), p.amount());
        assertEquals("123.45", p.amount().toDecimalString());
        assertEquals(Money.ofMinor(0, "EUR"), p.amountRefunded());
        assertEquals("pending_submission", p.status());
        assertEquals(LocalDate.parse(fake.payment(pm).path("charge_date").asText()), p.chargeDate());
        assertEquals("INV-2024-7", p.reference());
        assertEquals(Map.of("invoice", "7"), p.metadata());
        assertEquals(ada.mandateId(), p.mandateId());
        assertEquals(ada.customerId(), p.customerId());
        assertNull(p.payoutId());
        assertEquals(fake.now().getEpochSecond(), p.createdAt().getEpochSecond(), 5);
    }

    @Test
    void paidOutPaymentLinksItsPayout() {
        String pm = fake.createPayment(ada.mandateId(), 5000, "GBP");
        String po = fake.payout("GBP").payment(pm, 20).create();

        GoCardlessPayment p = api.getPayment(pm);

        assertEquals("paid_out", p.status());
        assertEquals(po, p.payoutId());
    }

    @Test
    void customerAndMandateReadAsRecorded() {
        GoCardlessCustomer c = api.getCustomer(ada.customerId());
        GoCardlessMandate m = api.getMandate(ada.mandateId());

        assertEquals("ada@example.com", c.email());
        assertEquals("Ada", c.givenName());
        assertEquals("Lovelace", c.familyName());
        assertEquals("Analytical Engines Ltd", c.companyName());
        assertEquals("Analytical Engines Ltd", c.displayName());
        assertEquals(Map.of("crm", "C-1"), c.metadata());
        assertTrue(m.isActive());
        assertEquals(ada.customerId(), m.customerId());
        assertEquals(ada.bankAccountId(), m.customerBankAccountId());
        assertEquals("bacs", m.scheme());
    }

    @Test
    void mandatesOfACustomerAreCollectedAcrossPages() {
        String second = fake.createMandate(ada.bankAccountId());
        String third = fake.createMandate(ada.bankAccountId());
        fake.createCustomerWithActiveMandate(CustomerDetails.person("Other", "Person", "o@example.com"));

        List<GoCardlessMandate> mandates = api.listMandatesOfCustomer(ada.customerId());

        assertEquals(List.of(third, second, ada.mandateId()), mandates.stream().map(GoCardlessMandate::id).toList());
        assertEquals(List.of("pending_submission", "pending_submission", "active"),
                mandates.stream().map(GoCardlessMandate::status).toList());
        assertEquals(2, fake.countRequests("GET", "/mandates"), "two pages of two");
    }

    @Test
    void refundReadsWithAmountAndPaymentLink() {
        String pm = fake.createPayment(ada.mandateId(), 3000, "GBP");
        fake.confirmPayment(pm);
        String rf = fake.createRefund(pm, 1250, "partial");

        GoCardlessRefund r = api.getRefund(rf);

        assertEquals(Money.ofMinor(1250, "GBP"), r.amount());
        assertEquals(pm, r.paymentId());
        assertEquals(ada.mandateId(), r.mandateId());
        assertEquals("created", r.status());
        assertEquals("partial", r.reference());
        assertEquals(Money.ofMinor(1250, "GBP"), api.getPayment(pm).amountRefunded());
    }

    @Test
    void payoutAndAllItsItemsAddUp() {
        String pm1 = fake.createPayment(ada.mandateId(), 10000, "GBP");
        String pm2 = fake.createPayment(ada.mandateId(), 2000, "GBP");
        String po = fake.payout("GBP").payment(pm1, 150, 60).payment(pm2, 40).arrivalDate(LocalDate.of(2030, 1, 2)).create();

        GoCardlessPayout payout = api.getPayout(po);
        List<GoCardlessPayoutItem> items = api.listPayoutItems(payout);

        assertEquals(Money.ofMinor(10000 + 2000 - 150 - 60 - 40, "GBP"), payout.amount());
        assertEquals(Money.ofMinor(150 + 60 + 40, "GBP"), payout.deductedFees());
        assertEquals(LocalDate.of(2030, 1, 2), payout.arrivalDate());
        assertEquals("paid", payout.status());
        assertEquals(fake.payoutResource(po).path("reference").asText(), payout.reference());
        assertEquals(List.of("payment_paid_out", "gocardless_fee", "app_fee", "payment_paid_out", "gocardless_fee"),
                items.stream().map(GoCardlessPayoutItem::type).toList());
        Money sum = items.stream().map(GoCardlessPayoutItem::amount).reduce(Money.ofMinor(0, "GBP"), Money::plus);
        assertEquals(payout.amount(), sum);
        Money fees = items.stream().filter(GoCardlessPayoutItem::isFee).map(GoCardlessPayoutItem::amount)
                .reduce(Money.ofMinor(0, "GBP"), Money::plus);
        assertEquals(payout.deductedFees().negate(), fees);
        assertEquals(pm1, items.get(1).paymentId());
        assertEquals(3, fake.countRequests("GET", "/payout_items"));
    }

    @Test
    void fractionalFeeKeepsItsExactValueAndIsNeverRoundedSilently() {
        String pm = fake.createPayment(ada.mandateId(), 1000, "GBP");
        String po = fake.payout("GBP").payment(pm).item("gocardless_fee", new BigDecimal("-12.5"), pm, null).create();

        GoCardlessPayoutItem fee = api.listPayoutItems(po, "GBP").get(1);

        assertEquals(new BigDecimal("-12.5"), fee.exactMinorUnits());
        assertFalse(fee.isWholeMinorUnits());
        assertThrows(ArithmeticException.class, fee::amount);
        assertEquals(Money.ofMinor(988, "GBP"), api.getPayout(po).amount());
    }

    @Test
    void unknownPaymentIsNotFoundAndTheMessageSaysWhatWasRead() {
        GoCardlessApiException e = assertThrows(GoCardlessApiException.class, () -> api.getPayment("PM0000NOPE"));

        assertTrue(e.isNotFound());
        assertTrue(e.hasReason("resource_not_found"));
        assertTrue(e.getMessage().startsWith("reading payment PM0000NOPE"), e.getMessage());
        assertFalse(e.getMessage().contains(fake.accessToken()));
        assertFalse(e.isRetryable());
    }
}
