package io.mlconnector.api.oauth;

import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.spec.SystemSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OAuthCredentialTest {

    @Test
    void endpointPathsResolveAgainstTheChosenEnvironmentAndAbsoluteOnesStay() {
        OAuthCredential zuora = OAuthCredential.clientCredentials("zuora", "/oauth/token")
                .environments(new OAuthEnvironment("eu-sandbox", "EU Sandbox", "https://rest.sandbox.eu.zuora.com/"))
                .allowingCustomEnvironment();
        String base = zuora.environment("eu-sandbox").orElseThrow().baseUrl();
        assertEquals("https://rest.sandbox.eu.zuora.com/oauth/token", OAuthCredential.resolve(zuora.tokenUrl(), base));
        assertEquals("https://idp.example/token", OAuthCredential.resolve("https://idp.example/token", base));
        assertTrue(zuora.needsEnvironment());
        assertEquals(OAuthClientOwner.TENANT, zuora.clientOwner());
    }

    @Test
    void relativeEndpointsWithoutEnvironmentsAreRefused() {
        OAuthCredential nowhere = OAuthCredential.clientCredentials("zuora", "/oauth/token");
        assertThrows(IllegalArgumentException.class, () -> SystemSpec.oauth("zuora", "Zuora", nowhere));
    }

    @Test
    void providerIdsNameTheOperatorsVariables() {
        OAuthCredential intuit = OAuthCredential.authorizationCode("intuit-qbo", "https://a.example/auth", "https://a.example/token")
                .keeping("realmId").withPkce();
        assertEquals("ML_OAUTH_INTUIT_QBO_", intuit.operatorVariablePrefix());
        assertEquals(OAuthClientOwner.OPERATOR_OR_TENANT, intuit.clientOwner());
        assertTrue(intuit.pkce());
        assertThrows(IllegalArgumentException.class, () -> OAuthCredential.authorizationCode("Intuit", "https://a/x", "https://a/y"));
    }

    @Test
    void aWebConnectorSystemCannotAlsoUseOAuth() {
        OAuthCredential any = OAuthCredential.authorizationCode("p", "https://a.example/auth", "https://a.example/token");
        assertThrows(IllegalArgumentException.class, () -> new SystemSpec("qbd", "QuickBooks Desktop", java.util.List.of(), true, any));
        assertEquals(any, SystemSpec.oauth("qbo", "QuickBooks Online", any).oauthCredential().orElseThrow());
    }

    @Test
    void anAccessTokenNeverPrintsItselfAndKnowsItsMargin() {
        Instant now = Instant.parse("2026-12-04T12:00:00Z");
        AccessToken token = new AccessToken("qbo", "eyJ-secret-token", now.plusSeconds(90), null, Map.of("realmId", "123"));
        assertFalse(token.toString().contains("eyJ-secret-token"));
        assertEquals("Bearer eyJ-secret-token", token.authorization());
        assertTrue(token.validFor(Duration.ofMinutes(1), now));
        assertFalse(token.validFor(Duration.ofMinutes(2), now));
        assertEquals("123", token.requireValue("realmId"));
        assertThrows(CredentialsRejected.class, () -> token.requireValue("accountId"));
    }
}
