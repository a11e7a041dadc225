package io.mlconnector.platform.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.mlconnector.platform.jobs.ScheduleRunner;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-safe job system: db-scheduler over the same PostgreSQL. Any number of platform
 * instances poll one table; each execution is picked by exactly one of them, kept alive by
 * heartbeats, and revived elsewhere if its instance dies.
 */
@Factory
public class SchedulerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(SchedulerFactory.class);

    /** Created with the application context, so jobs run from start-up, not from the first webhook. */
    @Context
    @Bean(preDestroy = "stop")
    Scheduler scheduler(DataSource dataSource, EventProcessor events, ScheduleRunner schedules, RetryPolicy retries,
                        @Value("${ml.jobs.threads:8}") int threads,
                        @Value("${ml.jobs.polling-interval:2s}") Duration pollingInterval,
                        @Value("${ml.jobs.heartbeat-interval:30s}") Duration heartbeat,
                        @Value("${ml.jobs.sweep-interval:15s}") Duration sweepInterval,
                        InstanceName instanceName, io.mlconnector.platform.oauth.KeepAlive oauthKeepAlive,
                        @Value("${ml.oauth.keep-alive-interval:1h}") Duration oauthKeepAliveInterval,
                        @Value("${ml.jobs.enabled:true}") boolean enabled) {
        OneTimeTask<Void> inboxEvent = Tasks.oneTime(JobTasks.INBOX_EVENT)
                .onFailure(retrying(retries, (id, failure) -> events.recordAttempt(Long.parseLong(id), failure),
                        (id, failure) -> events.park(Long.parseLong(id), failure)))
                .onDeadExecutionRevive()
                .execute((instance, context) -> events.process(Long.parseLong(instance.getId())));
        OneTimeTask<Void> connectionSchedule = Tasks.oneTime(JobTasks.CONNECTION_SCHEDULE)
                .onFailure(retrying(retries, schedules::failed, schedules::giveUp))
                .onDeadExecutionRevive()
                .execute((instance, context) -> schedules.run(instance.getId()));
        RecurringTask<Void> sweeper = Tasks.recurring(JobTasks.SWEEPER, FixedDelay.of(sweepInterval))
                .execute((instance, context) -> events.sweep());
        RecurringTask<Void> dispatcher = Tasks.recurring(JobTasks.SCHEDULE_DISPATCHER, FixedDelay.of(Duration.ofSeconds(10)))
                .execute((instance, context) -> schedules.dispatchDue());
        RecurringTask<Void> keepAlive = Tasks.recurring("oauth-keep-alive", FixedDelay.of(oauthKeepAliveInterval))
                .execute((instance, context) -> oauthKeepAlive.run());

        // The scheduler manages its own connections, outside the application's transactions.
        var builder = Scheduler.create(DelegatingDataSource.unwrapDataSource(dataSource), List.<Task<?>>of(inboxEvent, connectionSchedule))
                .startTasks(sweeper, dispatcher, keepAlive)
                .threads(threads)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(heartbeat)
                .missedHeartbeatsLimit(4)
                .enableImmediateExecution()
                // Failures are retried or parked, and each is logged once by the platform with its tenant.
                .failureLogging(LogLevel.DEBUG, true)
                .registerShutdownHook();
        builder.schedulerName(new SchedulerName.Fixed(instanceName.name()));
        Scheduler scheduler = builder.build();
        if (enabled) {
            scheduler.start();
        }
        return scheduler;
    }

    @Singleton
    SchedulerClient client(Scheduler scheduler) {
        return scheduler;
    }

    /** What to do with an id and how its run failed. */
    @FunctionalInterface
    interface Step {
        void apply(String instanceId, Failure failure);
    }

    /**
     * One failed run: the attempt it was (1 for the first), what went wrong, and when it runs again
     * (null when it is given up).
     */
    record Failure(int attempt, Throwable cause, Duration retryIn) {

        String reason() {
            return cause == null ? "Unknown failure"
                    : String.valueOf(cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage());
        }
    }

    private static <T> FailureHandler<T> retrying(RetryPolicy policy, Step onRetry, Step onGiveUp) {
        return (complete, operations) -> {
            int failures = complete.getExecution().consecutiveFailures + 1;
            Throwable cause = complete.getCause().map(SchedulerFactory::unwrap).orElse(null);
            String id = complete.getExecution().getId();
            if (policy.giveUp(failures, cause)) {
                onGiveUp.apply(id, new Failure(failures, cause, null));
                operations.stop();
            } else {
                Duration delay = policy.delayAfter(failures, cause);
                onRetry.apply(id, new Failure(failures, cause, delay));
                operations.reschedule(complete, Instant.now().plus(delay));
            }
        };
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable current = thrown;
        while ((current instanceof RuntimeException && current.getCause() != null
                && !(current instanceof io.mlconnector.api.CannotProcess) && !(current instanceof io.mlconnector.api.RetryLater)
                && current.getClass().getName().startsWith("com.github.kagkarlsson"))) {
            current = current.getCause();
        }
        return current;
    }
}
