package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRq;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceivePaymentAddBuilderTest {

    private static final Money GBP_12_50 = Money.ofMinor(1250, "GBP");

    private static String goCardlessPayment() {
        return QbXml.toFragment(QbRequests.receivePayment("pay-PM0012ABCDEF")
                .customerListId("80000001-1234567890")
                .txnDate(LocalDate.of(2024, 3, 5))
                .externalId("PM0012ABCDEF")
                .totalAmount(GBP_12_50)
                .paymentMethod("GoCardless")
                .memo("GoCardless payment")
                .depositToAccount(QbRefs.fullName("GoCardless Clearing"))
                .applyTo("1A2B-1234567890", GBP_12_50)
                .build());
    }

    @Test
    void carriesTheExternalPaymentIdInRefNumberAndMemo() {
        String xml = goCardlessPayment();

        assertEquals("PM0012ABCDEF", XmlProbe.text(xml, "ReceivePaymentAdd", "RefNumber"));
        assertTrue(XmlProbe.text(xml, "ReceivePaymentAdd", "Memo").contains("PM0012ABCDEF"));
        assertEquals("pay-PM0012ABCDEF", XmlProbe.root(xml).getAttribute("requestID"));
    }

    @Test
    void appliesThePaymentToTheInvoice() {
        String xml = goCardlessPayment();

        assertEquals("1A2B-1234567890", XmlProbe.text(xml, "ReceivePaymentAdd", "AppliedToTxnAdd", "TxnID"));
        assertEquals("12.50", XmlProbe.text(xml, "ReceivePaymentAdd", "AppliedToTxnAdd", "PaymentAmount"));
        assertEquals("12.50", XmlProbe.text(xml, "ReceivePaymentAdd", "TotalAmount"));
    }

    @Test
    void writesElementsInQbXmlOrderAndValidates() {
        String xml = goCardlessPayment();

        assertEquals(List.of("CustomerRef", "TxnDate", "RefNumber", "TotalAmount", "PaymentMethodRef", "Memo",
                "DepositToAccountRef", "AppliedToTxnAdd"), XmlProbe.childNames(xml, "ReceivePaymentAdd"));
        QbSchema.validate(xml);
    }

    @Test
    void keepsTheDistinguishingEndOfALongProviderIdAndTheWholeIdInTheMemo() {
        String stripeId = "pi_3MtwBwLkdIwHu7ix28a3tqPa";
        String xml = QbXml.toFragment(QbRequests.receivePayment("r").customerListId("8-1")
                .externalId(stripeId).memo("Stripe payment").autoApply().build());

        assertEquals(stripeId.substring(stripeId.length() - 20), XmlProbe.text(xml, "ReceivePaymentAdd", "RefNumber"));
        assertEquals("Stripe payment | " + stripeId, XmlProbe.text(xml, "ReceivePaymentAdd", "Memo"));
        assertEquals("true", XmlProbe.text(xml, "ReceivePaymentAdd", "IsAutoApply"));
    }

    @Test
    void shortensTheMemoTextButNeverTheId() {
        String xml = QbXml.toFragment(QbRequests.receivePayment("r").customerListId("8-1")
                .externalId("PM1").memo("x".repeat(5000)).autoApply().build());

        String memo = XmlProbe.text(xml, "ReceivePaymentAdd", "Memo");
        assertEquals(QbLimits.MEMO, memo.length());
        assertTrue(memo.endsWith(" | PM1"));
    }

    @Test
    void requiresExactlyOneWayOfApplyingTheMoney() {
        assertThrows(IllegalStateException.class,
                () -> QbRequests.receivePayment("r").customerListId("8-1").build());
        assertThrows(IllegalStateException.class,
                () -> QbRequests.receivePayment("r").customerListId("8-1").autoApply().applyTo("I-1", GBP_12_50).build());
    }

    @Test
    void refusesToApplyMoreThanWasReceived() {
        assertThrows(IllegalStateException.class, () -> QbRequests.receivePayment("r").customerListId("8-1")
                .totalAmount(GBP_12_50).applyTo("I-1", Money.ofMinor(1000, "GBP")).applyTo("I-2", Money.ofMinor(251, "GBP"))
                .build());
    }

    @Test
    void refusesMoneyInAnotherCurrencyThanTheBooks() {
        assertThrows(IllegalArgumentException.class, () -> QbRequests.receivePayment("r").customerListId("8-1")
                .booksCurrency("USD").totalAmount(GBP_12_50).autoApply().build());
    }

    @Test
    void refusesARequestIdQuickBooksWouldReject() {
        assertThrows(IllegalArgumentException.class, () -> QbRequests.receivePayment("x".repeat(51)));
        assertThrows(IllegalArgumentException.class, () -> QbRequests.receivePayment(" "));
    }

    @Test
    void readsBackIntoTheSameTypedRequest() {
        ReceivePaymentAddRq parsed = (ReceivePaymentAddRq) QbXml.parseRequest(goCardlessPayment());

        assertEquals("80000001-1234567890", parsed.getReceivePaymentAdd().getCustomerRef().getListID());
        assertEquals("12.50", parsed.getReceivePaymentAdd().getAppliedToTxnAdd().get(0).getPaymentAmount());
    }
}
