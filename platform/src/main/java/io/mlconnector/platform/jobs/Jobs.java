package io.mlconnector.platform.jobs;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.micronaut.context.BeanProvider;
import io.mlconnector.platform.inbox.EventHandling;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts work in line for the cluster: each stored event becomes one db-scheduler execution, picked by
 * exactly one platform instance at a time. Events stored but not scheduled (an instance died in
 * between) are found again by {@link JobTasks#SWEEPER}, so nothing depends on this call succeeding.
 */
@Singleton
public class Jobs implements EventHandling {

    private static final Logger LOG = LoggerFactory.getLogger(Jobs.class);

    private final BeanProvider<SchedulerClient> scheduler;

    public Jobs(BeanProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @Override
    public void handleEvents(List<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try {
            List<TaskInstance<?>> instances = eventIds.stream()
                    .<TaskInstance<?>>map(id -> JobTasks.INBOX_EVENT.instance(Long.toString(id)).build())
                    .toList();
            scheduler.get().scheduleBatch(instances, Instant.now());
        } catch (RuntimeException e) {
            // Stored already; the sweeper schedules them shortly.
            LOG.warn("Could not schedule {} events now; they will be picked up by the sweeper", eventIds.size(), e);
        }
    }

    /** Runs an event again now, whether or not it is already scheduled. */
    public void rerun(long eventId) {
        TaskInstance<Void> instance = JobTasks.INBOX_EVENT.instance(Long.toString(eventId)).build();
        if (!scheduler.get().scheduleIfNotExists(instance, Instant.now())) {
            try {
                scheduler.get().reschedule(instance, Instant.now());
            } catch (TaskInstanceCurrentlyExecutingException e) {
                // It is running right now; if it fails, its retry comes as for any failure.
                LOG.debug("Event {} is running already; not rescheduled", eventId);
            }
        }
    }

    public void runSchedule(UUID connectionId, String scheduleId) {
        scheduler.get().scheduleIfNotExists(JobTasks.CONNECTION_SCHEDULE.instance(connectionId + "|" + scheduleId).build(), Instant.now());
    }
}
