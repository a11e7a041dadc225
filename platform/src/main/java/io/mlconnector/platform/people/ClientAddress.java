package io.mlconnector.platform.people;

import io.micronaut.http.HttpRequest;

/** The address a request came from, as seen by this server (proxies are not trusted blindly). */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpRequest<?> request) {
        if (request == null || request.getRemoteAddress() == null || request.getRemoteAddress().getAddress() == null) {
            return "unknown";
        }
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
