package io.mlconnector.platform.people;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;

/**
 * Links people and external systems use to reach this server: {@code ML_PUBLIC_BASE_URL} in
 * production (the HTTPS address behind the load balancer), else this machine's local address.
 */
@Singleton
public class PublicUrls {

    private final String configured;
    private final BeanProvider<EmbeddedServer> server;

    public PublicUrls(@Value("${ml.public-base-url:}") String configured, BeanProvider<EmbeddedServer> server) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.server = server;
    }

    public String base() {
        return configured.isBlank() ? "http://localhost:" + server.get().getPort() : configured;
    }

    public String invitationLink(String token) {
        return base() + "/join?token=" + token;
    }

    public String of(String path) {
        return base() + (path.startsWith("/") ? path : "/" + path);
    }
}
