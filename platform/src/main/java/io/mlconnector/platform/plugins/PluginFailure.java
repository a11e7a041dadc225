package io.mlconnector.platform.plugins;

/** A plugin misbehaved (threw something unexpected, hung, answered nothing). Retryable. */
public class PluginFailure extends RuntimeException {
    public PluginFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
