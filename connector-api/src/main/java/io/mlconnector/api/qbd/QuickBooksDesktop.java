package io.mlconnector.api.qbd;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The connection's QuickBooks Desktop, reached only when its Web Connector polls. */
public interface QuickBooksDesktop {

    /** Queues a request for the next Web Connector session; returns the requestID it will carry. */
    String enqueue(QuickBooksRequest request);

    /** Queues requests that must run in this order in one session, e.g. a query then a modify. */
    List<String> enqueueInOrder(List<QuickBooksRequest> requests);

    /** Requests still waiting or sent but not answered, for this correlation. */
    int pending(String correlation);

    /** When the Web Connector last asked for work, if ever. */
    Optional<Instant> lastPolledAt();

    /** The qbXML version the connected QuickBooks speaks, once known (e.g. "13.0"). */
    Optional<String> qbxmlVersion();
}
