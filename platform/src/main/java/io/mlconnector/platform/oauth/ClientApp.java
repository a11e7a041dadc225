package io.mlconnector.platform.oauth;

import java.util.Objects;

/** An OAuth client id and secret: the operator's app or the tenant's own. Never printed. */
public record ClientApp(String clientId, String clientSecret) {

    public ClientApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "ClientApp[clientId=" + clientId + "]";
    }
}
