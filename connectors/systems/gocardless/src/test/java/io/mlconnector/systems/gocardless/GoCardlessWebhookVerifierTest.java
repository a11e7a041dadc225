package io.mlconnector.systems.gocardless;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.mlconnector.systems.gocardless.GoCardlessTestVector.BODY;
import static io.mlconnector.systems.gocardless.GoCardlessTestVector.SECRET;
import static io.mlconnector.systems.gocardless.GoCardlessTestVector.SIGNATURE;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GoCardlessWebhookVerifierTest {

    @Test
    void acceptsGoCardlessPublishedTestVector() {
        GoCardlessWebhookVerifier verifier = GoCardlessWebhookVerifier.of(SECRET);

        assertTrue(verifier.isValid(GoCardlessTestVector.body(), SIGNATURE));
        assertDoesNotThrow(() -> verifier.verify(GoCardlessTestVector.body(), SIGNATURE));
        assertEquals(SIGNATURE, GoCardlessWebhookVerifier.signature(GoCardlessTestVector.body(), SECRET));
    }

    @Test
    void rejectsABodyChangedByOneByte() {
        byte[] tampered = GoCardlessTestVector.body();
        tampered[BODY.indexOf("EV00BD05S5VM2T") + 2] = 'X';

        assertFalse(GoCardlessWebhookVerifier.of(SECRET).isValid(tampered, SIGNATURE));
    }

    @Test
    void rejectsTheRightBodySignedWithAnotherSecret() {
        String otherSignature = GoCardlessWebhookVerifier.signature(GoCardlessTestVector.body(), "some-other-secret");

        assertFalse(GoCardlessWebhookVerifier.of(SECRET).isValid(GoCardlessTestVector.body(), otherSignature));
        assertFalse(GoCardlessWebhookVerifier.of("some-other-secret").isValid(GoCardlessTestVector.body(), SIGNATURE));
    }

    @Test
    void duringRotationEitherSecretIsAccepted() {
        GoCardlessWebhookVerifier rotating = new GoCardlessWebhookVerifier(List.of("new-secret", SECRET));
        String signedWithNew = GoCardlessWebhookVerifier.signature(GoCardlessTestVector.body(), "new-secret");

        assertTrue(rotating.isValid(GoCardlessTestVector.body(), SIGNATURE));
        assertTrue(rotating.isValid(GoCardlessTestVector.body(), signedWithNew));
        assertFalse(rotating.isValid(GoCardlessTestVector.body(),
                GoCardlessWebhookVerifier.signature(GoCardlessTestVector.body(), "retired-secret")));
    }

    @Test
    void missingOrTruncatedSignatureIsRejected() {
        GoCardlessWebhookVerifier verifier = GoCardlessWebhookVerifier.of(SECRET);

        assertFalse(verifier.isValid(GoCardlessTestVector.body(), null));
        assertFalse(verifier.isValid(GoCardlessTestVector.body(), "  "));
        assertFalse(verifier.isValid(GoCardlessTestVector.body(), SIGNATURE.substring(0, 63)));
        GoCardlessWebhookSignatureException missing = assertThrows(GoCardlessWebhookSignatureException.class,
                () -> verifier.verify(GoCardlessTestVector.body(), null));
        assertTrue(missing.getMessage().contains("Webhook-Signature"));
    }

    @Test
    void rejectionMessageRevealsNeitherSecretNorExpectedSignature() {
        GoCardlessWebhookVerifier verifier = GoCardlessWebhookVerifier.of(SECRET);

        GoCardlessWebhookSignatureException e = assertThrows(GoCardlessWebhookSignatureException.class,
                () -> verifier.verify("{\"events\":[]}".getBytes(StandardCharsets.UTF_8), SIGNATURE));

        String expected = GoCardlessWebhookVerifier.signature("{\"events\":[]}".getBytes(StandardCharsets.UTF_8), SECRET);
        assertFalse(e.getMessage().contains(SECRET));
        assertFalse(e.getMessage().contains(expected));
        assertFalse(e.getMessage().contains(SIGNATURE));
    }

    @Test
    void signatureIsOverRawBytesNotReformattedJson() {
        byte[] reformatted = BODY.replace("{\"events\":[", "{ \"events\": [").getBytes(StandardCharsets.UTF_8);

        assertFalse(Arrays.equals(reformatted, GoCardlessTestVector.body()));
        assertFalse(GoCardlessWebhookVerifier.of(SECRET).isValid(reformatted, SIGNATURE));
    }

    @Test
    void aVerifierNeedsAtLeastOneSecret() {
        assertThrows(IllegalArgumentException.class, () -> new GoCardlessWebhookVerifier(List.of("", " ")));
    }
}
