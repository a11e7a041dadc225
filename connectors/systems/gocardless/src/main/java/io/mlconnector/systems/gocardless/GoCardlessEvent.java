package io.mlconnector.systems.gocardless;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GoCardless event, from a webhook or from the events endpoint.
 *
 * <p>Deduplicate on {@link #id()} (a webhook may be delivered more than once and events arrive out
 * of order), then read the current state of the resource rather than trusting the event's order.
 *
 * @param id           the event id (EV...)
 * @param createdAt    when GoCardless recorded it
 * @param resourceType plural, e.g. payments, mandates, payouts, refunds
 * @param action       e.g. created, confirmed, paid_out, failed, charged_back
 * @param links        ids of the resources involved, keyed by singular name (payment, mandate, payout...)
 * @param details      origin, cause, description, scheme, reason code
 * @param metadata     the event's metadata (values as text)
 * @param rawJson      the event object as JSON, for audit and replay
 */
public record GoCardlessEvent(String id, Instant createdAt, String resourceType, String action,
                              Map<String, String> links, GoCardlessEventDetails details,
                              Map<String, String> metadata, String rawJson) {

    public GoCardlessEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(action, "action");
        links = Map.copyOf(links);
        details = details == null ? GoCardlessEventDetails.NONE : details;
        metadata = Map.copyOf(metadata);
    }

    /** The id linked under {@code name}, e.g. {@code link("payout")} on a payments paid_out event. */
    public Optional<String> link(String name) {
        return Optional.ofNullable(links.get(name));
    }

    /** The id of the resource the event is about: the link named after the resource type. */
    public Optional<String> resourceId() {
        String singular = switch (resourceType) {
            case "customer_bank_accounts" -> "customer_bank_account";
            default -> resourceType.endsWith("s") ? resourceType.substring(0, resourceType.length() - 1) : resourceType;
        };
        return link(singular);
    }

    /** Shorthand for {@code details().cause()}. */
    public String cause() {
        return details.cause();
    }
}
