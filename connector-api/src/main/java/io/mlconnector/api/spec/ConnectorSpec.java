package io.mlconnector.api.spec;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a connector is and what it needs, read by the platform to build credential and settings
 * forms, webhook URLs and schedules without knowing anything about the systems involved.
 *
 * @param id          stable, lower-case id, e.g. {@code qbd-gocardless}; part of stored data, never change it
 * @param version     the connector's own version
 * @param name        what people see, e.g. "QuickBooks Desktop ↔ GoCardless"
 * @param description one or two sentences on what moves where
 * @param systems     the two systems, each with the credentials it needs
 * @param settings    per-connection choices (accounts, payment method, posting moment…)
 * @param webhooks    the webhook sources this connector accepts
 * @param schedules   periodic work it wants
 */
public record ConnectorSpec(
        String id,
        String version,
        String name,
        String description,
        List<SystemSpec> systems,
        List<SettingField> settings,
        List<WebhookSource> webhooks,
        List<ScheduleSpec> schedules) {

    public ConnectorSpec {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new IllegalArgumentException("A connector id is lower-case letters, digits and dashes: " + id);
        }
        systems = List.copyOf(systems);
        settings = List.copyOf(settings);
        webhooks = List.copyOf(webhooks);
        schedules = List.copyOf(schedules);
    }

    /** Every credential field of both systems. */
    public List<CredentialField> credentialFields() {
        return systems.stream().flatMap(s -> s.credentials().stream()).toList();
    }

    public Optional<CredentialField> credential(String key) {
        return credentialFields().stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<WebhookSource> webhook(String sourceId) {
        return webhooks.stream().filter(w -> w.id().equals(sourceId)).findFirst();
    }

    public Optional<SettingField> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<SystemSpec> system(String systemId) {
        return systems.stream().filter(s -> s.id().equals(systemId)).findFirst();
    }

    /** The systems reached with OAuth 2.0 tokens. */
    public List<SystemSpec> oauthSystems() {
        return systems.stream().filter(s -> s.oauth() != null).toList();
    }

    /** True when one side is QuickBooks Desktop, reached through the Web Connector. */
    public boolean usesWebConnector() {
        return systems.stream().anyMatch(SystemSpec::viaWebConnector);
    }
}
