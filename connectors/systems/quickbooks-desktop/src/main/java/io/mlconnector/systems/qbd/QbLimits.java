package io.mlconnector.systems.qbd;

/**
 * Maximum lengths (in characters) of the qbXML 13.0 fields ml-connector fills. QuickBooks refuses
 * a request with a longer value, so {@link QbText#fit} applies one of these before a value is set.
 */
public final class QbLimits {

    /** RefNumber of a received payment. */
    public static final int PAYMENT_REF_NUMBER = 20;
    /** RefNumber of invoices, credit memos, refunds (ARRefundCreditCard). */
    public static final int TXN_REF_NUMBER = 11;
    /** Memo of every transaction, Notes of a customer. */
    public static final int MEMO = 4095;
    /** Name of a customer (unique within the customer list). */
    public static final int CUSTOMER_NAME = 41;
    public static final int COMPANY_NAME = 41;
    public static final int FIRST_NAME = 25;
    public static final int LAST_NAME = 25;
    public static final int PHONE = 21;
    public static final int EMAIL = 1023;
    public static final int ACCOUNT_NUMBER = 99;
    /** Name of a payment method (e.g. "GoCardless"). */
    public static final int PAYMENT_METHOD_NAME = 31;
    /** Check number and its override on a deposit line. */
    public static final int CHECK_NUMBER = 11;
    /** A reference to a list object by full name (customers: "Parent:Job"). */
    public static final int FULL_NAME = 209;
    /** A requestID longer than this is refused by QuickBooks (status 1060). */
    public static final int REQUEST_ID = 50;
    public static final int ADDRESS_LINE = 41;
    public static final int CITY = 31;
    public static final int STATE = 21;
    public static final int POSTAL_CODE = 13;
    public static final int COUNTRY = 31;

    private QbLimits() {
    }
}
