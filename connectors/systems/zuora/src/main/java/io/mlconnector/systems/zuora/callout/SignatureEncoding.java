package io.mlconnector.systems.zuora.callout;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How the HMAC's bytes are written in the header value. */
public enum SignatureEncoding {
    BASE64("base64"),
    HEX("hex");

    private final String id;

    SignatureEncoding(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public String encode(byte[] mac) {
        return this == BASE64 ? Base64.getEncoder().encodeToString(mac) : HexFormat.of().formatHex(mac);
    }

    /** The bytes a header value stands for, or empty when it is not in this encoding. */
    Optional<byte[]> decode(String value) {
        try {
            return Optional.of(this == BASE64 ? Base64.getDecoder().decode(value.trim())
                    : HexFormat.of().parseHex(value.trim().toLowerCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(SignatureEncoding::id).toList();
    }

    public static SignatureEncoding byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown signature encoding: " + id));
    }
}
