package io.mlconnector.systems.qbd.queue;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.xml.RqBase;

/**
 * Queues typed requests for the next Web Connector session. Each request carries a {@link Step}
 * (what its answer continues) and a correlation (the object it is about: a payment id, a customer
 * id…); the platform hands both back with the answer, and counts what is still queued per
 * correlation ({@code ctx.quickBooks().pending(correlation)}), which is how a flow avoids starting the
 * same work twice.
 */
public final class QbQueue {

    private QbQueue() {
    }

    /** A requestID for the builders; the platform replaces it with its own when it queues the request. */
    public static String requestId(String prefix, String correlation) {
        String id = prefix + "-" + correlation;
        return id.length() <= 50 ? id : id.substring(id.length() - 50);
    }

    /**
     * Queues {@code request}; its answer comes back to the connector's {@code onQuickBooksResponse}
     * with {@code step} as the purpose.
     *
     * @return the platform's id of the queued request
     */
    public static String send(ConnectorContext context, RqBase request, Step step, String correlation) {
        String fragment = QbXml.toFragment(request);
        return context.quickBooks().enqueue(QuickBooksRequest.of(fragment, step.encode(), correlation));
    }
}
