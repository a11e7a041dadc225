package io.mlconnector.systems.freshbooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.freshbooks.http.AccessTokens;
import io.mlconnector.systems.freshbooks.http.Backoff;
import io.mlconnector.systems.freshbooks.http.FreshBooksHttp;
import io.mlconnector.systems.freshbooks.http.HttpSender;
import io.mlconnector.testkit.freshbooks.FakeDelivery;
import io.mlconnector.testkit.freshbooks.FakeFreshBooks;
import io.mlconnector.systems.freshbooks.webhook.FreshBooksWebhook;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FreshBooksApiTest {

    private FakeFreshBooks fake;
    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger renewals = new AtomicInteger();
    private String token;
    private FreshBooksApi api;
    private String account;

    @BeforeEach
    void start() {
        fake = FakeFreshBooks.start();
        token = fake.accessToken();
        AccessTokens tokens = new AccessTokens() {
            @Override
            public String current() {
                return token;
            }

            @Override
            public String renewed(String rejected) {
                renewals.incrementAndGet();
                token = "renewed-" + renewals.get();
                fake.acceptAccessToken(token);
                return token;
            }
        };
        Backoff noSleep = Backoff.standard().sleepingWith(waits::add);
        api = new FreshBooksApi(new FreshBooksHttp(fake.baseUri(), tokens, HttpSender.standard(), noSleep));
        account = api.identity().firstWithAccounting().orElseThrow().accountId();
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    @Test
    void identityNamesTheAccountAndBusinessOfTheToken() {
        FreshBooksIdentity me = api.identity();
        assertEquals(fake.accountId(), account);
        assertEquals(fake.businessId(), me.business(account).orElseThrow().businessId());
        assertEquals(fake.userId(), me.userId());
    }

    @Test
    void readsEveryPageAtAHundredAtATime() {
        String client = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        for (int i = 0; i < 230; i++) {
            fake.createDraftInvoice(client, "10.00", "GBP", LocalDate.of(2026, 12, 31));
        }
        int before = fake.requestCount();
        List<FreshBooksInvoice> invoices = api.invoicesUpdatedSince(account, null);
        assertEquals(230, invoices.size());
        assertEquals(230, invoices.stream().map(FreshBooksInvoice::id).distinct().count());
        assertEquals(3, fake.requestCount() - before, "pages of 100, 100 and 30");
        assertTrue(fake.requests().get(fake.requestCount() - 1).startsWith("GET /accounting/account/" + account));
    }

    @Test
    void invoicesUpdatedSinceACursorLeaveOutOlderOnes() {
        String client = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        String old = fake.createSentInvoice(client, "10.00", "GBP", LocalDate.of(2026, 12, 31));
        String cursor = api.invoice(account, old).updated();
        fake.advanceTime(Duration.ofMinutes(5));
        String recent = fake.createSentInvoice(client, "20.00", "GBP", LocalDate.of(2026, 12, 31));
        List<String> ids = api.invoicesUpdatedSince(account, cursor).stream().map(FreshBooksInvoice::id).toList();
        assertTrue(ids.contains(recent));
        assertTrue(ids.contains(old), "updated_min is inclusive: the cursor's own invoice comes again");
        fake.advanceTime(Duration.ofMinutes(5));
        String later = api.invoice(account, recent).updated();
        assertEquals(List.of(recent), api.invoicesUpdatedSince(account, later).stream().map(FreshBooksInvoice::id).toList());
    }

    @Test
    void aPaymentSettlesTheInvoiceAndDeletingItMakesItOwedAgain() {
        String client = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoiceId = fake.createSentInvoice(client, "120.50", "GBP", LocalDate.of(2026, 12, 31));
        FreshBooksInvoice invoice = api.invoice(account, invoiceId);
        assertEquals(Money.ofMinor(12050, "GBP"), invoice.outstanding());
        assertTrue(invoice.issued());

        FreshBooksPayment payment = api.createPayment(account,
                new NewPayment(invoiceId, Money.ofMinor(12050, "GBP"), LocalDate.of(2026, 12, 4), "Bank Transfer", "GoCardless PM123"));
        assertTrue(api.invoice(account, invoiceId).fullyPaid());
        assertEquals("GoCardless PM123", api.paymentsOfInvoice(account, invoiceId).get(0).note());

        api.deletePayment(account, payment.id());
        assertTrue(api.payment(account, payment.id()).deleted());
        assertEquals(Money.ofMinor(12050, "GBP"), api.invoice(account, invoiceId).outstanding());
    }

    @Test
    void findsClientsByEmail() {
        String ada = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        fake.createClient("bob@example.com", "Bob's Bits", "GBP");
        List<FreshBooksClient> found = api.clientsByEmail(account, "ada@example.com");
        assertEquals(List.of(ada), found.stream().map(FreshBooksClient::id).toList());
        assertEquals("Analytical Engines", found.get(0).displayName());
    }

    @Test
    void recordsAnExpenseInAChosenCategory() {
        FreshBooksExpenseCategory fees = api.expenseCategories(account).stream()
                .filter(c -> c.name().equals("Bank Fees")).findFirst().orElseThrow();
        FreshBooksExpense expense = api.createExpense(account, new NewExpense(fees.id(), api.identity().userId(),
                Money.ofMinor(342, "GBP"), LocalDate.of(2026, 12, 4), "GoCardless", "Fees of payout PO123"));
        assertEquals(Money.ofMinor(342, "GBP"), api.expense(account, expense.id()).amount());
        assertEquals(fees.id(), expense.categoryId());
    }

    @Test
    void registersVerifiesListsAndDeletesCallbacksAndChecksTheirDeliveries() {
        FreshBooksCallback callback = api.registerCallback(account, "invoice", "http://127.0.0.1:9/hooks");
        assertFalse(callback.verified());
        FakeDelivery handshake = fake.takeDeliveries().get(0);
        FreshBooksWebhook.Handshake read = (FreshBooksWebhook.Handshake) FreshBooksWebhook.read(
                handshake.body().getBytes(StandardCharsets.UTF_8), null, List.of());
        assertEquals(callback.id(), read.callbackId());

        assertThrows(FreshBooksException.class, () -> api.verifyCallback(account, callback.id(), "a guess"));
        assertTrue(api.verifyCallback(account, callback.id(), read.verifier()).verified());
        assertTrue(api.callbacks(account).get(0).verified());

        String client = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoiceId = fake.createSentInvoice(client, "10.00", "GBP", LocalDate.of(2026, 12, 31));
        List<FakeDelivery> deliveries = fake.takeDeliveries();
        assertEquals(List.of("invoice.create", "invoice.update"), deliveries.stream().map(FakeDelivery::name).toList());
        FakeDelivery update = deliveries.get(1);
        FreshBooksWebhook.Event event = (FreshBooksWebhook.Event) FreshBooksWebhook.read(
                update.body().getBytes(StandardCharsets.UTF_8), update.signature(), List.of(read.verifier()));
        assertEquals(invoiceId, event.delivery().objectId());

        api.deleteCallback(account, callback.id());
        assertTrue(api.callbacks(account).isEmpty());
    }

    @Test
    void waitsWithJitterAfter429AndThenSucceeds() {
        fake.throttleNext(2);
        assertEquals(account, api.identity().firstWithAccounting().orElseThrow().accountId());
        assertEquals(2, waits.size());
        assertTrue(waits.get(0).compareTo(Duration.ofMillis(500)) <= 0);
        assertTrue(waits.get(1).compareTo(Duration.ofMillis(1000)) <= 0);
    }

    @Test
    void givesUpToTheJobSystemWhenStillRefusedAfterTheLastTry() {
        fake.throttleNext(10);
        RetryLater later = assertThrows(RetryLater.class, () -> api.invoicesUpdatedSince(account, null));
        assertTrue(later.getMessage().contains("429"));
        assertEquals(3, waits.size(), "four tries, three waits");
    }

    @Test
    void doesNotRepeatACreateAfterAServerError() {
        String client = fake.createClient("ada@example.com", "Analytical Engines", "GBP");
        String invoiceId = fake.createSentInvoice(client, "10.00", "GBP", LocalDate.of(2026, 12, 31));
        fake.failNext(1, 502);
        assertThrows(RetryLater.class, () -> api.createPayment(account,
                new NewPayment(invoiceId, Money.ofMinor(1000, "GBP"), LocalDate.of(2026, 12, 4), "Other", null)));
        assertTrue(waits.isEmpty());
        assertTrue(fake.allPayments().isEmpty());
        fake.failNext(1, 503);
        assertEquals(Money.ofMinor(1000, "GBP"), api.invoice(account, invoiceId).amount(), "a read is retried");
    }

    @Test
    void renewsTheTokenOnceOn401() {
        fake.revokeAccessTokens();
        assertEquals(account, api.identity().firstWithAccounting().orElseThrow().accountId());
        assertEquals(1, renewals.get());
    }

    @Test
    void needsReconnectWhenTheRenewedTokenIsRefusedToo() {
        fake.checkTokensWith(t -> false);
        CredentialsRejected rejected = assertThrows(CredentialsRejected.class, () -> api.identity());
        assertEquals("freshbooks", rejected.system());
        assertEquals(1, renewals.get());
    }

    @Test
    void reportsFreshBooksOwnErrorText() {
        FreshBooksException e = assertThrows(FreshBooksException.class, () -> api.invoice(account, "999999"));
        assertTrue(e.notFound());
        FreshBooksException invalid = assertThrows(FreshBooksException.class, () -> api.createPayment(account,
                new NewPayment("999999", Money.ofMinor(1, "GBP"), LocalDate.now(), "Other", null)));
        assertTrue(invalid.getMessage().contains("not found"), invalid.getMessage());
    }
}
