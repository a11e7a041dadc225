package io.mlconnector.systems.qbd;

/**
 * The qbXML requests this library can build, with the oldest qbXML version that offers each.
 *
 * <p>Versions come from Intuit's per-version sample-data files (qbxmlops20/30/50.xml, which list
 * the messages each version contains). 2.0 is the oldest file read, so "2.0" means "2.0 or
 * earlier". ARRefundCreditCard arrived with QuickBooks 2006 (qbXML 5.0).
 */
public enum QbMessage {
    HOST_QUERY("HostQueryRq", "2.0"),
    COMPANY_QUERY("CompanyQueryRq", "2.0"),
    PREFERENCES_QUERY("PreferencesQueryRq", "2.0"),
    ACCOUNT_QUERY("AccountQueryRq", "2.0"),
    CUSTOMER_QUERY("CustomerQueryRq", "2.0"),
    CUSTOMER_ADD("CustomerAddRq", "2.0"),
    CUSTOMER_MOD("CustomerModRq", "2.0"),
    PAYMENT_METHOD_QUERY("PaymentMethodQueryRq", "2.0"),
    PAYMENT_METHOD_ADD("PaymentMethodAddRq", "2.0"),
    ITEM_QUERY("ItemQueryRq", "2.0"),
    INVOICE_QUERY("InvoiceQueryRq", "2.0"),
    INVOICE_ADD("InvoiceAddRq", "2.0"),
    INVOICE_MOD("InvoiceModRq", "3.0"),
    CREDIT_MEMO_QUERY("CreditMemoQueryRq", "2.0"),
    CREDIT_MEMO_ADD("CreditMemoAddRq", "2.0"),
    RECEIVE_PAYMENT_QUERY("ReceivePaymentQueryRq", "2.0"),
    RECEIVE_PAYMENT_ADD("ReceivePaymentAddRq", "2.0"),
    DEPOSIT_QUERY("DepositQueryRq", "2.0"),
    DEPOSIT_ADD("DepositAddRq", "2.0"),
    AR_REFUND_CREDIT_CARD_QUERY("ARRefundCreditCardQueryRq", "5.0"),
    AR_REFUND_CREDIT_CARD_ADD("ARRefundCreditCardAddRq", "5.0"),
    TXN_DEL("TxnDelRq", "2.0");

    private final String elementName;
    private final QbVersion since;

    QbMessage(String elementName, String since) {
        this.elementName = elementName;
        this.since = QbVersion.parse(since);
    }

    public String elementName() {
        return elementName;
    }

    public QbVersion since() {
        return since;
    }

    /** The message for a request element name such as {@code ReceivePaymentAddRq}, or null. */
    public static QbMessage forElement(String elementName) {
        for (QbMessage message : values()) {
            if (message.elementName.equals(elementName)) {
                return message;
            }
        }
        return null;
    }
}
