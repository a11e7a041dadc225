package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.MatchCriterion;
import io.mlconnector.systems.qbd.xml.TxnDelType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Each builder's output is in QuickBooks' order, validates, and says what the plugin asked for. */
class OtherBuildersTest {

    @Test
    void depositMovesPaymentsAndDeductsTheFeeOnItsAccount() {
        String xml = QbXml.toFragment(QbRequests.deposit("payout-PO1")
                .txnDate(LocalDate.of(2024, 3, 8))
                .depositTo(QbRefs.fullName("Business Current Account"))
                .memo("GoCardless payout PO1")
                .payment("2F3-1")
                .payment("2F4-1")
                .fee(Money.ofMinor(35, "GBP"), QbRefs.fullName("GoCardless Fees"), "Fees PO1")
                .build());

        QbSchema.validate(xml);
        assertEquals(List.of("TxnDate", "DepositToAccountRef", "Memo", "DepositLineAdd", "DepositLineAdd", "DepositLineAdd"),
                XmlProbe.childNames(xml, "DepositAdd"));
        List<org.w3c.dom.Element> lines = XmlProbe.children(XmlProbe.at(xml, "DepositAdd")).subList(3, 6);
        assertEquals("2F3-1", lines.get(0).getElementsByTagName("PaymentTxnID").item(0).getTextContent());
        assertEquals("2F4-1", lines.get(1).getElementsByTagName("PaymentTxnID").item(0).getTextContent());
        assertEquals("-0.35", lines.get(2).getElementsByTagName("Amount").item(0).getTextContent());
        assertEquals("GoCardless Fees", lines.get(2).getElementsByTagName("FullName").item(0).getTextContent());
    }

    @Test
    void depositRefusesANegativeFeeAndSkipsAZeroOne() {
        assertThrows(IllegalArgumentException.class, () -> QbRequests.deposit("d").depositTo(QbRefs.fullName("Bank"))
                .fee(Money.ofMinor(-35, "GBP"), QbRefs.fullName("Fees"), null));
        String xml = QbXml.toFragment(QbRequests.deposit("d").depositTo(QbRefs.fullName("Bank")).payment("P-1")
                .fee(Money.ofMinor(0, "GBP"), QbRefs.fullName("Fees"), null).build());
        assertEquals(1, XmlProbe.childNames(xml, "DepositAdd").stream().filter("DepositLineAdd"::equals).count());
    }

    @Test
    void invoiceQueryForACustomersUnpaidInvoiceWithANumber() {
        String xml = QbXml.toFragment(QbRequests.invoiceQuery("inv")
                .customerListId("80000001-1234567890").unpaidOnly().refNumber("1001").includeLinkedTxns().build());

        QbSchema.validate(xml);
        assertEquals(List.of("EntityFilter", "RefNumberRangeFilter", "PaidStatus", "IncludeLinkedTxns"), XmlProbe.childNames(xml));
        assertEquals("1001", XmlProbe.text(xml, "RefNumberRangeFilter", "FromRefNumber"));
        assertEquals("1001", XmlProbe.text(xml, "RefNumberRangeFilter", "ToRefNumber"));
        assertEquals("NotPaidOnly", XmlProbe.text(xml, "PaidStatus"));
    }

    @Test
    void invoiceQueryByNumberAloneSelectsExactly() {
        String xml = QbXml.toFragment(QbRequests.invoiceQuery("inv").refNumber("1001").build());

        assertEquals(List.of("RefNumber"), XmlProbe.childNames(xml));
        assertThrows(IllegalStateException.class, () -> QbRequests.invoiceQuery("i").txnIds("T-1").unpaidOnly().build());
    }

    @Test
    void customerQueryByNameOrFilterButNotBoth() {
        String byName = QbXml.toFragment(QbRequests.customerQuery("c").fullNames("Acme Widgets Ltd").build());
        String byFilter = QbXml.toFragment(QbRequests.customerQuery("c").activeStatus(ActiveStatus.ALL)
                .nameMatches(MatchCriterion.STARTS_WITH, "Acme").maxReturned(10).build());

        assertEquals(List.of("FullName"), XmlProbe.childNames(byName));
        assertEquals(List.of("MaxReturned", "ActiveStatus", "NameFilter"), XmlProbe.childNames(byFilter));
        assertThrows(IllegalStateException.class,
                () -> QbRequests.customerQuery("c").listIds("8-1").maxReturned(5).build());
    }

    @Test
    void customerAddShortensTheNameButLeavesOutAPhoneItCannotHold() {
        String xml = QbXml.toFragment(QbRequests.customerAdd("cust-add")
                .name("Acme International Widgets and Gadgets Limited")
                .companyName("Acme International Widgets and Gadgets Limited")
                .firstName("Ann").lastName("Lee")
                .email("ann@acme.test")
                .phone("+44 113 496 0000 extension 1234")
                .accountNumber("CU000ABCDEF123")
                .billAddress("1 High Street", null, "Leeds", null, "LS1 1AA", "United Kingdom")
                .build());

        QbSchema.validate(xml);
        String name = XmlProbe.text(xml, "CustomerAdd", "Name");
        assertEquals(QbLimits.CUSTOMER_NAME, name.length());
        assertEquals("Acme International Widgets and Gadgets Limited".substring(0, 41), name);
        assertFalse(XmlProbe.childNames(xml, "CustomerAdd").contains("Phone"));
        assertEquals(List.of("Name", "CompanyName", "FirstName", "LastName", "BillAddress", "Email", "AccountNumber"),
                XmlProbe.childNames(xml, "CustomerAdd"));
    }

    @Test
    void customerModCarriesListIdAndEditSequenceFirst() {
        String xml = QbXml.toFragment(QbRequests.customerMod("cust-mod", "80000001-1234567890", "1712345678")
                .email("new@acme.test").active(true).build());

        QbSchema.validate(xml);
        assertEquals(List.of("ListID", "EditSequence", "IsActive", "Email"), XmlProbe.childNames(xml, "CustomerMod"));
        assertThrows(IllegalArgumentException.class, () -> QbRequests.customerMod("m", "8-1", null));
    }

    @Test
    void refundDrawsOnTheCreditAndRecordsTheProviderRefundId() {
        String xml = QbXml.toFragment(QbRequests.refund("refund-re_1")
                .customerListId("80000001-1234567890")
                .refundFrom(QbRefs.fullName("Stripe Clearing"))
                .txnDate(LocalDate.of(2024, 3, 9))
                .externalId("re_3MtwBwLkdIwHu7ix0s1Gz2bC")
                .paymentMethod("Stripe")
                .memo("Stripe refund")
                .fromCredit("CM-1712345678", Money.ofMinor(500, "GBP"))
                .build());

        QbSchema.validate(xml);
        assertEquals(List.of("CustomerRef", "RefundFromAccountRef", "TxnDate", "RefNumber", "PaymentMethodRef", "Memo",
                "RefundAppliedToTxnAdd"), XmlProbe.childNames(xml, "ARRefundCreditCardAdd"));
        assertEquals("7ix0s1Gz2bC", XmlProbe.text(xml, "ARRefundCreditCardAdd", "RefNumber"));
        assertEquals("Stripe refund | re_3MtwBwLkdIwHu7ix0s1Gz2bC", XmlProbe.text(xml, "ARRefundCreditCardAdd", "Memo"));
        assertEquals("5.00", XmlProbe.text(xml, "ARRefundCreditCardAdd", "RefundAppliedToTxnAdd", "RefundAmount"));
        assertThrows(IllegalStateException.class, () -> QbRequests.refund("r").customerListId("8-1").build());
    }

    @Test
    void txnDelNamesTheTypeThenTheTransaction() {
        String xml = QbXml.toFragment(QbRequests.txnDel("del-1", TxnDelType.RECEIVE_PAYMENT, "2F3-1712345678"));

        assertEquals("<TxnDelRq requestID=\"del-1\"><TxnDelType>ReceivePayment</TxnDelType><TxnID>2F3-1712345678</TxnID></TxnDelRq>", xml);
    }
}
