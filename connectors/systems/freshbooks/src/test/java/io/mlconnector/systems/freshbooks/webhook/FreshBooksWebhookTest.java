package io.mlconnector.systems.freshbooks.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreshBooksWebhookTest {

    // Known answers computed with CPython 3: base64(hmac.new(key, json.dumps(fields).encode(), sha256)), the
    // computation FreshBooks documents.
    private static final String DELIVERY =
            "name=invoice.create&object_id=1234567&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1";
    private static final String DELIVERY_SIGNATURE = "XDsljnQ/Sv/pRlDHS2x6B1kLTCZP6QMGoCqN6XVl4NU=";

    @Test
    void signsTheFieldsAsPythonsJsonDumpsWritesThem() {
        Map<String, String> fields = FormFields.parse(DELIVERY.getBytes(StandardCharsets.UTF_8));
        assertEquals("{\"name\": \"invoice.create\", \"object_id\": \"1234567\", \"account_id\": \"6BApk\", "
                + "\"business_id\": \"6543\", \"identity_id\": \"1234\", \"user_id\": \"1\"}", SignedText.of(fields));
        assertEquals(DELIVERY_SIGNATURE, FreshBooksSignature.sign("vErIfIeR-code", fields));
    }

    @Test
    void escapesLikePythonsEnsureAscii() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("name", "client.update");
        fields.put("object_id", "77");
        fields.put("note", "Café \"Zoë\" / 100%\u007f\n");
        assertEquals("{\"name\": \"client.update\", \"object_id\": \"77\", "
                + "\"note\": \"Caf\\u00e9 \\\"Zo\\u00eb\\\" / 100%\\u007f\\n\"}", SignedText.of(fields));
        assertEquals("hc25C5fMW9zei8wWG9k7syZD5+9K2K09dmHxmNKzzQs=", FreshBooksSignature.sign("clé", fields));
    }

    @Test
    void acceptsADeliverySignedWithAnyStoredVerifier() {
        FreshBooksWebhook.Reading reading = FreshBooksWebhook.read(DELIVERY.getBytes(StandardCharsets.UTF_8),
                DELIVERY_SIGNATURE, List.of("another-callbacks-verifier", "vErIfIeR-code"));
        FreshBooksDelivery delivery = assertInstanceOf(FreshBooksWebhook.Event.class, reading).delivery();
        assertEquals("invoice.create", delivery.name());
        assertEquals("invoice", delivery.noun());
        assertEquals("create", delivery.verb());
        assertEquals("1234567", delivery.objectId());
        assertEquals("6BApk", delivery.accountId());
    }

    @Test
    void refusesATamperedFieldAWrongKeyOrNoSignature() {
        byte[] tampered = DELIVERY.replace("1234567", "1234568").getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(FreshBooksWebhook.Refused.class,
                FreshBooksWebhook.read(tampered, DELIVERY_SIGNATURE, List.of("vErIfIeR-code")));
        byte[] body = DELIVERY.getBytes(StandardCharsets.UTF_8);
        assertInstanceOf(FreshBooksWebhook.Refused.class,
                FreshBooksWebhook.read(body, DELIVERY_SIGNATURE, List.of("not-the-verifier")));
        assertInstanceOf(FreshBooksWebhook.Refused.class, FreshBooksWebhook.read(body, null, List.of("vErIfIeR-code")));
        assertInstanceOf(FreshBooksWebhook.Refused.class, FreshBooksWebhook.read(body, DELIVERY_SIGNATURE, List.of()));
    }

    @Test
    void reordersNothing_fieldOrderIsPartOfTheSignedText() {
        String reordered = "object_id=1234567&name=invoice.create&account_id=6BApk&business_id=6543&identity_id=1234&user_id=1";
        assertFalse(FreshBooksSignature.matches(DELIVERY_SIGNATURE,
                FormFields.parse(reordered.getBytes(StandardCharsets.UTF_8)), List.of("vErIfIeR-code")));
    }

    @Test
    void readsTheHandshakeWithoutASignature() {
        byte[] body = "name=callback.verify&object_id=2001&verifier=abc%2Bdef&account_id=6BApk"
                .getBytes(StandardCharsets.UTF_8);
        FreshBooksWebhook.Handshake handshake =
                assertInstanceOf(FreshBooksWebhook.Handshake.class, FreshBooksWebhook.read(body, null, List.of()));
        assertEquals("2001", handshake.callbackId());
        assertEquals("abc+def", handshake.verifier());
        assertTrue(handshake.delivery().verifier().isPresent());
    }
}
