package io.mlconnector.platform.oauth;

/** A provider's OAuth error code in words a finance person understands. */
final class RefusalWords {

    private RefusalWords() {
    }

    static String of(String error) {
        return switch (error) {
            case "invalid_grant" -> "the authorisation was revoked, has expired or was already used";
            case "invalid_client", "unauthorized_client" -> "the app's client id or secret was not accepted";
            case "no_client" -> "no client id and secret are saved";
            case "no_refresh_token" -> "it gave no way to renew access";
            case "invalid_scope" -> "the requested permissions were not granted";
            default -> "it answered " + error;
        };
    }
}
