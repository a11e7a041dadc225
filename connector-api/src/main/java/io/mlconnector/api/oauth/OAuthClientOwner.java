package io.mlconnector.api.oauth;

/** Whose OAuth app (client id and secret) a connection uses. */
public enum OAuthClientOwner {

    /**
     * The server operator's app when one is configured for the provider
     * ({@code ML_OAUTH_<PROVIDER>_CLIENT_ID} and {@code _CLIENT_SECRET}); otherwise the connection
     * form asks the tenant for its own app's client id and secret.
     */
    OPERATOR_OR_TENANT,

    /** Always the tenant's own client id and secret, typed into the connection form (e.g. Zuora). */
    TENANT
}
