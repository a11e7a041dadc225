package io.mlconnector.systems.gocardless;

import java.util.List;

/**
 * One page of {@code /events}, newest first as GoCardless lists them, with its cursors: pass
 * {@code after} to get older events and {@code before} to get newer ones; a null cursor means there
 * is nothing further that way.
 */
public record GoCardlessEventPage(List<GoCardlessEvent> events, String before, String after) {

    public GoCardlessEventPage {
        events = List.copyOf(events);
    }
}
