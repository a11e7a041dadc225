package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.xml.RqBase;

/** Queues typed requests for the next Web Connector session. */
final class QbQueue {

    private QbQueue() {
    }

    /** A requestID for the builders; the platform replaces it with its own when it queues the request. */
    static String requestId(String prefix, String correlation) {
        String id = prefix + "-" + correlation;
        return id.length() <= 50 ? id : id.substring(id.length() - 50);
    }

    static String send(ConnectorContext context, RqBase request, Step step, String correlation) {
        String fragment = QbXml.toFragment(request);
        return context.quickBooks().enqueue(QuickBooksRequest.of(fragment, step.encode(), correlation));
    }
}
