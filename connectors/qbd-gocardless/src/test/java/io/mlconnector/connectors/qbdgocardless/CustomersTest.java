package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.testkit.gocardless.CustomerDetails;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbCustomer;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GoCardless customers are matched to QuickBooks customers, or held until a person picks one. */
class CustomersTest {

    @Test
    void anUnmatchedCustomerHoldsThePaymentWithAQuestionUntilAPersonPicksTheCustomerFromTheList() {
        try (Scenario s = Scenario.gbp()) {
            QbCustomer inBooks = s.books.addCustomer("Lovelace Consulting Ltd", "accounts@lovelace.example");
            s.books.addCustomer("Babbage Engines", "charles@example.com");
            QbInvoice invoice = s.books.addOpenInvoice("Lovelace Consulting Ltd", "1001", "25.00");
            CustomerWithMandate ada = s.gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Ada", "Lovelace", "ada@example.com"));
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.payments().size());
            SyncRecord held = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, held.status());
            assertTrue(held.lastError().contains(ada.customerId()), held.lastError());
            assertTrue(held.lastError().contains("ada@example.com"), held.lastError());
            MatchQuestion question = s.ctx.syncRecords().question("payment", payment).orElseThrow();
            assertEquals(new MatchQuestion("customer", ada.customerId(), "customer", "quickbooks-customers"), question);

            // The person types part of the name; the list the lookup filled offers the QuickBooks customer.
            List<Choice> offered = s.ctx.pickLists().search(question.pickList(), "lovelace", 10);
            assertEquals(List.of(inBooks.listId()), offered.stream().map(Choice::id).toList());
            assertEquals("accounts@lovelace.example", offered.get(0).detail());
            // The platform writes the answer into the ledger, then replays the payment's event.
            s.ctx.ids().replace(question.ledgerKind(), question.sourceId(), offered.get(0).id());
            s.replay(payment);
            s.poll();

            assertEquals(inBooks.listId(), s.paymentFor(payment).customerListId());
            assertEquals(List.of(invoice.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertEquals(SyncStatus.DONE, s.ctx.syncRecords().find("payment", payment).orElseThrow().status());
        }
    }

    @Test
    void aCustomerAddedInQuickBooksSinceTheListWasFilledIsOfferedWhenAPayerMatchesNobody() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            String first = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(first);
            s.deliverNewEvents();
            s.poll();
            assertEquals(1, s.ctx.pickLists().size("quickbooks-customers"), "Ada's lookup filled the empty list");

            s.books.addCustomer("Hopper Consulting Ltd", "accounts@hopper.example");
            CustomerWithMandate grace = s.gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Grace", "Hopper", "grace@navy.example"));
            String second = s.gc.createPayment(grace.mandateId(), 9900, "GBP");
            s.gc.confirmPayment(second);
            s.deliverNewEvents();
            s.poll();

            assertEquals(SyncStatus.NEEDS_ATTENTION, s.ctx.syncRecords().find("payment", second).orElseThrow().status());
            assertEquals(List.of("Hopper Consulting Ltd"), s.ctx.pickLists().search("quickbooks-customers", "hopper", 10)
                    .stream().map(Choice::label).toList(), "the list was brought up to date for the person who picks");
        }
    }

    @Test
    void aCustomerIsFoundByNameWhenTheEmailDiffers() {
        try (Scenario s = Scenario.gbp()) {
            s.books.addCustomer("Grace Hopper", "billing@navy.example");
            CustomerWithMandate grace = s.gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Grace", "Hopper", "grace@example.com"));
            s.books.addOpenInvoice("Grace Hopper", "1001", "10.00");
            String payment = s.gc.createPayment(grace.mandateId(), 1000, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(s.qbCustomer("Grace Hopper").listId(), s.paymentFor(payment).customerListId());
            assertEquals(s.qbCustomer("Grace Hopper").listId(),
                    s.ctx.ids().target("customer", grace.customerId()).orElseThrow());
        }
    }

    @Test
    void theCustomerListIsReadPageByPage() {
        try (Scenario s = Scenario.gbp()) {
            for (int i = 0; i < 230; i++) {
                s.books.addCustomer(String.format("Customer %03d", i), String.format("c%03d@example.com", i));
            }
            CustomerWithMandate last = s.customer("Zed Zimmer", "zed@example.com");
            s.books.addOpenInvoice("Zed Zimmer", "1001", "10.00");
            String payment = s.gc.createPayment(last.mandateId(), 1000, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            List<String> purposes = s.ctx.quickBooks().waiting().stream().map(rq -> rq.purpose()).toList();
            s.poll();

            assertEquals(s.qbCustomer("Zed Zimmer").listId(), s.paymentFor(payment).customerListId());
            assertTrue(purposes.stream().allMatch(p -> p.length() <= 150), "the platform keeps 200 characters: " + purposes);
            assertEquals(0, s.books.openIterators(), "the iterator was read to its end");
            assertEquals(231, s.ctx.pickLists().size("quickbooks-customers"),
                    "the pages read for the lookup fill the list people pick from");
            assertEquals(1, s.gc.countRequests("GET", "/customers/" + last.customerId()),
                    "GoCardless is asked about the customer once, not once per page: its rate limit is shared");
        }
    }

    @Test
    void twoQuickBooksCustomersWithTheSameEmailAreNotGuessedBetween() {
        try (Scenario s = Scenario.gbp()) {
            s.books.addCustomer("Ada Lovelace", "ada@example.com");
            s.books.addCustomer("Ada Lovelace (old)", "ada@example.com");
            CustomerWithMandate ada = s.gc.createCustomerWithActiveMandate(
                    CustomerDetails.person("Ada", "King", "ada@example.com"));
            String payment = s.gc.createPayment(ada.mandateId(), 2500, "GBP");
            s.gc.confirmPayment(payment);

            s.deliverNewEvents();
            s.poll();

            assertEquals(0, s.payments().size());
            SyncRecord held = s.ctx.syncRecords().find("payment", payment).orElseThrow();
            assertEquals(SyncStatus.NEEDS_ATTENTION, held.status());
            assertTrue(held.lastError().startsWith("Several QuickBooks customers"), held.lastError());
            assertEquals(Optional.of(new MatchQuestion("customer", ada.customerId(), "customer", "quickbooks-customers")),
                    s.ctx.syncRecords().question("payment", payment), "the person picks which of them");
        }
    }

    @Test
    void manyPaymentsOfANewCustomerShareOneLookup() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            for (int i = 0; i < 5; i++) {
                s.books.addOpenInvoice("Ada Lovelace", "100" + i, "1" + i + ".00");
                s.gc.confirmPayment(s.gc.createPayment(ada.mandateId(), 1000 + i * 100, "GBP"));
            }

            s.deliverNewEvents();
            assertEquals(1, s.ctx.quickBooks().waiting().size(), "one customer lookup, not one per payment");
            s.poll();

            assertEquals(5, s.payments().size());
            assertTrue(s.books.invoices().stream().allMatch(i -> i.paid()));
        }
    }
}
