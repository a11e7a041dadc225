package io.mlconnector.api.oauth;

/** The body of a revoke request. Both carry the refresh token (or the access token when there is none). */
public enum RevokeStyle {

    /** RFC 7009: {@code application/x-www-form-urlencoded} with {@code token} and {@code token_type_hint}. */
    FORM,

    /** A JSON object {@code {"token": "…"}} (e.g. Intuit's revoke endpoint). */
    JSON
}
