package io.mlconnector.systems.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.money.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QuickBooksOnlineTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private final FakeQboSetup qbo = new FakeQboSetup();
    private final QuickBooksOnline books = qbo.books();

    @AfterEach
    void close() {
        qbo.close();
    }

    @Test
    void theCompanysHomeCurrencyAndMultiCurrencyAreRead() {
        QboCompany company = QuickBooksOnline.company(qbo.client);
        assertEquals("GBP", company.homeCurrency());
        assertEquals("Lovelace Engines Ltd", company.companyName());
        assertTrue(company.accepts("GBP"));
        assertFalse(company.accepts("EUR"), "multi-currency is off");
    }

    @Test
    void aPaymentLinkedToTheInvoicePaysItAndRemovingItReopensIt() {
        String customer = qbo.company.addCustomer("Ada Lovelace", "ada@example.com");
        String invoice = qbo.company.addInvoice(customer, "120.50", TODAY);
        assertEquals(List.of(invoice), books.unpaidInvoices(customer).stream().map(QboInvoice::id).toList());

        QboPayment payment = books.createPayment(QboPayment.newForInvoice(customer, invoice, Money.parse("120.50", "GBP"),
                TODAY, "PM0001ABCDEF", "GoCardless payment PM0001ABCDEF", null, null), "gc-PM0001ABCDEF");
        assertEquals(12050, payment.total().minorUnits());
        assertTrue(payment.pays(invoice));
        assertEquals(qbo.company.undepositedFundsId(), payment.depositToAccount().value(), "no account named → Undeposited Funds");
        QboInvoice paid = books.invoice(invoice);
        assertFalse(paid.isUnpaid());
        assertEquals(List.of(payment.id()), paid.paymentIds());
        assertTrue(books.unpaidInvoices(customer).isEmpty());

        books.deletePayment(payment.id());
        assertEquals(new BigDecimal("120.50"), qbo.company.balanceOf(invoice));
    }

    @Test
    void theSameRequestIdRecordsThePaymentOnce() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        String invoice = qbo.company.addInvoice(customer, "50.00", TODAY);
        var body = QboPayment.newForInvoice(customer, invoice, Money.parse("20.00", "GBP"), TODAY, "PM1", null, null, null);
        QboPayment first = books.createPayment(body, "gc-PM1");
        QboPayment again = books.createPayment(body, "gc-PM1");
        assertEquals(first.id(), again.id());
        assertEquals(new BigDecimal("30.00"), qbo.company.balanceOf(invoice));
    }

    @Test
    void aPayoutDepositLinksPaymentsAndPostsTheFeeSoItEqualsThePayout() {
        String bank = qbo.company.addAccount("Business Current Account", "Bank");
        String fees = qbo.company.addAccount("GoCardless fees", "Expense");
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        String i1 = qbo.company.addInvoice(customer, "100.00", TODAY);
        String i2 = qbo.company.addInvoice(customer, "25.10", TODAY);
        QboPayment p1 = books.createPayment(QboPayment.newForInvoice(customer, i1, Money.parse("100.00", "GBP"), TODAY, "PM1", null, null, null), null);
        QboPayment p2 = books.createPayment(QboPayment.newForInvoice(customer, i2, Money.parse("25.10", "GBP"), TODAY, "PM2", null, null, null), null);

        QboDeposit.Builder deposit = QboDeposit.into(bank, TODAY, "GBP")
                .payment(p1.id(), p1.total())
                .payment(p2.id(), p2.total())
                .account(fees, Money.ofMinor(-163, "GBP"), "GoCardless fees")
                .memo("GoCardless payout PO123");
        QboDeposit created = books.createDeposit(deposit, "gc-PO123");
        assertEquals(Money.ofMinor(12347, "GBP"), created.total(), "payout = 125.10 - 1.63");
        assertEquals(deposit.total(), created.total());
        assertEquals(p1.id(), created.lines().get(0).linkedTxn().txnId());

        QboRequestRejected rejected = assertThrows(QboRequestRejected.class, () -> books.deletePayment(p1.id()));
        assertTrue(rejected.hasCode(QboFault.DEPOSITED_TXN), "a deposited payment must first leave the deposit");
    }

    @Test
    void aRefundIsARefundReceiptFromTheClearingAccount() {
        String clearing = qbo.company.addAccount("GoCardless clearing", "Bank");
        String item = qbo.company.addItem("Refund");
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        String id = books.createRefundReceipt(QboRefundReceipt.newRefund(customer, item, clearing, Money.parse("10.00", "GBP"),
                TODAY, "RF123", "GoCardless refund RF123"), "gc-RF123");
        var stored = qbo.company.get("RefundReceipt", id);
        assertEquals(new BigDecimal("10.00"), stored.get("TotalAmt").decimalValue());
        assertEquals(clearing, stored.get("DepositToAccountRef").get("value").asText());
    }

    @Test
    void pickListsComeFromTheCompany() {
        qbo.company.addAccount("Business Current Account", "Bank");
        qbo.company.addPaymentMethod("Direct Debit");
        qbo.company.addItem("Services");
        assertTrue(books.accounts().stream().anyMatch(a -> a.name().equals("Business Current Account") && a.type().equals("Bank")));
        assertEquals(List.of("Direct Debit"), books.paymentMethods().stream().map(QboListEntry::name).toList());
        assertEquals(List.of("Services"), books.items().stream().map(QboListEntry::name).toList());
    }

    @Test
    void aForeignCurrencyTransactionIsRefusedWithoutMultiCurrency() {
        String customer = qbo.company.addCustomer("Ada Lovelace", null);
        String invoice = qbo.company.addInvoice(customer, "50.00", TODAY);
        QboRequestRejected rejected = assertThrows(QboRequestRejected.class, () -> books.createPayment(
                QboPayment.newForInvoice(customer, invoice, Money.parse("20.00", "EUR"), TODAY, "PM1", null, null, null), null));
        assertTrue(rejected.getMessage().contains("Multi-currency"), rejected.getMessage());
    }
}
