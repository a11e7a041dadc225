package io.mlconnector.platform.plugins;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every call into a plugin goes through here: on a thread of its own with a time limit, timed and
 * counted per plugin and verb in the metrics. A plugin that throws, hangs or returns nothing fails
 * that one piece of work with a reason; the caller and other tenants carry on.
 */
@Singleton
public class PluginCalls {

    private final MeterRegistry metrics;
    private final Duration limit;
    private final ExecutorService threads;

    public PluginCalls(MeterRegistry metrics, @Value("${ml.plugins.call-timeout:60s}") Duration limit) {
        this.metrics = metrics;
        this.limit = limit;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "plugin-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    public <T> T call(String connectorId, String verb, Callable<T> work) {
        return call(connectorId, verb, limit, work);
    }

    public <T> T call(String connectorId, String verb, Duration timeout, Callable<T> work) {
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "ok";
        Future<T> future = threads.submit(work);
        try {
            T result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (result == null) {
                outcome = "no_answer";
                throw new PluginFailure(connectorId + " gave no answer to " + verb, null);
            }
            return result;
        } catch (TimeoutException e) {
            outcome = "timeout";
            future.cancel(true);
            throw new PluginFailure("The connector " + connectorId + " did not answer " + verb + " within "
                    + timeout.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            outcome = "error";
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PluginFailure("The connector " + connectorId + " failed in " + verb + ": " + cause, cause);
        } catch (InterruptedException e) {
            outcome = "interrupted";
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginFailure("Interrupted while " + connectorId + " ran " + verb, e);
        } finally {
            sample.stop(metrics.timer("ml.plugin.calls", "connector", connectorId, "verb", verb, "outcome", outcome));
        }
    }

    /** For verbs that return nothing. */
    public void run(String connectorId, String verb, Runnable work) {
        call(connectorId, verb, () -> {
            work.run();
            return Boolean.TRUE;
        });
    }

    @PreDestroy
    void close() {
        threads.shutdownNow();
    }
}
