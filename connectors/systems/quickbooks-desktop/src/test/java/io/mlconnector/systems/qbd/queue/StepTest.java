package io.mlconnector.systems.qbd.queue;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A flow's decisions survive the trip through the platform's queue as the request's purpose. */
class StepTest {

    @Test
    void decisionsWithAwkwardCharactersComeBackUnchanged() {
        Step step = Step.of("payment.search")
                .with("cust", "80000001-1700000000")
                .with("invref", "INV 10&2=3?")
                .with("amt", 123456L)
                .with("note", "café ü")
                .retry();

        Step back = Step.decode(step.encode());

        assertEquals("payment.search", back.name());
        assertEquals("80000001-1700000000", back.get("cust"));
        assertEquals("INV 10&2=3?", back.get("invref"));
        assertEquals(123456L, back.number("amt"));
        assertEquals("café ü", back.get("note"));
        assertEquals(1, back.attempt());
    }

    @Test
    void movingToTheNextStepKeepsTheDecisionsAndResetsTheAttempts() {
        Step next = Step.of("payment.invoice").with("amt", 10).retry().retry().next("payment.search");

        assertEquals("payment.search", next.name());
        assertEquals("10", next.get("amt"));
        assertEquals(0, next.attempt());
        assertNull(Step.decode("payment.add").get("amt"));
    }
}
