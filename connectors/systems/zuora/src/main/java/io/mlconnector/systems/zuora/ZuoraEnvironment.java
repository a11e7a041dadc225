package io.mlconnector.systems.zuora;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a Zuora tenant's REST API lives. Zuora gives each data centre and tenant kind its own host
 * (developer.zuora.com, "Base URL" table); the person picks theirs, or types a base URL when Zuora
 * gave them another one.
 */
public enum ZuoraEnvironment {
    US_PRODUCTION_CLOUD_1("us-production-cloud-1", "US Production (Cloud 1)", "https://rest.na.zuora.com"),
    US_PRODUCTION_CLOUD_2("us-production-cloud-2", "US Production (Cloud 2)", "https://rest.zuora.com"),
    US_API_SANDBOX_CLOUD_1("us-sandbox-cloud-1", "US API Sandbox (Cloud 1)", "https://rest.sandbox.na.zuora.com"),
    US_API_SANDBOX_CLOUD_2("us-sandbox-cloud-2", "US API Sandbox (Cloud 2)", "https://rest.apisandbox.zuora.com"),
    US_CENTRAL_SANDBOX("us-central-sandbox", "US Developer & Central Sandbox", "https://rest.test.zuora.com"),
    EU_PRODUCTION("eu-production", "EU Production", "https://rest.eu.zuora.com"),
    EU_API_SANDBOX("eu-sandbox", "EU API Sandbox", "https://rest.sandbox.eu.zuora.com"),
    EU_CENTRAL_SANDBOX("eu-central-sandbox", "EU Developer & Central Sandbox", "https://rest.test.eu.zuora.com"),
    APAC_PRODUCTION("ap-production", "APAC Production", "https://rest.ap.zuora.com"),
    APAC_CENTRAL_SANDBOX("ap-central-sandbox", "APAC Developer & Central Sandbox", "https://rest.test.ap.zuora.com"),
    CUSTOM("custom", "Another base URL Zuora gave you", null);

    private final String id;
    private final String label;
    private final String baseUrl;

    ZuoraEnvironment(String id, String label, String baseUrl) {
        this.id = id;
        this.label = label;
        this.baseUrl = baseUrl;
    }

    /** The stable value kept in a connection's settings. */
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** The base URL, or empty for {@link #CUSTOM}. */
    public Optional<String> baseUrl() {
        return Optional.ofNullable(baseUrl);
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(ZuoraEnvironment::id).toList();
    }

    public static ZuoraEnvironment byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown Zuora environment: " + id));
    }

    /**
     * The base URL to call: the environment's own, or for {@link #CUSTOM} the one typed in, which must
     * be an https URL without a path beyond "/".
     */
    public String resolve(String customBaseUrl) {
        if (baseUrl != null) {
            return baseUrl;
        }
        if (customBaseUrl == null || customBaseUrl.isBlank()) {
            throw new IllegalArgumentException("Choose a Zuora environment or enter the base URL Zuora gave you.");
        }
        return checkedBaseUrl(customBaseUrl.trim());
    }

    static String checkedBaseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The Zuora base URL is not a URL.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("The Zuora base URL must start with https:// and name a host.");
        }
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            throw new IllegalArgumentException("The Zuora base URL is only the host, e.g. https://rest.zuora.com.");
        }
        return "https://" + uri.getRawAuthority();
    }
}
