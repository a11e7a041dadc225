package io.mlconnector.testkit.context;

import java.util.List;

/**
 * What one simulated Web Connector session did.
 *
 * @param requestsSent     requests handed to QuickBooks
 * @param responsesRouted  responses (or failures) given to the connector
 * @param killed           the session ended between sending a request and receiving its answer
 * @param refusals         why QuickBooks refused whole documents, if it did (for diagnosis)
 */
public record QuickBooksSession(int requestsSent, int responsesRouted, boolean killed, List<String> refusals) {

    public QuickBooksSession {
        refusals = List.copyOf(refusals);
    }
}
