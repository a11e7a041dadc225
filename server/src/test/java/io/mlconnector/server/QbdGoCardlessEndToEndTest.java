package io.mlconnector.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.mlconnector.api.money.Money;
import io.mlconnector.platform.testing.Api;
import io.mlconnector.platform.testing.Eventually;
import io.mlconnector.platform.testing.Tenants;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookDelivery;
import io.mlconnector.testkit.gocardless.WebhookSender;
import io.mlconnector.testkit.qbd.QbCreditMemo;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbDeposit;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.QbRefund;
import io.mlconnector.testkit.qbd.RoundTrip;
import io.mlconnector.testkit.qbd.SessionOutcome;
import io.mlconnector.testkit.qbd.SessionResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import io.mlconnector.testkit.qbd.WebConnectorFaults;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * QuickBooks Desktop ↔ GoCardless through the real platform: real HTTP and PostgreSQL, the packaged
 * {@code qbd-gocardless} plugin loaded by PF4J from the plugins folder, the GoCardless fake on
 * loopback posting signed webhooks to the connection's URL, and the Web Connector simulator set up
 * from the downloaded {@code .qwc} speaking SOAP to {@code /qbwc} for a simulated company file.
 *
 * <p>Each test has its own connection and company file. The fake GoCardless is shared (the platform
 * reads its address from {@code ml.systems.gocardless.base-url}); each test sends only the events
 * its own steps produced.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QbdGoCardlessEndToEndTest implements TestPropertyProvider {

    private final FakeGoCardless gc = FakeGoCardless.start();

    @Inject
    EmbeddedServer server;


    private Tenants.SignedUp company;

    @Override
    public Map<String, String> getProperties() {
        return Map.of("ml.systems.gocardless.base-url", gc.baseUrl());
    }

    @BeforeAll
    void signUp() {
        company = new Tenants(new Api(server.getURL().toString())).signUp("Acme Subscriptions Ltd");
    }

    @BeforeEach
    void forgetEarlierEvents() {
        gc.takeNewEvents();
    }

    @AfterAll
    void stopGoCardless() {
        gc.close();
    }

    private QbdGoCardlessConnection connect(String name, SimulatedCompanyFile books) {
        return connect(name, books, Map.of());
    }

    private QbdGoCardlessConnection connect(String name, SimulatedCompanyFile books, Map<String, String> settings) {
        return QbdGoCardlessConnection.create(server.getURL().toString(), company, name, gc, books, settings);
    }

    /** A customer in both systems with the same e-mail, and an active mandate in GoCardless. */
    private CustomerWithMandate customer(QbdGoCardlessConnection connection, String name, String email) {
        connection.books().addCustomer(name, email);
        String[] parts = name.split(" ", 2);
        return gc.createCustomerWithActiveMandate(CustomerDetails.person(parts[0], parts[1], email));
    }

    private String confirmedPayment(CustomerWithMandate customer, long pence) {
        String payment = gc.createPayment(customer.mandateId(), pence, "GBP");
        gc.confirmPayment(payment);
        return payment;
    }

    private String eventId(String resourceId, String action) {
        return gc.eventsFor(resourceId).stream().filter(e -> e.action().equals(action)).map(FakeGoCardlessEvent::id)
                .findFirst().orElseThrow(() -> new AssertionError("GoCardless recorded no " + action + " event for " + resourceId));
    }

    private static List<String> txnIds(List<QbLink> links) {
        return links.stream().map(QbLink::txnId).toList();
    }

    // ------------------------------------------------------------------ set-up

    @Test
    void testConnectionReachesGoCardlessAndReportsWhenQuickBooksLastConnected() {
        QbdGoCardlessConnection connection = connect("Check", CompanyFiles.inPounds("Check Ltd"));

        JsonNode before = connection.check();
        connection.runWebConnector();
        JsonNode after = connection.check();

        assertTrue(side(before, "gocardless").get("ok").asBoolean(), before.toString());
        assertTrue(side(before, "gocardless").get("message").asText().contains("Fake Creditor Ltd"), before.toString());
        assertFalse(side(before, "quickbooks-desktop").get("ok").asBoolean(), "QuickBooks has not connected yet");
        assertTrue(side(after, "quickbooks-desktop").get("ok").asBoolean(), after.toString());
        assertTrue(side(after, "quickbooks-desktop").get("message").asText().startsWith("QuickBooks last connected"), after.toString());
    }

    @Test
    void afterAWebConnectorSessionTheAccountSettingsOfferWhatTheCompanyFileHasAndRefuseAnythingElse() {
        SimulatedCompanyFile books = CompanyFiles.inPounds("Lists Ltd");
        books.addAccount("Merchant Fees", "OtherExpense");
        QbdGoCardlessConnection uk = connect("Lists", books);
        assertFalse(uk.settingChoices().has("fee_account"), "nothing to offer before QuickBooks has been read");

        // A new connection's schedules are due at once: the first Web Connector session carries the reads.
        uk.runWebConnectorUntil("the settings' lists read from QuickBooks", () -> uk.settingChoices().has("fee_account")
                && uk.settingChoices().has("refund_item") && uk.settingChoices().has("payment_method"));

        JsonNode choices = uk.settingChoices();
        assertEquals(List.of("Bank Service Charges", "GoCardless Fees", "Merchant Fees"), ids(choices, "fee_account"));
        assertEquals(List.of("Checking"), ids(choices, "bank_account"));
        assertEquals(List.of("Checking", "GoCardless Clearing", "Undeposited Funds"), ids(choices, "deposit_account"),
                "the expense accounts are offered for fees, not for payments");
        assertEquals(List.of("Checking", "GoCardless Clearing"), ids(choices, "clearing_account"));
        assertEquals(List.of("Accounts Receivable"), ids(choices, "ar_account"));
        assertTrue(ids(choices, "payment_method").contains(CompanyFiles.PAYMENT_METHOD), choices.toString());
        assertEquals(List.of("GoCardless Refund", "Services"), ids(choices, "refund_item"));
        assertFalse(choices.has("books_currency"), "a currency is not picked from QuickBooks");
        JsonNode fees = choices.get("fee_account").get(1);
        assertEquals("GoCardless Fees", fees.get("label").asText());
        assertEquals("Expense", fees.get("detail").asText());

        HttpResponse<String> refused = uk.saveSettings(Map.of("fee_account", "Stripe Fees"));
        assertEquals(400, refused.statusCode(), refused.body());
        JsonNode problem = Tenants.read(refused.body());
        assertTrue(problem.at("/fieldErrors/fee_account").asText().contains("Stripe Fees"), refused.body());
        assertEquals(CompanyFiles.FEE_ACCOUNT, uk.view().at("/settings/fee_account").asText(), "nothing was saved");

        HttpResponse<String> saved = uk.saveSettings(Map.of("fee_account", "Merchant Fees"));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("Merchant Fees", uk.view().at("/settings/fee_account").asText());
    }

    private static List<String> ids(JsonNode choices, String setting) {
        List<String> ids = new ArrayList<>();
        choices.path(setting).forEach(c -> ids.add(c.get("id").asText()));
        return ids;
    }

    private static JsonNode side(JsonNode check, String system) {
        for (JsonNode side : check.get("sides")) {
            if (system.equals(side.get("system").asText())) {
                return side;
            }
        }
        throw new AssertionError("No answer from " + system + " in " + check);
    }

    // ------------------------------------------------------------------ payments into the books

    @Test
    void aSignedBatchOfCollectionsIsAppliedToTheInvoicesTheyPay() {
        QbdGoCardlessConnection uk = connect("Acme UK", CompanyFiles.inPounds("Acme UK Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        CustomerWithMandate alan = customer(uk, "Alan Turing", "alan@example.com");
        QbInvoice adaOlder = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        QbInvoice adaNamed = uk.books().addOpenInvoice("Ada Lovelace", "1002", "40.00");
        QbInvoice alans = uk.books().addOpenInvoice("Alan Turing", "2001", "12.50");
        String byNumber = gc.createPayment(ada.mandateId(), 4000, "GBP", null, Map.of("invoice_number", "1002"));
        String byAmount = gc.createPayment(alan.mandateId(), 1250, "GBP");
        gc.confirmPayment(byNumber);
        gc.confirmPayment(byAmount);

        List<WebhookDelivery> webhooks = uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("both payments posted", () -> uk.isDone(byNumber) && uk.isDone(byAmount));

        assertEquals(1, webhooks.size(), "one signed batch");
        assertEquals(2, uk.books().payments().size());
        QbPayment first = uk.paymentCarrying(byNumber);
        assertEquals("40.00", first.totalAmount());
        assertEquals(uk.books().customerByName("Ada Lovelace").orElseThrow().listId(), first.customerListId());
        assertEquals(List.of(adaNamed.txnId()), txnIds(first.appliedTo()), "the invoice the payment names");
        assertEquals(byNumber, first.refNumber());
        assertEquals(CompanyFiles.PAYMENT_METHOD, first.paymentMethod());
        assertEquals("Undeposited Funds", first.depositToAccount());
        QbPayment second = uk.paymentCarrying(byAmount);
        assertEquals("12.50", second.totalAmount());
        assertEquals(List.of(alans.txnId()), txnIds(second.appliedTo()), "the customer's open invoice of that amount");
        assertTrue(uk.books().invoice(adaNamed.txnId()).orElseThrow().paid());
        assertTrue(uk.books().invoice(alans.txnId()).orElseThrow().paid());
        assertEquals("25.00", uk.books().invoice(adaOlder.txnId()).orElseThrow().balanceRemaining(), "the other invoice stays open");
        assertEquals(first.txnId(), uk.record(byNumber).get("targetId").asText());
        assertEquals(second.txnId(), uk.record(byAmount).get("targetId").asText());
    }

    @Test
    void euroCollectionsReachBooksKeptInEurosAndAPaymentInPoundsIsHeldForAPerson() {
        QbdGoCardlessConnection ireland = connect("Acme Ireland", CompanyFiles.inEuros("Acme Ireland Ltd"),
                Map.of("books_currency", "EUR"));
        CustomerWithMandate marie = customer(ireland, "Marie Curie", "marie@example.com");
        QbInvoice invoice = ireland.books().addOpenInvoice("Marie Curie", "E-17", "1234.56");
        String euros = gc.createPayment(marie.mandateId(), 123456, "EUR");
        String pounds = gc.createPayment(marie.mandateId(), 2500, "GBP");
        gc.confirmPayment(euros);
        gc.confirmPayment(pounds);

        ireland.send(gc.takeNewEvents());
        ireland.runWebConnectorUntil("the euro payment posted and the pound payment held",
                () -> ireland.isDone(euros) && "NEEDS_ATTENTION".equals(ireland.status(pounds)));

        QbPayment posted = ireland.paymentCarrying(euros);
        assertEquals("1234.56", posted.totalAmount(), "123456 cents with the euro's two decimals");
        assertEquals(List.of(invoice.txnId()), txnIds(posted.appliedTo()));
        assertEquals("0.00", ireland.books().invoice(invoice.txnId()).orElseThrow().balanceRemaining());
        assertEquals(1, ireland.books().payments().size(), "the payment in pounds is not posted into euro books");
        String reason = ireland.record(pounds).get("lastError").asText();
        assertTrue(reason.contains("GBP") && reason.contains("EUR"), reason);
    }

    @Test
    void theSameBatchAgainPostsNothingNew() {
        QbdGoCardlessConnection uk = connect("Twice", CompanyFiles.inPounds("Twice Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        uk.books().addOpenInvoice("Ada Lovelace", "1002", "30.00");
        String one = confirmedPayment(ada, 2500);
        String two = confirmedPayment(ada, 3000);
        // GoCardless missed the first acknowledgement and delivered the webhook twice straight away.
        List<WebhookDelivery> webhooks = uk.send(gc.takeNewEvents(), WebhookSender.Options.defaults().duplicated());
        uk.runWebConnectorUntil("both payments posted", () -> uk.isDone(one) && uk.isDone(two));
        assertEquals(2, uk.books().payments().size());

        WebhookDelivery again = uk.sendAgain(webhooks.get(0));
        SessionResult next = uk.runWebConnector();

        assertEquals(200, again.statusCode(), again.responseBody());
        assertTrue(again.responseBody().contains("Stored 0 events"), again.responseBody());
        assertEquals(SessionOutcome.NOTHING_TO_DO, next.outcome(), "nothing new for QuickBooks");
        assertEquals(2, uk.books().payments().size());
        uk.paymentCarrying(one);
        uk.paymentCarrying(two);
        assertTrue(webhooks.get(1).responseBody().contains("already received"), webhooks.get(1).responseBody());
    }

    @Test
    void eventsArrivingNewestFirstEndTheSame() {
        QbdGoCardlessConnection uk = connect("Out of order", CompanyFiles.inPounds("Out Of Order Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        QbInvoice invoice = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = confirmedPayment(ada, 2500);
        String payout = gc.payout("GBP").payment(payment, 20).create();        // paid out, then the payout

        // One webhook per event, newest first: the payout before the payment it contains.
        uk.send(gc.takeNewEvents(), WebhookSender.Options.defaults().outOfOrder().batchSize(1));
        uk.runWebConnectorUntil("the payout deposited", () -> uk.isDone(payout));

        assertEquals(1, uk.books().payments().size());
        assertEquals(List.of(invoice.txnId()), txnIds(uk.paymentCarrying(payment).appliedTo()));
        assertEquals(1, uk.books().deposits().size(), "the payout waited for its payment, then was deposited once");
        assertEquals("24.80", uk.books().deposits().get(0).total());
    }

    // ------------------------------------------------------------------ failures, refunds, payouts

    @Test
    void aFailedCollectionPostsNothingIsFlaggedAndRaisesAnAlert() {
        QbdGoCardlessConnection uk = connect("Failures", CompanyFiles.inPounds("Failures Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        QbInvoice invoice = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = gc.createPayment(ada.mandateId(), 2500, "GBP");
        gc.failPayment(payment);

        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment flagged and QuickBooks idle",
                () -> "FAILED".equals(uk.status(payment)) && uk.pendingRequests() == 0);

        assertEquals(0, uk.books().payments().size());
        assertFalse(uk.books().invoice(invoice.txnId()).orElseThrow().paid());
        assertTrue(uk.record(payment).get("lastError").asText().contains("The collection failed"), uk.record(payment).toString());
        List<JsonNode> alerts = uk.alerts();
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(payment, alerts.get(0).get("correlation").asText());
        assertTrue(alerts.get(0).get("subject").asText().contains("failed"), alerts.get(0).toString());
    }

    @Test
    void aCollectionThatFailsAfterItWasPostedIsTakenOutOfTheBooks() {
        QbdGoCardlessConnection uk = connect("Late failure", CompanyFiles.inPounds("Late Failure Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        QbInvoice invoice = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = confirmedPayment(ada, 2500);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment posted", () -> uk.isDone(payment));
        assertTrue(uk.books().invoice(invoice.txnId()).orElseThrow().paid());

        gc.failPayment(payment);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment taken out again", () -> uk.books().payments().isEmpty()
                && uk.auditSteps(payment).contains("payment.reversed"));

        assertEquals("25.00", uk.books().invoice(invoice.txnId()).orElseThrow().balanceRemaining(), "the invoice is open again");
        assertEquals("FAILED", uk.status(payment));
        assertEquals(1, uk.alerts().size());
    }

    @Test
    void aRefundBecomesACreditMemoPaidBackToThePaymentsCustomer() {
        QbdGoCardlessConnection uk = connect("Refunds", CompanyFiles.inPounds("Refunds Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = confirmedPayment(ada, 2500);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment posted", () -> uk.isDone(payment));

        String refund = gc.createRefund(payment, 1000);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the refund recorded", () -> uk.isDone(refund));

        String customer = uk.books().customerByName("Ada Lovelace").orElseThrow().listId();
        List<QbCreditMemo> credits = uk.books().creditMemos();
        assertEquals(1, credits.size());
        assertEquals("10.00", credits.get(0).totalAmount());
        assertEquals(customer, credits.get(0).customerListId());
        assertEquals("0.00", credits.get(0).creditRemaining(), "the refund used the whole credit");
        List<QbRefund> refunds = uk.books().refunds();
        assertEquals(1, refunds.size());
        QbRefund booked = refunds.get(0);
        assertEquals("10.00", booked.totalAmount());
        assertEquals(customer, booked.customerListId());
        assertEquals(CompanyFiles.CLEARING_ACCOUNT, booked.refundFromAccount());
        assertEquals(List.of(credits.get(0).txnId()), txnIds(booked.refundedFrom()));
        assertTrue(booked.memo().contains(refund) && booked.memo().contains(payment), booked.memo());
        assertTrue(booked.memo().contains(uk.paymentCarrying(payment).txnId()), "names the original QuickBooks payment");
        assertEquals(booked.txnId(), uk.record(refund).get("targetId").asText());
        assertEquals(1, uk.books().payments().size(), "the payment itself stays");
    }

    @Test
    void aPayoutWithFeesBecomesOneDepositEqualToThePayout() {
        QbdGoCardlessConnection uk = connect("Payouts", CompanyFiles.inPounds("Payouts Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        CustomerWithMandate alan = customer(uk, "Alan Turing", "alan@example.com");
        uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        uk.books().addOpenInvoice("Alan Turing", "2001", "40.00");
        String one = confirmedPayment(ada, 2500);
        String two = confirmedPayment(alan, 4000);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("both payments posted", () -> uk.isDone(one) && uk.isDone(two));

        String payout = gc.payout("GBP").payment(one, 20).payment(two, 30).create();
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payout deposited", () -> uk.isDone(payout));

        Money paidOut = Money.ofMinor(gc.payoutResource(payout).path("amount").asLong(), "GBP");
        List<QbDeposit> deposits = uk.books().deposits();
        assertEquals(1, deposits.size());
        QbDeposit deposit = deposits.get(0);
        assertEquals(paidOut.toDecimalString(), deposit.total(), "the deposit matches the bank statement line");
        assertEquals("64.50", deposit.total());
        assertEquals(CompanyFiles.BANK_ACCOUNT, deposit.depositToAccount());
        assertTrue(deposit.memo().contains(payout), deposit.memo());
        Set<String> deposited = deposit.lines().stream().map(QbDeposit.Line::paymentTxnId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        assertEquals(Set.of(uk.paymentCarrying(one).txnId(), uk.paymentCarrying(two).txnId()), deposited);
        List<QbDeposit.Line> fees = deposit.lines().stream().filter(l -> CompanyFiles.FEE_ACCOUNT.equals(l.accountFullName())).toList();
        assertEquals(1, fees.size(), deposit.lines().toString());
        assertEquals("-0.50", fees.get(0).amount());
        assertEquals("0.00", uk.books().accountBalance("Undeposited Funds"));
        assertEquals(deposit.txnId(), uk.record(payout).get("targetId").asText());
    }

    // ------------------------------------------------------------------ a person, a dead session, the audit log

    @Test
    void anUnmatchedCustomerIsPickedByAPersonFromTheQuickBooksCustomersAndThePaymentPostsAtTheNextPoll() {
        QbdGoCardlessConnection uk = connect("Unmatched", CompanyFiles.inPounds("Unmatched Ltd"));
        QbCustomer inBooks = uk.books().addCustomer("Lovelace Consulting Ltd", "accounts@lovelace.example");
        uk.books().addCustomer("Lovelace Bakery", "bread@lovelace.example");
        uk.books().addCustomer("Babbage Engines", "charles@example.com");
        QbInvoice invoice = uk.books().addOpenInvoice("Lovelace Consulting Ltd", "1001", "25.00");
        CustomerWithMandate ada = gc.createCustomerWithActiveMandate(CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
        String payment = confirmedPayment(ada, 2500);
        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment held for a person", () -> "NEEDS_ATTENTION".equals(uk.status(payment)));
        assertEquals(0, uk.books().payments().size());

        // The person opens "needs attention", reads why, is asked which QuickBooks customer this
        // GoCardless customer is, types part of the name and picks from what QuickBooks has.
        List<JsonNode> attention = uk.records("NEEDS_ATTENTION");
        assertEquals(1, attention.size(), attention.toString());
        JsonNode held = attention.get(0);
        assertEquals(payment, held.get("sourceId").asText());
        assertTrue(held.get("lastError").asText().contains(ada.customerId()), held.toString());
        assertTrue(held.get("lastError").asText().contains("ada@example.com"), held.toString());
        JsonNode offered = uk.choices(held.get("id").asText(), "lovelace");
        assertEquals("customer", offered.at("/question/ledgerKind").asText(), offered.toString());
        assertEquals(ada.customerId(), offered.at("/question/sourceId").asText(), "the payer is matched, not the payment");
        assertEquals("quickbooks-customers", offered.at("/question/pickList").asText());
        assertEquals(3, offered.get("listSize").asInt(), "every active QuickBooks customer, read by the lookup");
        List<String> labels = new ArrayList<>();
        offered.get("choices").forEach(c -> labels.add(c.get("label").asText()));
        assertEquals(List.of("Lovelace Bakery", "Lovelace Consulting Ltd"), labels);
        JsonNode picked = offered.get("choices").get(1);
        assertEquals(inBooks.listId(), picked.get("id").asText());
        assertEquals("accounts@lovelace.example", picked.get("detail").asText(), "the e-mail tells namesakes apart");
        var answer = uk.answer(held.get("id").asText(), picked.get("id").asText());
        assertEquals(202, answer.statusCode(), answer.body());

        uk.runWebConnectorUntil("the payment posted", () -> uk.isDone(payment));

        QbPayment posted = uk.paymentCarrying(payment);
        assertEquals(inBooks.listId(), posted.customerListId());
        assertEquals(List.of(invoice.txnId()), txnIds(posted.appliedTo()));
        assertTrue(uk.auditSteps(payment).contains("mapping.set-by-person"), uk.auditSteps(payment).toString());
        assertEquals(List.of(), uk.records("NEEDS_ATTENTION"));
    }

    @Test
    void aWebConnectorSessionKilledBetweenSendAndReceiveStillPostsExactlyOnce() {
        QbdGoCardlessConnection uk = connect("Killed session", CompanyFiles.inPounds("Killed Session Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        QbInvoice invoice = uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        uk.send(gc.takeNewEvents());                            // the new mandate: Ada is looked up in QuickBooks
        uk.runWebConnectorUntil("Ada matched", () -> uk.auditSteps(ada.customerId()).contains("customer.matched"));
        String payment = confirmedPayment(ada, 2500);
        uk.send(gc.takeNewEvents());
        Eventually.within(QbdGoCardlessConnection.LIMIT, "the payment on its way to QuickBooks",
                () -> "WAITING_FOR_QUICKBOOKS".equals(uk.status(payment)) && uk.pendingRequests() > 0);

        // Round trips: the invoice lookup, the search by RefNumber, then the add. QuickBooks carries
        // out the add; the Web Connector dies before it reports the answer.
        SessionResult killed = uk.runWebConnector(WebConnectorFaults.none().withSessionKilledOnRoundTrip(3));

        assertEquals(SessionOutcome.KILLED, killed.outcome(), killed.transcript().format());
        RoundTrip lost = killed.transcript().roundTrips().get(killed.transcript().roundTrips().size() - 1);
        assertTrue(lost.requestXml().contains("<ReceivePaymentAddRq") && lost.requestXml().contains(payment), lost.requestXml());
        assertTrue(lost.applied());
        assertEquals(1, uk.books().payments().size(), "QuickBooks has the payment");
        assertEquals("WAITING_FOR_QUICKBOOKS", uk.status(payment), "ml-connector does not know it yet");

        uk.runWebConnectorUntil("the payment recorded", () -> uk.isDone(payment));

        assertEquals(1, uk.books().payments().size(), "still exactly once in the books");
        QbPayment posted = uk.paymentCarrying(payment);
        assertEquals(List.of(invoice.txnId()), txnIds(posted.appliedTo()));
        assertEquals(posted.txnId(), uk.record(payment).get("targetId").asText());
        List<String> steps = uk.auditSteps(payment);
        assertTrue(steps.contains("payment.answer-lost"), steps.toString());
        assertTrue(steps.contains("payment.found-in-quickbooks"), steps.toString());
        assertFalse(steps.contains("payment.posted"), "found, not added a second time: " + steps);
    }

    @Test
    void theAuditLogShowsTheGoCardlessEventAndPaymentIdsAndTheQuickBooksTxnId() {
        QbdGoCardlessConnection uk = connect("Audit", CompanyFiles.inPounds("Audit Ltd"));
        CustomerWithMandate ada = customer(uk, "Ada Lovelace", "ada@example.com");
        uk.books().addOpenInvoice("Ada Lovelace", "1001", "25.00");
        String payment = confirmedPayment(ada, 2500);
        String confirmed = eventId(payment, "confirmed");

        uk.send(gc.takeNewEvents());
        uk.runWebConnectorUntil("the payment posted", () -> uk.isDone(payment));

        String txnId = uk.paymentCarrying(payment).txnId();
        JsonNode detail = uk.recordWithTrail(uk.record(payment).get("id").asText());
        List<JsonNode> trail = list(detail.get("trail"));
        assertTrue(trail.stream().anyMatch(e -> step(e, "event.received") && confirmed.equals(e.get("correlationId").asText())
                && payment.equals(e.get("sourceId").asText())), "the GoCardless event as received: " + trail);
        assertTrue(trail.stream().anyMatch(e -> step(e, "payment.read") && confirmed.equals(e.get("sourceId").asText())),
                "the payment re-read because of that event: " + trail);
        assertTrue(trail.stream().anyMatch(e -> step(e, "qbwc.request") && e.get("message").asText().contains("ReceivePaymentAdd")),
                "the request sent to QuickBooks: " + trail);
        assertTrue(trail.stream().anyMatch(e -> step(e, "payment.posted") && payment.equals(e.get("correlationId").asText())
                && txnId.equals(e.get("targetId").asText())), "posted, with the QuickBooks TxnID: " + trail);
        assertTrue(uk.audit(confirmed).stream().anyMatch(e -> step(e, "event.received")),
                "the audit log can be searched by the GoCardless event id");
    }

    private static boolean step(JsonNode entry, String step) {
        return step.equals(entry.get("step").asText());
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
