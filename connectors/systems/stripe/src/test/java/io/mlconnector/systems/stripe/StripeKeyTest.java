package io.mlconnector.systems.stripe;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StripeKeyTest {

    @Test
    void theKeySaysItsModeAndWhetherItIsRestricted() {
        assertEquals(StripeMode.TEST, StripeKey.parse("sk_test_abc123").mode());
        assertEquals(StripeMode.LIVE, StripeKey.parse("sk_live_abc123").mode());
        assertEquals(StripeMode.TEST, StripeKey.parse(" rk_test_abc123 ").mode());
        assertTrue(StripeKey.parse("rk_live_abc123").restricted());
        assertFalse(StripeKey.parse("sk_live_abc123").restricted());
        assertEquals("test mode", StripeMode.TEST.words());
    }

    @Test
    void otherKeysAreRefusedInPlainWordsAndTheKeyIsNeverShown() {
        IllegalArgumentException pk = assertThrows(IllegalArgumentException.class,
                () -> StripeKey.parse("pk_test_visible123"));
        assertTrue(pk.getMessage().contains("publishable"));
        assertFalse(pk.getMessage().contains("visible123"));
        assertThrows(IllegalArgumentException.class, () -> StripeKey.parse("whsec_abc"));
        assertThrows(IllegalArgumentException.class, () -> StripeKey.parse("sk_abc"));
        assertFalse(StripeKey.parse("sk_test_secret999").toString().contains("secret999"));
    }
}
