package io.mlconnector.testkit.qbd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Every call of a Web Connector session in order, and the qbXML round trips within it. */
public final class Transcript {

    private final List<SoapExchange> exchanges = new ArrayList<>();
    private final List<RoundTrip> roundTrips = new ArrayList<>();

    void add(SoapExchange exchange) {
        exchanges.add(exchange);
    }

    void add(RoundTrip roundTrip) {
        roundTrips.add(roundTrip);
    }

    public List<SoapExchange> exchanges() {
        return Collections.unmodifiableList(exchanges);
    }

    /** The operation names in call order, e.g. serverVersion, clientVersion, authenticate, ... */
    public List<String> operations() {
        return exchanges.stream().map(SoapExchange::operation).toList();
    }

    public List<SoapExchange> calls(String operation) {
        return exchanges.stream().filter(e -> e.operation().equals(operation)).toList();
    }

    public List<RoundTrip> roundTrips() {
        return Collections.unmodifiableList(roundTrips);
    }

    /** How many qbXML requests each round trip's document carried. */
    public List<Integer> requestsPerRoundTrip() {
        return roundTrips.stream().map(RoundTrip::requestCount).toList();
    }

    /** A readable log of the session, one call per block; request and response bodies included. */
    public String format() {
        StringBuilder out = new StringBuilder();
        int n = 1;
        for (SoapExchange exchange : exchanges) {
            out.append(n++).append(". ").append(exchange.operation()).append('\n');
            for (Map.Entry<String, String> parameter : exchange.parameters().entrySet()) {
                out.append("   > ").append(parameter.getKey()).append(" = ").append(indent(parameter.getValue()))
                        .append('\n');
            }
            if (exchange.fault() != null) {
                out.append("   ! ").append(exchange.fault()).append('\n');
            } else {
                for (String result : exchange.results()) {
                    out.append("   < ").append(indent(result)).append('\n');
                }
            }
        }
        return out.toString();
    }

    private static String indent(String value) {
        return value == null ? "(nil)" : value.replace("\n", "\n     ");
    }

    @Override
    public String toString() {
        return format();
    }
}
