package io.mlconnector.systems.qbo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pacer against a clock that only moves when it sleeps, so the waits it chooses are visible. */
class QboRequestPacerTest {

    private Instant now = Instant.parse("2026-12-04T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();
    private final QboRequestPacer pacer = new QboRequestPacer(new Clock() {
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        public Instant instant() {
            return now;
        }
    }, d -> {
        sleeps.add(d);
        now = now.plus(d);
    });

    @Test
    void tenRequestsASecondThenTheEleventhWaitsForTheSecondToPass() {
        for (int i = 0; i < 10; i++) {
            pacer.acquire();
        }
        assertEquals(List.of(), sleeps);
        pacer.acquire();
        assertEquals(List.of(Duration.ofSeconds(1)), sleeps);
    }

    @Test
    void fiveHundredAMinuteThenTheNextWaitsForTheMinuteToPass() {
        Instant start = now;
        for (int i = 0; i < 500; i++) {
            pacer.acquire();
            now = now.plusMillis(100); // 10 a second: never the per-second limit
        }
        sleeps.clear();
        pacer.acquire();
        assertEquals(start.plusSeconds(60), now, "the 501st goes when the first leaves the minute");
    }

    @Test
    void afterA429NothingIsSentUntilTheWaitHasPassed() {
        pacer.pauseFor(Duration.ofSeconds(60));
        pacer.acquire();
        assertEquals(List.of(Duration.ofSeconds(60)), sleeps);
    }
}
