package io.mlconnector.systems.zuora.callout;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * What a callout's HMAC is computed over. Zuora signs the "Data" text of the HMAC settings, in which
 * every item ends with a new line; we ask people to enter the request body there, so the signed
 * text is the body as received, followed by a new line (or, if they chose so, without it).
 */
public enum SignedText {
    BODY_AND_NEW_LINE("body-newline", "The request body followed by a new line"),
    BODY("body", "The request body exactly");

    private final String id;
    private final String label;

    SignedText(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    byte[] of(byte[] body) {
        if (this == BODY) {
            return body;
        }
        byte[] signed = Arrays.copyOf(body, body.length + 1);
        signed[body.length] = '\n';
        return signed;
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SignedText::id).toList();
    }

    public static SignedText byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown signed text: " + id));
    }
}
