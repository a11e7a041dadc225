package io.mlconnector.systems.zuora.callout;

import io.mlconnector.testkit.zuora.FakeZuoraCallout;
import io.mlconnector.testkit.zuora.ZuoraCalloutSender;
import io.mlconnector.testkit.zuora.ZuoraCalloutSender.Auth;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Callouts sent over loopback the way Zuora sends them, checked by each authentication option. */
class CalloutVerifierTest {

    private static final FakeZuoraCallout CALLOUT = new FakeZuoraCallout("payment", "8a8082c45f6a1bf2015f6a8ee3c1", "2026-12-04T10:00:00-08:00");

    private static CalloutAuth.Hmac hmac(List<String> keys) {
        return new CalloutAuth.Hmac(HmacAlgorithm.SHA_256, "X-Zuora-Signature", SignedText.BODY_AND_NEW_LINE,
                SignatureEncoding.BASE64, "", keys);
    }

    private static final CalloutAuth.Basic BASIC = new CalloutAuth.Basic("zuora-callouts", List.of("s3cret-pass"));

    private static int deliver(CalloutAuth auth, Auth sent, CalloutReceiver[] out) throws Exception {
        CalloutReceiver receiver = new CalloutReceiver(auth);
        out[0] = receiver;
        try {
            return new ZuoraCalloutSender(sent).send(receiver.url(), CALLOUT);
        } finally {
            receiver.close();
        }
    }

    private static int status(CalloutAuth auth, Auth sent) throws Exception {
        return deliver(auth, sent, new CalloutReceiver[1]);
    }

    @Test
    void anHmacOverTheBodyAndNewLineWithTheRightKeyIsAccepted() throws Exception {
        CalloutAuth auth = new CalloutAuth(CalloutAuth.Mode.HMAC, hmac(List.of("hmac-key-1")), null);
        CalloutReceiver[] receiver = new CalloutReceiver[1];
        assertEquals(200, deliver(auth, Auth.hmac("X-Zuora-Signature", "hmac-key-1"), receiver));
        assertEquals(List.of(CALLOUT.body()), receiver[0].accepted());
    }

    @Test
    void aWrongKeyAMissingHeaderOrADifferentSignedTextIsRefused() throws Exception {
        CalloutAuth auth = new CalloutAuth(CalloutAuth.Mode.HMAC, hmac(List.of("hmac-key-1")), null);
        assertEquals(401, status(auth, Auth.hmac("X-Zuora-Signature", "another-key")));
        assertEquals(401, status(auth, Auth.hmac("X-Other-Header", "hmac-key-1")));
        assertEquals(401, status(auth, Auth.hmac("X-Zuora-Signature", "hmac-key-1").withoutTrailingNewLine()));
        assertEquals(401, status(auth, Auth.basic("zuora-callouts", "s3cret-pass")));
    }

    @Test
    void theOptionsOfZuorasHmacFormAreFollowed() throws Exception {
        CalloutAuth hexPrefixed = new CalloutAuth(CalloutAuth.Mode.HMAC, new CalloutAuth.Hmac(HmacAlgorithm.SHA_512,
                "Authorization-Signature", SignedText.BODY, SignatureEncoding.HEX, "sha512=", List.of("k")), null);
        Auth sent = Auth.hmac("Authorization-Signature", "k").withAlgorithm("HmacSHA512").hexWithPrefix("sha512=")
                .withoutTrailingNewLine();
        assertEquals(200, status(hexPrefixed, sent));
        assertEquals(401, status(hexPrefixed, sent.hexWithPrefix("sha256=")));
    }

    @Test
    void duringARotationEitherKeyIsAccepted() throws Exception {
        CalloutAuth auth = new CalloutAuth(CalloutAuth.Mode.HMAC, hmac(List.of("new-key", "old-key")), null);
        assertEquals(200, status(auth, Auth.hmac("X-Zuora-Signature", "old-key")));
        assertEquals(200, status(auth, Auth.hmac("X-Zuora-Signature", "new-key")));
    }

    @Test
    void basicAuthenticationNeedsTheUserNameAndPassword() throws Exception {
        CalloutAuth auth = new CalloutAuth(CalloutAuth.Mode.BASIC, null, BASIC);
        assertEquals(200, status(auth, Auth.basic("zuora-callouts", "s3cret-pass")));
        assertEquals(401, status(auth, Auth.basic("zuora-callouts", "wrong")));
        assertEquals(401, status(auth, Auth.basic("someone-else", "s3cret-pass")));
        assertEquals(401, status(auth, Auth.hmac("X-Zuora-Signature", "hmac-key-1")));
    }

    @Test
    void withBothEachProofIsNeeded() throws Exception {
        CalloutAuth auth = new CalloutAuth(CalloutAuth.Mode.HMAC_AND_BASIC, hmac(List.of("hmac-key-1")), BASIC);
        Auth both = Auth.hmac("X-Zuora-Signature", "hmac-key-1").andBasic("zuora-callouts", "s3cret-pass");
        assertEquals(200, status(auth, both));
        assertEquals(401, status(auth, Auth.hmac("X-Zuora-Signature", "hmac-key-1")));
        assertEquals(401, status(auth, Auth.basic("zuora-callouts", "s3cret-pass")));
        CalloutReceiver[] receiver = new CalloutReceiver[1];
        assertEquals(401, deliver(auth, Auth.hmac("X-Zuora-Signature", "bad").andBasic("zuora-callouts", "s3cret-pass"), receiver));
        assertTrue(receiver[0].accepted().isEmpty());
        assertFalse(receiver[0].refusals().get(0).contains("hmac-key-1"), "no secret in the reason");
    }
}
