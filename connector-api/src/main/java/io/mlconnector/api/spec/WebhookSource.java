package io.mlconnector.api.spec;

/**
 * A system that sends webhooks to a connection's URL {@code /webhooks/{token}/{id}}.
 *
 * @param id          path segment, e.g. {@code gocardless}
 * @param name        what people see
 * @param secretField the credential key holding the signing secret; during a rotation it may hold
 *                    several secrets separated by whitespace or commas, all accepted
 * @param setupHelp   where to paste the URL in the sender's dashboard, for the set-up page
 */
public record WebhookSource(String id, String name, String secretField, String setupHelp) {
}
