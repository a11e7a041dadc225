package io.mlconnector.testkit.context;

import io.mlconnector.api.context.Alerts;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Alerts collected in a list instead of shown on the connection and e-mailed. */
public final class InMemoryAlerts implements Alerts {

    private final Clock clock;
    private final List<RaisedAlert> raised = new ArrayList<>();

    public InMemoryAlerts(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void raise(String subject, String detail, String correlation) {
        raised.add(new RaisedAlert(clock.instant(), subject, detail, correlation));
    }

    public synchronized List<RaisedAlert> raised() {
        return List.copyOf(raised);
    }

    public synchronized List<RaisedAlert> about(String correlation) {
        return raised.stream().filter(a -> correlation.equals(a.correlation())).toList();
    }
}
