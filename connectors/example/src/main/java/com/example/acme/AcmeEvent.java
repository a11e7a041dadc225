package com.example.acme;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Acme Pay event: {@code {"id":"ev_1","type":"payment.paid","payment":"pay_1","amount":1250,"currency":"GBP","customer":"Ann"}}.
 * Parsed with a pattern to keep the example free of libraries; a real connector would use its
 * JSON library of choice, bundled in the plugin.
 */
record AcmeEvent(String id, String type, String paymentId, long amountMinor, String currency, String customer, String json) {

    private static final Pattern EVENT = Pattern.compile("\\{\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"payment\":\"([^\"]+)\","
            + "\"amount\":(\\d+),\"currency\":\"([A-Z]{3})\",\"customer\":\"([^\"]*)\"}");

    static List<AcmeEvent> parseAll(String body) {
        if (!body.startsWith("[") || !body.endsWith("]")) {
            throw new IllegalArgumentException("An Acme Pay webhook is a JSON array of events");
        }
        List<AcmeEvent> events = new ArrayList<>();
        Matcher matcher = EVENT.matcher(body);
        while (matcher.find()) {
            events.add(from(matcher));
        }
        return events;
    }

    static AcmeEvent parseOne(String json) {
        Matcher matcher = EVENT.matcher(json);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not an Acme Pay event: " + json);
        }
        return from(matcher);
    }

    private static AcmeEvent from(Matcher m) {
        return new AcmeEvent(m.group(1), m.group(2), m.group(3), Long.parseLong(m.group(4)), m.group(5), m.group(6), m.group());
    }
}
