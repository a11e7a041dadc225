package io.mlconnector.testkit.context;

import java.time.Instant;

/** An alert a connector raised. */
public record RaisedAlert(Instant at, String subject, String detail, String correlation) {
}
