package io.mlconnector.connectors.qbdgocardless;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A flow's decisions survive the trip through the platform's queue as the request's purpose. */
class StepTest {

    @Test
    void decisionsWithAwkwardCharactersComeBackUnchanged() {
        Step step = Step.of(PaymentFlow.SEARCH)
                .with("cust", "80000001-1700000000")
                .with("invref", "INV 10&2=3?")
                .with("amt", 123456L)
                .with("note", "café ü")
                .retry();

        Step back = Step.decode(step.encode());

        assertEquals(PaymentFlow.SEARCH, back.name());
        assertEquals("80000001-1700000000", back.get("cust"));
        assertEquals("INV 10&2=3?", back.get("invref"));
        assertEquals(123456L, back.number("amt"));
        assertEquals("café ü", back.get("note"));
        assertEquals(1, back.attempt());
    }

    @Test
    void movingToTheNextStepKeepsTheDecisionsAndResetsTheAttempts() {
        Step next = Step.of(PaymentFlow.INVOICE).with("amt", 10).retry().retry().next(PaymentFlow.SEARCH);

        assertEquals(PaymentFlow.SEARCH, next.name());
        assertEquals("10", next.get("amt"));
        assertEquals(0, next.attempt());
        assertNull(Step.decode("payment.add").get("amt"));
    }
}
