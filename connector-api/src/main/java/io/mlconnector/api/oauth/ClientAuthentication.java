package io.mlconnector.api.oauth;

/** How the client id and secret travel to the token and revoke endpoints (RFC 6749 §2.3.1). */
public enum ClientAuthentication {

    /** {@code Authorization: Basic base64(client_id:client_secret)} (e.g. Intuit). */
    BASIC,

    /** {@code client_id} and {@code client_secret} as form fields of the POST body (e.g. FreshBooks, Zuora). */
    FORM
}
