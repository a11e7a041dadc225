package io.mlconnector.platform.jobs;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import java.time.Duration;

/** The names of the platform's jobs, shared by whoever schedules and whoever runs them. */
public final class JobTasks {

    /** One stored event to hand to its connector; instance id = inbox event id. */
    public static final TaskDescriptor<Void> INBOX_EVENT = TaskDescriptor.of("inbox-event");

    /** One run of a connection's periodic work; instance id = "connectionId|scheduleId". */
    public static final TaskDescriptor<Void> CONNECTION_SCHEDULE = TaskDescriptor.of("connection-schedule");

    /** Finds stored events that no job holds and schedules them. */
    public static final String SWEEPER = "inbox-sweeper";

    /** Finds connection schedules that are due and schedules their runs. */
    public static final String SCHEDULE_DISPATCHER = "schedule-dispatcher";

    private JobTasks() {
    }
}
