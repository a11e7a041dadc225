package io.mlconnector.platform.qbwc;

import io.micronaut.context.annotation.Secondary;
import io.mlconnector.api.qbd.QuickBooksResponse;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stand-ins used until the connector runtime provides its own beans, so the Web Connector service
 * runs on its own: responses are only logged, and no scheduled query is ever due.
 */
final class Defaults {

    private Defaults() {
    }

    @Singleton
    @Secondary
    static class LoggingResponseHandler implements QuickBooksResponseHandler {
        private static final Logger LOG = LoggerFactory.getLogger(LoggingResponseHandler.class);

        @Override
        public void deliver(UUID tenantId, UUID connectionId, QuickBooksResponse response) {
            LOG.debug("QuickBooks response for request {} ({}) of connection {}: {}", response.requestId(), response.purpose(),
                    connectionId, response.answered() ? "answered" : response.errorMessage());
        }
    }

    @Singleton
    @Secondary
    static class NoScheduledQueries implements WebConnectorSessionListener {
        @Override
        public void sessionStarting(UUID tenantId, UUID connectionId) {
            // nothing falls due without a connector runtime
        }
    }
}
