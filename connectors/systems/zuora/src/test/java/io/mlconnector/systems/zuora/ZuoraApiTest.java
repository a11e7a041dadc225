package io.mlconnector.systems.zuora;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.money.Money;
import io.mlconnector.testkit.context.DirectOutboundHttp;
import io.mlconnector.testkit.zuora.FakeZuora;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZuoraApiTest {

    private FakeZuora zuora;
    private ZuoraApi api;

    @BeforeEach
    void start() {
        ClientCredentialsTokens.forgetAll();
        zuora = FakeZuora.start();
        api = api(new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), zuora.clientSecret()));
    }

    @AfterEach
    void stop() {
        zuora.close();
    }

    private ZuoraApi api(ZuoraConnection connection) {
        DirectOutboundHttp http = new DirectOutboundHttp();
        return new ZuoraApi(connection, new ClientCredentialsTokens(connection, http, Clock.systemUTC()), http);
    }

    @Test
    void anAccountCreatedWithTheBooksIdIsFoundByItAndUpdated() {
        ZuoraAccountDraft draft = new ZuoraAccountDraft("Ada Ltd", "USD", 15, "80000001-1234567890",
                new ZuoraContact("Ada", "Lovelace", "ada@example.com", "1 Main St", "Springfield", "IL", "62701", "United States"));
        CreatedAccount created = api.createAccount(draft, "qbd-customer-80000001-1234567890");

        ZuoraAccount found = api.accountByCrmId("80000001-1234567890").orElseThrow();
        assertEquals(created.accountId(), found.id());
        assertEquals(created.accountNumber(), found.accountNumber());
        assertEquals(15, found.billCycleDay());
        assertEquals("USD", found.currency());
        assertEquals("Lovelace", zuora.account(created.accountId()).orElseThrow().path("billTo").path("lastName").asText());

        api.updateAccount(created.accountNumber(), new ZuoraAccountDraft("Ada Lovelace Ltd", "USD", 15,
                "80000001-1234567890", ZuoraContact.named("Ada Lovelace")));
        assertEquals("Ada Lovelace Ltd", api.account(created.accountId()).orElseThrow().name());
        assertTrue(api.accountByCrmId("nobody").isEmpty());
    }

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyMakesOneAccount() {
        ZuoraAccountDraft draft = new ZuoraAccountDraft("Bo Co", "EUR", 1, "LIST-1", ZuoraContact.named("Bo Co"));
        CreatedAccount first = api.createAccount(draft, "key-1");
        CreatedAccount again = api.createAccount(draft, "key-1");
        assertEquals(first, again);
        assertEquals(1, zuora.accounts().size());
    }

    @Test
    void anInvoiceComesWithItsItemsAndAPaymentWithTheInvoicesItPaid() {
        String account = zuora.createAccount("Cy Inc", "USD");
        String first = zuora.postInvoice(account, LocalDate.of(2026, 12, 1),
                List.of(FakeZuora.Line.of("Pro plan", 4900), FakeZuora.Line.of("Seats", 1050)));
        String second = zuora.postInvoice(account, LocalDate.of(2026, 12, 2), List.of(FakeZuora.Line.of("Setup", 10000)));
        String payment = zuora.processPayment(account, LocalDate.of(2026, 12, 3), Map.of(first, 5950L, second, 2500L));

        ZuoraInvoice invoice = api.invoice(first).orElseThrow();
        assertTrue(invoice.posted());
        assertEquals(Money.ofMinor(5950, "USD"), invoice.amount());
        assertEquals(List.of("Pro plan", "Seats"), invoice.items().stream().map(ZuoraInvoiceItem::chargeName).toList());
        assertEquals(Money.ofMinor(1050, "USD"), invoice.items().get(1).amount());
        assertEquals(LocalDate.of(2026, 12, 31), invoice.dueDate());

        ZuoraPayment read = api.payment(payment).orElseThrow();
        assertTrue(read.received());
        assertEquals(Money.ofMinor(8450, "USD"), read.amount());
        assertEquals(Set.of(first, second), new HashSet<>(read.applications().stream().map(ZuoraPaymentApplication::invoiceId).toList()));
        assertEquals(Money.ofMinor(7500, "USD"), api.invoice(second).orElseThrow().balance());

        String refund = zuora.refundPayment(payment, 2500, LocalDate.of(2026, 12, 4));
        ZuoraRefund r = api.refund(refund).orElseThrow();
        assertEquals(payment, r.paymentId());
        assertEquals(Money.ofMinor(2500, "USD"), r.amount());
        assertTrue(r.processed());

        zuora.cancelPayment(payment);
        assertTrue(api.payment(read.paymentNumber()).orElseThrow().reversed());
        assertTrue(api.invoice("no-such-invoice").isEmpty());
    }

    @Test
    void listsPageWithTheCursorUntilZuoraSaysThereIsNoNextPage() {
        Instant before = zuora.now().minusSeconds(5);
        String account = zuora.createAccount("Di Ltd", "GBP");
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            posted.add(zuora.postInvoice(account, LocalDate.of(2026, 11, 1), List.of(FakeZuora.Line.of("Plan", 100 + i))));
        }
        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            ZuoraPage<ZuoraInvoice> page = api.invoicesUpdatedAfter(before, cursor, 10);
            page.items().forEach(i -> read.add(i.id()));
            assertTrue(page.items().stream().allMatch(i -> !i.items().isEmpty()), "items are expanded");
            cursor = page.next().orElse(null);
            pages++;
        } while (cursor != null);
        assertEquals(posted, read, "every invoice once, oldest change first");
        assertEquals(3, pages);

        ZuoraInvoice last = api.invoice(posted.get(24)).orElseThrow();
        assertTrue(api.invoicesUpdatedAfter(last.updatedDate(), null, 10).items().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> api.paymentsUpdatedAfter(before, null, 100));
    }

    @Test
    void aMultiEntityTenantGetsItsEntityOnEveryCall() {
        zuora.requireEntity("1a2b3c4d-0000-0000-0000-000000000000");
        assertThrows(CannotProcess.class, () -> api.account("whatever"), "without the header Zuora refuses");

        ZuoraApi withEntity = api(new ZuoraConnection(zuora.baseUrl(), zuora.clientId(), zuora.clientSecret(),
                "1a2b3c4d-0000-0000-0000-000000000000", 4));
        String account = zuora.createAccount("Ed Co", "USD");
        assertEquals("Ed Co", withEntity.account(account).orElseThrow().name());
        FakeZuora.Request last = zuora.requests().get(zuora.requests().size() - 1);
        assertEquals("1a2b3c4d-0000-0000-0000-000000000000", last.header("Zuora-Entity-Ids").orElseThrow());
        assertFalse(last.header("Authorization").orElseThrow().isBlank());
    }

    @Test
    void aKeyThatIsNotAZuoraIdIsRefusedBeforeAnyCall() {
        int before = zuora.requests().size();
        assertThrows(CannotProcess.class, () -> api.invoice("../v1/accounts"));
        assertEquals(before, zuora.requests().size());
    }
}
