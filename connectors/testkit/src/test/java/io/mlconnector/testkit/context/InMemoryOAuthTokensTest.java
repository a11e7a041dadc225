package io.mlconnector.testkit.context;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryOAuthTokensTest {

    @Test
    void tokensMintedByTheFakeServerAreAcceptedUntilRenewedAndARefusalStandsForInvalidGrant() {
        try (FakeOAuthServer auth = FakeOAuthServer.start()) {
            auth.registerClient("app", "secret");
            InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().build();
            ctx.oauth().put(token(auth));
            ctx.oauth().renewWith("books", () -> token(auth));

            AccessToken first = ctx.oauth().current("books");
            assertTrue(auth.accepts(first.authorization()));
            assertEquals("42", first.requireValue("realmId"));

            AccessToken renewed = ctx.oauth().renewed("books", first);
            assertFalse(renewed.value().equals(first.value()));
            assertEquals(renewed, ctx.oauth().renewed("books", first), "a token already replaced is not renewed twice");
            assertEquals(renewed, ctx.oauth().current("books"));

            ctx.oauth().refuse("books", "The authorisation was revoked");
            assertThrows(CredentialsRejected.class, () -> ctx.oauth().current("books"));
        }
    }

    @Test
    void aSystemNeverConnectedIsRejected() {
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().build();
        CredentialsRejected e = assertThrows(CredentialsRejected.class, () -> ctx.oauth().current("books"));
        assertEquals("books", e.system());
    }

    private static AccessToken token(FakeOAuthServer auth) {
        FakeOAuthServer.Tokens minted = auth.issueTokens("app");
        return new AccessToken("books", minted.accessToken(), minted.accessTokenExpiresAt(), null, Map.of("realmId", "42"));
    }
}
