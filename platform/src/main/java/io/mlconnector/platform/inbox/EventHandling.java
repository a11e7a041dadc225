package io.mlconnector.platform.inbox;

import java.util.List;

/** Queues stored inbox events for handling by the connector (the jobs do it; the inbox only asks). */
public interface EventHandling {

    void handleEvents(List<Long> eventIds);
}
