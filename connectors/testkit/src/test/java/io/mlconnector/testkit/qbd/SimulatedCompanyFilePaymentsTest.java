package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.QbXmlDocs.only;
import static io.mlconnector.testkit.qbd.QbXmlDocs.stopOnError;
import static io.mlconnector.testkit.qbd.QbXmlDocs.text;
import static io.mlconnector.testkit.qbd.QbXmlDocs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Invoices, payments, deposits and refunds move money the way QuickBooks books it. */
class SimulatedCompanyFilePaymentsTest {

    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();
    private QbInvoice invoice;

    @BeforeEach
    void customerWithAnOpenInvoice() {
        qb.addCustomer("Jane Doe");
        invoice = qb.addOpenInvoice("Jane Doe", "1001", "120.00", LocalDate.parse("2024-01-10"));
    }

    private Element run(String request) throws QbXmlParseException {
        return only(qb.process(stopOnError(request)));
    }

    private Element pay(String total, String applied) throws QbXmlParseException {
        return run("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe</FullName></CustomerRef>"
                + "<TxnDate>2024-01-15</TxnDate><RefNumber>PM123</RefNumber><TotalAmount>" + total + "</TotalAmount>"
                + "<PaymentMethodRef><FullName>Check</FullName></PaymentMethodRef><Memo>GoCardless PM123</Memo>"
                + "<AppliedToTxnAdd><TxnID>" + invoice.txnId() + "</TxnID><PaymentAmount>" + applied
                + "</PaymentAmount></AppliedToTxnAdd></ReceivePaymentAdd></ReceivePaymentAddRq>");
    }

    @Test
    void invoiceAddComputesLinesSubtotalAndNumbersItself() throws Exception {
        Element rs = run("<InvoiceAddRq><InvoiceAdd><CustomerRef><FullName>Jane Doe</FullName></CustomerRef>"
                + "<TxnDate>2024-01-12</TxnDate><InvoiceLineAdd><ItemRef><FullName>Services</FullName></ItemRef>"
                + "<Desc>Setup</Desc><Quantity>3</Quantity><Rate>19.995</Rate></InvoiceLineAdd>"
                + "<InvoiceLineAdd><Desc>Extra</Desc><Amount>10.00</Amount></InvoiceLineAdd></InvoiceAdd></InvoiceAddRq>");

        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals("1002", text(rs, "InvoiceRet/RefNumber"));
        assertEquals(List.of("59.99", "10.00"), texts(rs, "InvoiceRet/InvoiceLineRet/Amount"));
        assertEquals("69.99", text(rs, "InvoiceRet/Subtotal"));
        assertEquals("69.99", text(rs, "InvoiceRet/BalanceRemaining"));
        assertEquals("0.00", text(rs, "InvoiceRet/AppliedAmount"));
        assertEquals("false", text(rs, "InvoiceRet/IsPaid"));
        assertEquals("2024-01-12", text(rs, "InvoiceRet/DueDate"));
    }

    @Test
    void anInvoiceForAnUnknownCustomerIsRefusedWith3140() throws Exception {
        Element rs = run("<InvoiceAddRq><InvoiceAdd><CustomerRef><FullName>Nobody</FullName></CustomerRef>"
                + "<InvoiceLineAdd><Amount>1.00</Amount></InvoiceLineAdd></InvoiceAdd></InvoiceAddRq>");

        assertEquals("3140", rs.getAttribute("statusCode"));
        assertTrue(rs.getAttribute("statusMessage").contains("Customer \"Nobody\""));
        assertEquals(1, qb.invoices().size());
    }

    @Test
    void aPaymentAppliedInFullPaysTheInvoiceAndChangesItsEditSequence() throws Exception {
        qb.clock().advance(Duration.ofHours(1));

        Element rs = pay("120.00", "120.00");

        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals(invoice.txnId(), text(rs, "ReceivePaymentRet/AppliedToTxnRet/TxnID"));
        assertEquals("120.00", text(rs, "ReceivePaymentRet/AppliedToTxnRet/Amount"));
        assertEquals("0.00", text(rs, "ReceivePaymentRet/AppliedToTxnRet/BalanceRemaining"));
        assertEquals("0.00", text(rs, "ReceivePaymentRet/UnusedPayment"));
        assertEquals("Undeposited Funds", text(rs, "ReceivePaymentRet/DepositToAccountRef/FullName"));
        QbInvoice paid = qb.invoice(invoice.txnId()).orElseThrow();
        assertTrue(paid.paid());
        assertEquals("0.00", paid.balanceRemaining());
        assertEquals("120.00", paid.appliedAmount());
        assertNotEquals(invoice.editSequence(), paid.editSequence());
        assertEquals("0.00", qb.customerByName("Jane Doe").orElseThrow().balance());
        assertEquals("120.00", qb.accountBalance("Undeposited Funds"));
    }

    @Test
    void aPartialPaymentLeavesTheRestOpenAndTheInvoiceShowsIt() throws Exception {
        Element payment = pay("50.00", "50.00");

        Element query = run("<InvoiceQueryRq><TxnID>" + invoice.txnId() + "</TxnID>"
                + "<IncludeLinkedTxns>true</IncludeLinkedTxns></InvoiceQueryRq>");

        assertEquals("70.00", text(query, "InvoiceRet/BalanceRemaining"));
        assertEquals("-50.00", text(query, "InvoiceRet/AppliedAmount"));
        assertEquals("false", text(query, "InvoiceRet/IsPaid"));
        assertEquals(text(payment, "ReceivePaymentRet/TxnID"), text(query, "InvoiceRet/LinkedTxn/TxnID"));
        assertEquals("ReceivePayment", text(query, "InvoiceRet/LinkedTxn/TxnType"));
        assertEquals("-50.00", text(query, "InvoiceRet/LinkedTxn/Amount"));
        assertEquals(0, texts(query, "InvoiceRet/InvoiceLineRet").size());
    }

    @Test
    void applyingMoreThanTheOpenBalanceIsRefusedAndChangesNothing() throws Exception {
        Element rs = pay("150.00", "150.00");

        assertEquals("Error", rs.getAttribute("statusSeverity"));
        assertEquals(0, qb.payments().size());
        assertEquals("120.00", qb.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
    }

    @Test
    void whatIsNotAppliedStaysAsUnusedPaymentAndCreditsTheCustomer() throws Exception {
        Element rs = pay("200.00", "120.00");

        assertEquals("80.00", text(rs, "ReceivePaymentRet/UnusedPayment"));
        assertEquals("-80.00", qb.customerByName("Jane Doe").orElseThrow().balance());
        QbPayment payment = qb.payments().get(0);
        assertEquals(List.of(new QbLink(invoice.txnId(), "Invoice", "1001", "120.00")), payment.appliedTo());
    }

    @Test
    void autoApplyPrefersAnInvoiceOfExactlyThePaymentAmountThenTheOldest() throws Exception {
        QbInvoice exact = qb.addOpenInvoice("Jane Doe", "1002", "35.00", LocalDate.parse("2024-01-14"));

        Element exactRs = run("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe</FullName>"
                + "</CustomerRef><TotalAmount>35.00</TotalAmount><IsAutoApply>true</IsAutoApply>"
                + "</ReceivePaymentAdd></ReceivePaymentAddRq>");
        Element oldestRs = run("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe</FullName>"
                + "</CustomerRef><TotalAmount>20.00</TotalAmount><IsAutoApply>true</IsAutoApply>"
                + "</ReceivePaymentAdd></ReceivePaymentAddRq>");

        assertEquals(exact.txnId(), text(exactRs, "ReceivePaymentRet/AppliedToTxnRet/TxnID"));
        assertEquals(invoice.txnId(), text(oldestRs, "ReceivePaymentRet/AppliedToTxnRet/TxnID"));
        assertEquals("100.00", qb.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
    }

    @Test
    void aPaymentWithoutAutoApplyStaysUnapplied() throws Exception {
        Element rs = run("<ReceivePaymentAddRq><ReceivePaymentAdd><CustomerRef><FullName>Jane Doe</FullName>"
                + "</CustomerRef><TotalAmount>20.00</TotalAmount><IsAutoApply>false</IsAutoApply>"
                + "</ReceivePaymentAdd></ReceivePaymentAddRq>");

        assertEquals("20.00", text(rs, "ReceivePaymentRet/UnusedPayment"));
        assertEquals("120.00", qb.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
    }

    @Test
    void aDepositBanksPaymentsFromUndepositedFundsWithANegativeFeeLine() throws Exception {
        String paymentId = text(pay("120.00", "120.00"), "ReceivePaymentRet/TxnID");

        Element rs = run("<DepositAddRq><DepositAdd><TxnDate>2024-01-18</TxnDate><DepositToAccountRef><FullName>"
                + "Checking</FullName></DepositToAccountRef><Memo>Payout PO1</Memo><DepositLineAdd><PaymentTxnID>"
                + paymentId + "</PaymentTxnID></DepositLineAdd><DepositLineAdd><AccountRef><FullName>Bank Service "
                + "Charges</FullName></AccountRef><Memo>GoCardless fees</Memo><Amount>-2.40</Amount></DepositLineAdd>"
                + "</DepositAdd></DepositAddRq>");

        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals("117.60", text(rs, "DepositRet/DepositTotal"));
        assertEquals(List.of("120.00", "-2.40"), texts(rs, "DepositRet/DepositLineRet/Amount"));
        assertEquals(paymentId, text(rs, "DepositRet/DepositLineRet/TxnID"));
        assertEquals("0.00", qb.accountBalance("Undeposited Funds"));
        assertEquals("117.60", qb.accountBalance("Checking"));
        QbDeposit deposit = qb.deposits().get(0);
        assertEquals(deposit.txnId(), qb.payment(paymentId).orElseThrow().depositTxnId());
        assertEquals("-2.40", deposit.lines().get(1).amount());
    }

    @Test
    void aPaymentCannotBeDepositedTwice() throws Exception {
        String paymentId = text(pay("120.00", "120.00"), "ReceivePaymentRet/TxnID");
        String deposit = "<DepositAddRq><DepositAdd><DepositToAccountRef><FullName>Checking</FullName>"
                + "</DepositToAccountRef><DepositLineAdd><PaymentTxnID>" + paymentId + "</PaymentTxnID>"
                + "</DepositLineAdd></DepositAdd></DepositAddRq>";
        run(deposit);

        Element second = run(deposit);

        assertEquals("Error", second.getAttribute("statusSeverity"));
        assertEquals(1, qb.deposits().size());
    }

    @Test
    void aCreditMemoRefundedByCardLeavesNoCreditBehind() throws Exception {
        Element memo = run("<CreditMemoAddRq><CreditMemoAdd><CustomerRef><FullName>Jane Doe</FullName></CustomerRef>"
                + "<CreditMemoLineAdd><Desc>Refund</Desc><Amount>30.00</Amount></CreditMemoLineAdd></CreditMemoAdd>"
                + "</CreditMemoAddRq>");
        String creditId = text(memo, "CreditMemoRet/TxnID");
        assertEquals("90.00", qb.customerByName("Jane Doe").orElseThrow().balance());

        Element refund = run("<ARRefundCreditCardAddRq><ARRefundCreditCardAdd><CustomerRef><FullName>Jane Doe"
                + "</FullName></CustomerRef><RefundFromAccountRef><FullName>Checking</FullName></RefundFromAccountRef>"
                + "<Memo>GoCardless RF1</Memo><RefundAppliedToTxnAdd><TxnID>" + creditId + "</TxnID><RefundAmount>"
                + "30.00</RefundAmount></RefundAppliedToTxnAdd></ARRefundCreditCardAdd></ARRefundCreditCardAddRq>");

        assertEquals("0", refund.getAttribute("statusCode"));
        assertEquals("30.00", text(refund, "ARRefundCreditCardRet/TotalAmount"));
        assertEquals("0.00", text(refund, "ARRefundCreditCardRet/RefundAppliedToTxnRet/CreditRemaining"));
        assertEquals("0.00", qb.creditMemos().get(0).creditRemaining());
        assertEquals("120.00", qb.customerByName("Jane Doe").orElseThrow().balance());
        assertEquals("-30.00", qb.accountBalance("Checking"));
    }

    @Test
    void aCheckToReceivablesRefundsTheUnusedPartOfAPayment() throws Exception {
        pay("200.00", "120.00");

        Element check = run("<CheckAddRq><CheckAdd><AccountRef><FullName>Checking</FullName></AccountRef>"
                + "<PayeeEntityRef><FullName>Jane Doe</FullName></PayeeEntityRef><Memo>Refund of overpayment</Memo>"
                + "<ExpenseLineAdd><AccountRef><FullName>Accounts Receivable</FullName></AccountRef><Amount>80.00"
                + "</Amount><CustomerRef><FullName>Jane Doe</FullName></CustomerRef></ExpenseLineAdd></CheckAdd>"
                + "</CheckAddRq>");

        assertEquals("80.00", text(check, "CheckRet/Amount"));
        assertEquals("0.00", qb.customerByName("Jane Doe").orElseThrow().balance());
        assertEquals("-80.00", qb.accountBalance("Checking"));
    }

    @Test
    void deletingAPaymentReopensTheInvoiceItPaid() throws Exception {
        String paymentId = text(pay("120.00", "120.00"), "ReceivePaymentRet/TxnID");

        Element rs = run("<TxnDelRq><TxnDelType>ReceivePayment</TxnDelType><TxnID>" + paymentId + "</TxnID></TxnDelRq>");
        Element again = run("<TxnDelRq><TxnDelType>ReceivePayment</TxnDelType><TxnID>" + paymentId + "</TxnID>"
                + "</TxnDelRq>");

        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals(List.of("TxnDelType", "TxnID", "TimeDeleted", "RefNumber"), QbXmlDocs.childNames(rs));
        assertEquals("120.00", qb.invoice(invoice.txnId()).orElseThrow().balanceRemaining());
        assertEquals("3120", again.getAttribute("statusCode"));
    }

    @Test
    void invoiceModWithAStaleEditSequenceAfterAPaymentIsRefused() throws Exception {
        pay("50.00", "50.00");

        Element rs = run("<InvoiceModRq><InvoiceMod><TxnID>" + invoice.txnId() + "</TxnID><EditSequence>"
                + invoice.editSequence() + "</EditSequence><Memo>changed</Memo></InvoiceMod></InvoiceModRq>");

        assertEquals("3200", rs.getAttribute("statusCode"));
        assertNull(qb.invoice(invoice.txnId()).orElseThrow().memo());
    }

    @Test
    void transactionQueriesFilterByCustomerPaidStatusAndDates() throws Exception {
        qb.addCustomer("John Roe");
        qb.addOpenInvoice("John Roe", "2001", "10.00", LocalDate.parse("2024-01-13"));
        pay("120.00", "120.00");

        Element open = run("<InvoiceQueryRq><EntityFilter><FullName>Jane Doe</FullName></EntityFilter>"
                + "<PaidStatus>NotPaidOnly</PaidStatus></InvoiceQueryRq>");
        Element byDate = run("<InvoiceQueryRq><TxnDateRangeFilter><FromTxnDate>2024-01-11</FromTxnDate>"
                + "</TxnDateRangeFilter></InvoiceQueryRq>");
        Element payments = run("<ReceivePaymentQueryRq><RefNumber>pm123</RefNumber>"
                + "<IncludeLineItems>true</IncludeLineItems></ReceivePaymentQueryRq>");
        Element paymentsWithoutLines = run("<ReceivePaymentQueryRq><ModifiedDateRangeFilter><FromModifiedDate>"
                + "2024-01-15</FromModifiedDate></ModifiedDateRangeFilter></ReceivePaymentQueryRq>");

        assertEquals("1", open.getAttribute("statusCode"));
        assertEquals(List.of("2001"), texts(byDate, "InvoiceRet/RefNumber"));
        assertEquals("120.00", text(payments, "ReceivePaymentRet/AppliedToTxnRet/Amount"));
        assertEquals(1, texts(paymentsWithoutLines, "ReceivePaymentRet").size());
        assertFalse(text(paymentsWithoutLines, "ReceivePaymentRet/AppliedToTxnRet").length() > 0);
    }

    @Test
    void theHcpResponseDescribesHostCompanyAndPreferences() {
        List<Element> rs = QbXmlDocs.responses(qb.hcpResponse());

        assertEquals(List.of("HostQueryRs", "CompanyQueryRs", "PreferencesQueryRs"),
                rs.stream().map(Element::getTagName).toList());
        assertTrue(texts(rs.get(0), "HostRet/SupportedQBXMLVersion").contains("13.0"));
        assertEquals("US", text(rs.get(0), "HostRet/Country"));
        assertEquals("Simulated Company", text(rs.get(1), "CompanyRet/CompanyName"));
    }
}
