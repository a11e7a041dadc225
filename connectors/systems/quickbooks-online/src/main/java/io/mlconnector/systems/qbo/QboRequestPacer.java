package io.mlconnector.systems.qbo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps one company's calls under QuickBooks Online's throttles: at most {@value #PER_SECOND}
 * requests in any second and {@value #PER_MINUTE} in any minute per realm (Intuit's "limits and
 * throttles" page), and nothing at all while QuickBooks has told us to wait after a 429.
 *
 * <p>A caller that would break a limit waits in {@link #acquire()} until it may go. Companies are
 * paced independently; one pacer per realm is shared by every connection in this process through
 * {@link #forRealm(String)}.
 */
public final class QboRequestPacer {

    public static final int PER_SECOND = 10;
    public static final int PER_MINUTE = 500;

    /** Waits for the pacer; tests pass one that advances a fake clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Map<String, QboRequestPacer> SHARED = new ConcurrentHashMap<>();

    private final Clock clock;
    private final Sleeper sleeper;
    private final int perSecond;
    private final int perMinute;
    private final Deque<Instant> lastMinute = new ArrayDeque<>();
    private Instant pausedUntil = Instant.MIN;

    public QboRequestPacer(Clock clock, Sleeper sleeper) {
        this(clock, sleeper, PER_SECOND, PER_MINUTE);
    }

    QboRequestPacer(Clock clock, Sleeper sleeper, int perSecond, int perMinute) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.perSecond = perSecond;
        this.perMinute = perMinute;
    }

    /** The pacer of one company for this process, with the real clock. */
    public static QboRequestPacer forRealm(String realmId) {
        return SHARED.computeIfAbsent(realmId, r -> new QboRequestPacer(Clock.systemUTC(), d -> Thread.sleep(d.toMillis())));
    }

    /** Blocks until one more request may be sent, then counts it. */
    public synchronized void acquire() {
        while (true) {
            Instant now = clock.instant();
            Duration wait = waitBefore(now);
            if (wait.isZero()) {
                lastMinute.addLast(now);
                return;
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new io.mlconnector.api.RetryLater("Interrupted while pacing QuickBooks Online requests");
            }
        }
    }

    /** After a 429: nobody sends to this company until {@code wait} has passed. */
    public synchronized void pauseFor(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
    }

    private Duration waitBefore(Instant now) {
        Instant minuteAgo = now.minusSeconds(60);
        while (!lastMinute.isEmpty() && !lastMinute.peekFirst().isAfter(minuteAgo)) {
            lastMinute.removeFirst();
        }
        Duration wait = Duration.ZERO;
        if (now.isBefore(pausedUntil)) {
            wait = Duration.between(now, pausedUntil);
        }
        if (lastMinute.size() >= perMinute) {
            wait = max(wait, Duration.between(now, lastMinute.peekFirst().plusSeconds(60)));
        }
        Instant secondAgo = now.minusSeconds(1);
        int inLastSecond = 0;
        Instant oldestInSecond = null;
        var it = lastMinute.descendingIterator();
        while (it.hasNext()) {
            Instant sent = it.next();
            if (!sent.isAfter(secondAgo)) {
                break;
            }
            inLastSecond++;
            oldestInSecond = sent;
        }
        if (inLastSecond >= perSecond) {
            wait = max(wait, Duration.between(now, oldestInSecond.plusSeconds(1)));
        }
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
