package io.mlconnector.testkit.qbd;

/**
 * One sendRequestXML that returned a request, and what the Web Connector reported back for it.
 * {@code progress} is the receiveResponseXML result, or null when the session died before
 * receiveResponseXML; {@code applied} says whether QuickBooks processed the request.
 */
public record RoundTrip(int index, String requestXml, int requestCount, String responseXml, String hresult,
        String message, Integer progress, boolean applied) {
}
