package io.mlconnector.systems.gocardless;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** GoCardless's explanation of a stored event, for people's messages; never a reason to fail. */
class GoCardlessEventDetailsTest {

    @Test
    void aStoredEventGivesItsCauseAndDescription() {
        GoCardlessEventDetails details = GoCardlessEventDetails.of("{\"id\":\"EV1\",\"details\":{\"origin\":\"bank\","
                + "\"cause\":\"insufficient_funds\",\"description\":\"The customer's account had insufficient funds.\","
                + "\"scheme\":\"bacs\",\"reason_code\":\"ARUDD-0\"}}");

        assertEquals("insufficient_funds", details.cause());
        assertEquals(Optional.of("The customer's account had insufficient funds."), details.optionalDescription());
        assertEquals("ARUDD-0", details.reasonCode());
    }

    @Test
    void missingOrUnreadableTextGivesNoDetails() {
        assertEquals(GoCardlessEventDetails.NONE, GoCardlessEventDetails.of(null));
        assertEquals(GoCardlessEventDetails.NONE, GoCardlessEventDetails.of("not json"));
        assertEquals(GoCardlessEventDetails.NONE, GoCardlessEventDetails.of("{\"details\":\"oops\"}"));
        assertEquals(Optional.empty(), GoCardlessEventDetails.of("{\"id\":\"EV2\"}").optionalDescription());
    }
}
