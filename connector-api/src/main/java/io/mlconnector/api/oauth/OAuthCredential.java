package io.mlconnector.api.oauth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a system hands out OAuth 2.0 tokens, declared on its {@link io.mlconnector.api.spec.SystemSpec}.
 * The platform runs the whole flow from this: the "Connect to …" button, {@code state} and PKCE, the
 * one callback, the code exchange, storing tokens in the vault, refreshing ahead of expiry,
 * Reconnect and Disconnect. A connector only asks {@code context.oauth()} for a current token.
 *
 * <pre>{@code
 * OAuthCredential.authorizationCode("intuit",
 *         "https://appcenter.intuit.com/connect/oauth2",
 *         "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer")
 *     .scopes("com.intuit.quickbooks.accounting")
 *     .clientAuthentication(ClientAuthentication.BASIC)
 *     .revokeUrl("https://developer.api.intuit.com/v2/oauth2/tokens/revoke", RevokeStyle.JSON)
 *     .keeping("realmId");
 *
 * OAuthCredential.clientCredentials("zuora", "/oauth/token")
 *     .environments(new OAuthEnvironment("us-production", "US Production", "https://rest.zuora.com"), …)
 *     .allowingCustomEnvironment();
 * }</pre>
 *
 * @param provider             stable, lower-case id of the provider, e.g. {@code intuit}; names the operator's
 *                             environment variables {@code ML_OAUTH_INTUIT_CLIENT_ID} and
 *                             {@code ML_OAUTH_INTUIT_CLIENT_SECRET} (dashes become underscores)
 * @param grant                authorization code (a person consents) or client credentials
 * @param authorizeUrl         where the person's browser is sent; null for client credentials
 * @param tokenUrl             the token endpoint
 * @param revokeUrl            the revoke endpoint used by Disconnect, or null when the provider has none
 * @param revokeStyle          the revoke request's body
 * @param scopes               requested scopes, sent space-separated
 * @param pkce                 send an S256 PKCE challenge (RFC 7636); only where the provider supports it
 * @param clientAuthentication how the client id and secret reach the token endpoint
 * @param clientOwner          whose app: the operator's where configured, or always the tenant's
 * @param returnedValues       values the provider returns with the grant that the connector needs later,
 *                             e.g. Intuit's {@code realmId}: taken from the callback's query, else from the
 *                             token response, stored in the vault and read through {@link AccessToken#value}
 * @param authorizeParameters  extra fixed query parameters of the authorize URL (e.g. {@code prompt=consent})
 * @param environments         environments the tenant picks from; endpoint URLs starting with {@code /} are
 *                             relative to the chosen one's base URL. Empty: endpoints are absolute
 * @param customEnvironment    the tenant may type a base URL of its own instead of picking one
 */
public record OAuthCredential(
        String provider,
        OAuthGrantType grant,
        String authorizeUrl,
        String tokenUrl,
        String revokeUrl,
        RevokeStyle revokeStyle,
        List<String> scopes,
        boolean pkce,
        ClientAuthentication clientAuthentication,
        OAuthClientOwner clientOwner,
        List<String> returnedValues,
        Map<String, String> authorizeParameters,
        List<OAuthEnvironment> environments,
        boolean customEnvironment) {

    public OAuthCredential {
        Objects.requireNonNull(provider, "provider");
        if (!provider.matches("[a-z][a-z0-9-]{0,39}")) {
            throw new IllegalArgumentException("A provider id is lower-case letters, digits and dashes: " + provider);
        }
        Objects.requireNonNull(grant, "grant");
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        if (grant == OAuthGrantType.AUTHORIZATION_CODE && authorizeUrl == null) {
            throw new IllegalArgumentException("An authorization-code grant needs an authorize URL");
        }
        revokeStyle = revokeStyle == null ? RevokeStyle.FORM : revokeStyle;
        clientAuthentication = clientAuthentication == null ? ClientAuthentication.FORM : clientAuthentication;
        clientOwner = grant == OAuthGrantType.CLIENT_CREDENTIALS ? OAuthClientOwner.TENANT
                : clientOwner == null ? OAuthClientOwner.OPERATOR_OR_TENANT : clientOwner;
        scopes = List.copyOf(scopes);
        returnedValues = List.copyOf(returnedValues);
        authorizeParameters = Map.copyOf(authorizeParameters);
        environments = List.copyOf(environments);
    }

    /**
     * Refuses a declaration whose endpoint paths are relative but that offers no environment to
     * resolve them against. {@link io.mlconnector.api.spec.SystemSpec} calls it once the chain of
     * {@code with…} calls is complete.
     */
    public OAuthCredential checked() {
        boolean relative = tokenUrl.startsWith("/") || (authorizeUrl != null && authorizeUrl.startsWith("/"))
                || (revokeUrl != null && revokeUrl.startsWith("/"));
        if (relative && environments.isEmpty() && !customEnvironment) {
            throw new IllegalArgumentException("Endpoint paths relative to an environment need environments to choose from: " + provider);
        }
        return this;
    }

    /** A person signs in at the provider and consents; tokens are refreshed with the refresh token. */
    public static OAuthCredential authorizationCode(String provider, String authorizeUrl, String tokenUrl) {
        return new OAuthCredential(provider, OAuthGrantType.AUTHORIZATION_CODE, authorizeUrl, tokenUrl, null, RevokeStyle.FORM,
                List.of(), false, ClientAuthentication.FORM, OAuthClientOwner.OPERATOR_OR_TENANT, List.of(), Map.of(), List.of(), false);
    }

    /** The tenant's client id and secret are exchanged for access tokens; always the tenant's own app. */
    public static OAuthCredential clientCredentials(String provider, String tokenUrl) {
        return new OAuthCredential(provider, OAuthGrantType.CLIENT_CREDENTIALS, null, tokenUrl, null, RevokeStyle.FORM,
                List.of(), false, ClientAuthentication.FORM, OAuthClientOwner.TENANT, List.of(), Map.of(), List.of(), false);
    }

    public OAuthCredential scopes(String... requested) {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, List.of(requested), pkce,
                clientAuthentication, clientOwner, returnedValues, authorizeParameters, environments, customEnvironment);
    }

    /** Send a PKCE S256 challenge; declare it only where the provider documents support. */
    public OAuthCredential withPkce() {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, true,
                clientAuthentication, clientOwner, returnedValues, authorizeParameters, environments, customEnvironment);
    }

    public OAuthCredential revokeUrl(String url, RevokeStyle style) {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, url, style, scopes, pkce,
                clientAuthentication, clientOwner, returnedValues, authorizeParameters, environments, customEnvironment);
    }

    public OAuthCredential clientAuthentication(ClientAuthentication how) {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                how, clientOwner, returnedValues, authorizeParameters, environments, customEnvironment);
    }

    /** Never use an operator's app for this provider: always ask the tenant for its own client id and secret. */
    public OAuthCredential tenantClientOnly() {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                clientAuthentication, OAuthClientOwner.TENANT, returnedValues, authorizeParameters, environments, customEnvironment);
    }

    /** Values returned with the grant to keep, e.g. {@code realmId}; see {@link #returnedValues()}. */
    public OAuthCredential keeping(String... names) {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                clientAuthentication, clientOwner, List.of(names), authorizeParameters, environments, customEnvironment);
    }

    public OAuthCredential authorizeParameter(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(authorizeParameters);
        all.put(name, value);
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                clientAuthentication, clientOwner, returnedValues, all, environments, customEnvironment);
    }

    public OAuthCredential environments(OAuthEnvironment... choices) {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                clientAuthentication, clientOwner, returnedValues, authorizeParameters, List.of(choices), customEnvironment);
    }

    /** The tenant may type its own base URL (a newer or private host) instead of picking an environment. */
    public OAuthCredential allowingCustomEnvironment() {
        return new OAuthCredential(provider, grant, authorizeUrl, tokenUrl, revokeUrl, revokeStyle, scopes, pkce,
                clientAuthentication, clientOwner, returnedValues, authorizeParameters, environments, true);
    }

    public Optional<OAuthEnvironment> environment(String id) {
        return environments.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** True when the tenant must choose an environment (or type a base URL) before connecting. */
    public boolean needsEnvironment() {
        return !environments.isEmpty() || customEnvironment;
    }

    /**
     * An endpoint resolved for an environment: a path starting with {@code /} is appended to the base
     * URL; an absolute URL is returned as it is.
     */
    public static String resolve(String endpoint, String baseUrl) {
        if (endpoint == null || !endpoint.startsWith("/")) {
            return endpoint;
        }
        if (baseUrl == null) {
            throw new IllegalStateException("No environment chosen for the endpoint " + endpoint);
        }
        return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + endpoint;
    }

    /** The prefix of the operator's environment variables for this provider, e.g. {@code ML_OAUTH_INTUIT_}. */
    public String operatorVariablePrefix() {
        return "ML_OAUTH_" + provider.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_";
    }
}
