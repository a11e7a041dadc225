package io.mlconnector.platform.qbwc;

import java.util.UUID;

/**
 * Told when a Web Connector has signed in for a connection, before the platform decides whether
 * there is work: the connector runtime queues here the scheduled QuickBooks queries that are due,
 * so they count as work for this very session.
 */
public interface WebConnectorSessionListener {

    void sessionStarting(UUID tenantId, UUID connectionId);
}
