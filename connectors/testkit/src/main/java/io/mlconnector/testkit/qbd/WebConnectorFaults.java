package io.mlconnector.testkit.qbd;

/**
 * Failures to inject into a Web Connector session, each off by default.
 *
 * <ul>
 *   <li>QuickBooks unavailable: after authenticate the Web Connector cannot open QuickBooks or the
 *       company file and calls connectionError (default HRESULT 0x80040401, "Could not access QuickBooks.").</li>
 *   <li>Timeout on round trip n: the Web Connector gives up waiting for QuickBooks and reports
 *       receiveResponseXML with an empty response, an HRESULT and a message; whether QuickBooks had
 *       already applied the request is a switch.</li>
 *   <li>Session killed on round trip n: QuickBooks applies the request, then the Web Connector dies
 *       (machine asleep, process killed): no receiveResponseXML, no closeConnection.</li>
 * </ul>
 * Round trips are counted from 1 over sendRequestXML calls that returned a request.
 */
public record WebConnectorFaults(boolean unavailable, String unavailableHresult, String unavailableMessage,
        int timeoutOnRoundTrip, boolean timedOutRequestApplied, String timeoutHresult, String timeoutMessage,
        int killOnRoundTrip) {

    /** HRESULT the Intuit sample service lists for "could not access QuickBooks". */
    public static final String COULD_NOT_ACCESS_QUICKBOOKS = "0x80040401";
    /**
     * The timeout report defaults to the SDK's generic "unexpected error" HRESULT. What the Web
     * Connector sends on a QuickBooks timeout was not found in public sources; override it with
     * {@link #withTimeoutOnRoundTrip(int, boolean, String, String)} when it is known.
     */
    public static final String UNEXPECTED_ERROR = "0x80040402";

    public static WebConnectorFaults none() {
        return new WebConnectorFaults(false, null, null, 0, false, null, null, 0);
    }

    public WebConnectorFaults withQuickBooksUnavailable() {
        return withQuickBooksUnavailable(COULD_NOT_ACCESS_QUICKBOOKS, "Could not access QuickBooks.");
    }

    public WebConnectorFaults withQuickBooksUnavailable(String hresult, String message) {
        return new WebConnectorFaults(true, hresult, message, timeoutOnRoundTrip, timedOutRequestApplied,
                timeoutHresult, timeoutMessage, killOnRoundTrip);
    }

    public WebConnectorFaults withTimeoutOnRoundTrip(int roundTrip, boolean requestApplied) {
        return withTimeoutOnRoundTrip(roundTrip, requestApplied, UNEXPECTED_ERROR,
                "Unexpected error. Check the qbsdklog.txt file for additional information.");
    }

    public WebConnectorFaults withTimeoutOnRoundTrip(int roundTrip, boolean requestApplied, String hresult,
            String message) {
        return new WebConnectorFaults(unavailable, unavailableHresult, unavailableMessage, roundTrip,
                requestApplied, hresult, message, killOnRoundTrip);
    }

    public WebConnectorFaults withSessionKilledOnRoundTrip(int roundTrip) {
        return new WebConnectorFaults(unavailable, unavailableHresult, unavailableMessage,
                timeoutOnRoundTrip, timedOutRequestApplied, timeoutHresult, timeoutMessage, roundTrip);
    }
}
