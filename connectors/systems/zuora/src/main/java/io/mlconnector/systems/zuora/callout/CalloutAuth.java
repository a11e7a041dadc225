package io.mlconnector.systems.zuora.callout;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * How a connection's callouts prove they come from its Zuora tenant. Zuora has no fixed signature:
 * each tenant chooses, per notification, basic authentication ("Callout Authentication" with a user
 * name and password), an HMAC header from its callout template, or both.
 */
public record CalloutAuth(Mode mode, Hmac hmac, Basic basic) {

    /** Which proofs a callout must carry. */
    public enum Mode {
        HMAC("hmac"), BASIC("basic"), HMAC_AND_BASIC("hmac-and-basic");

        private final String id;

        Mode(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public boolean needsHmac() {
            return this != BASIC;
        }

        public boolean needsBasic() {
            return this != HMAC;
        }

        public static List<String> ids() {
            return Arrays.stream(values()).map(Mode::id).toList();
        }

        public static Mode byId(String id) {
            return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("Unknown callout authentication: " + id));
        }
    }

    /**
     * @param header      the header Zuora puts the signature in ("Signed Header Key")
     * @param valuePrefix text before the signature in the header value (e.g. {@code sha256=}), may be empty
     * @param keys        the keys to accept, current first (several during a rotation)
     */
    public record Hmac(HmacAlgorithm algorithm, String header, SignedText signed, SignatureEncoding encoding,
                       String valuePrefix, List<String> keys) {
        public Hmac {
            Objects.requireNonNull(algorithm, "algorithm");
            Objects.requireNonNull(header, "header");
            Objects.requireNonNull(signed, "signed");
            Objects.requireNonNull(encoding, "encoding");
            valuePrefix = valuePrefix == null ? "" : valuePrefix;
            keys = List.copyOf(keys);
        }
    }

    /** @param passwords the passwords to accept, current first */
    public record Basic(String username, List<String> passwords) {
        public Basic {
            passwords = List.copyOf(passwords);
        }
    }

    public CalloutAuth {
        Objects.requireNonNull(mode, "mode");
        if (mode.needsHmac() && hmac == null) {
            throw new IllegalArgumentException("HMAC settings are needed");
        }
        if (mode.needsBasic() && basic == null) {
            throw new IllegalArgumentException("A user name and password are needed");
        }
    }
}
