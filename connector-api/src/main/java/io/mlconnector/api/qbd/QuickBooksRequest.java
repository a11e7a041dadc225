package io.mlconnector.api.qbd;

/**
 * A qbXML request waiting for the next Web Connector session, as one {@code <XxxRq>} element
 * without envelope. The platform sets its {@code requestID}, batches it with others into one
 * {@code QBXMLMsgsRq}, and hands the matching response back to {@code onQuickBooksResponse}.
 *
 * @param fragment    the request element, e.g. {@code <ReceivePaymentAddRq>…</ReceivePaymentAddRq>}
 * @param purpose     what the response will be used for, e.g. {@code payment.add}; returned with it.
 *                    At most {@value #MAX_PURPOSE} characters: keep state in the id ledger, not here
 * @param correlation the business object it serves, e.g. a GoCardless payment id; returned with it
 *                    and recorded in the audit log
 * @param independent true when it may share a batch with requests that fail (continueOnError);
 *                    false when it must run alone, e.g. because it depends on an earlier one
 */
public record QuickBooksRequest(String fragment, String purpose, String correlation, boolean independent) {

    /** The longest purpose the platform accepts. */
    public static final int MAX_PURPOSE = 200;

    public QuickBooksRequest {
        if (purpose != null && purpose.length() > MAX_PURPOSE) {
            throw new IllegalArgumentException("A request's purpose is at most " + MAX_PURPOSE + " characters");
        }
    }

    public static QuickBooksRequest of(String fragment, String purpose, String correlation) {
        return new QuickBooksRequest(fragment, purpose, correlation, true);
    }
}
