package io.mlconnector.api.spec;

import java.time.Duration;

/**
 * Periodic work the connector wants, run for each active connection.
 *
 * @param id    passed back to {@code runSchedule}
 * @param every how often
 * @param what  what it does, for people
 */
public record ScheduleSpec(String id, Duration every, String what) {
}
