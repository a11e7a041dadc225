package io.mlconnector.connectors.qbdgocardless;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlconnector.testkit.gocardless.CustomerWithMandate;
import io.mlconnector.testkit.qbd.QbInvoice;
import io.mlconnector.testkit.qbd.QbLink;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** With the reverse flow on, open invoices of customers with a mandate are collected by GoCardless, once. */
class ReverseFlowTest {

    @Test
    void anOpenInvoiceIsCollectedOnceAndThePaymentSettlesThatInvoice() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.REVERSE_FLOW, "true"))) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.ctx.ids().replace("customer", ada.customerId(), s.qbCustomer("Ada Lovelace").listId());
            QbInvoice older = s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");
            QbInvoice invoice = s.books.addOpenInvoice("Ada Lovelace", "1002", "25.00");
            s.gc.takeNewEvents();

            s.connector.runSchedule(QbdGoCardlessSpec.REVERSE_FLOW, s.ctx);
            s.poll();
            s.connector.runSchedule(QbdGoCardlessSpec.REVERSE_FLOW, s.ctx);   // the next hour: nothing new
            s.poll();

            assertEquals(2, s.gc.countRequests("POST", "/payments"), "one payment per open invoice");
            String payment = s.ctx.ids().target("invoice-collection", invoice.txnId()).orElseThrow();
            ObjectNode created = s.gc.payment(payment);
            assertEquals(2500, created.path("amount").asLong());
            assertEquals(invoice.txnId(), created.path("metadata").path(PaymentFlow.INVOICE_TXN_KEY).asText());

            s.gc.confirmPayment(payment);
            s.deliverNewEvents();
            s.poll();

            assertEquals(List.of(invoice.txnId()), s.paymentFor(payment).appliedTo().stream().map(QbLink::txnId).toList());
            assertFalse(s.books.invoice(older.txnId()).orElseThrow().paid(),
                    "the invoice named by the payment wins over an older one of the same amount");
        }
    }

    @Test
    void offByDefault() {
        try (Scenario s = Scenario.gbp()) {
            CustomerWithMandate ada = s.customer("Ada Lovelace", "ada@example.com");
            s.ctx.ids().replace("customer", ada.customerId(), s.qbCustomer("Ada Lovelace").listId());
            s.books.addOpenInvoice("Ada Lovelace", "1001", "25.00");

            s.connector.runSchedule(QbdGoCardlessSpec.REVERSE_FLOW, s.ctx);
            s.poll();

            assertEquals(0, s.gc.countRequests("POST", "/payments"));
        }
    }
}
