package io.mlconnector.systems.zuora.callout;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class CalloutBodyTest {

    private static CalloutBody.Parsed parse(String body) {
        return CalloutBody.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theBodyFromTheSetUpNamesTheObjectToRead() {
        Callout callout = ((CalloutBody.Parsed.Named) parse(
                "{\"Object\":\"Payment\",\"id\":\"8a8082c45f6a1bf2\",\"updated\":\"2026-12-04T10:00:00-08:00\"}")).callout();
        assertEquals(Callout.ObjectKind.PAYMENT, callout.object());
        assertEquals("8a8082c45f6a1bf2", callout.id());
        assertEquals("payment:8a8082c45f6a1bf2:2026-12-04T10:00:00-08:00", callout.eventId());
    }

    @Test
    void repeatsShareAnEventIdAndNewsAboutTheSameObjectDoesNot() {
        Callout first = ((CalloutBody.Parsed.Named) parse("{\"object\":\"invoice\",\"id\":\"abc\",\"updated\":\"t1\"}")).callout();
        Callout again = ((CalloutBody.Parsed.Named) parse("{\"object\":\"invoice\",\"id\":\"abc\",\"updated\":\"t1\"}")).callout();
        Callout later = ((CalloutBody.Parsed.Named) parse("{\"object\":\"invoice\",\"id\":\"abc\",\"updated\":\"t2\"}")).callout();
        assertEquals(first.eventId(), again.eventId());
        assertNotEquals(first.eventId(), later.eventId());
    }

    @Test
    void otherObjectsAreIgnoredAndBrokenBodiesRefused() {
        assertInstanceOf(CalloutBody.Parsed.Ignored.class, parse("{\"object\":\"subscription\",\"id\":\"abc\"}"));
        assertInstanceOf(CalloutBody.Parsed.Malformed.class, parse("not json"));
        assertInstanceOf(CalloutBody.Parsed.Malformed.class, parse("[1,2]"));
        assertInstanceOf(CalloutBody.Parsed.Malformed.class, parse("{\"object\":\"payment\"}"));
        assertInstanceOf(CalloutBody.Parsed.Malformed.class,
                parse("{\"object\":\"payment\",\"id\":\"{{DataSource.Payment.Id}}\"}"), "an unfilled merge field");
    }
}
