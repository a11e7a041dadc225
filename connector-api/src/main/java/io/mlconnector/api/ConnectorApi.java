package io.mlconnector.api;

/**
 * The version of this API. The platform announces it to PF4J as the system version, so a plugin
 * declares what it needs in its manifest ({@code Plugin-Requires: >=1.0.0 & <2.0.0}) and is refused
 * at load time, with a clear message, by a platform it was not written for.
 */
public final class ConnectorApi {

    public static final String VERSION = "1.3.0";

    private ConnectorApi() {
    }
}
