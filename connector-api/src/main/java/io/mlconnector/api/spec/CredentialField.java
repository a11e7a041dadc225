package io.mlconnector.api.spec;

/**
 * A credential a connection needs. Every credential is stored encrypted; {@code secret} ones are
 * also never shown again after saving (only "••••" and their last four characters).
 *
 * @param key      stable key, e.g. {@code access_token}
 * @param label    form label, e.g. "Access token"
 * @param help     where to find it, in the other system's words
 * @param secret   hide after saving
 * @param required must be present before the connection can run
 * @param oauth    filled by an OAuth flow rather than typed in
 * @param pattern  optional regular expression the value must match, or null
 */
public record CredentialField(String key, String label, String help, boolean secret, boolean required, boolean oauth,
                              String pattern) {

    public static CredentialField secret(String key, String label, String help) {
        return new CredentialField(key, label, help, true, true, false, null);
    }

    public static CredentialField plain(String key, String label, String help) {
        return new CredentialField(key, label, help, false, true, false, null);
    }

    public CredentialField optional() {
        return new CredentialField(key, label, help, secret, false, oauth, pattern);
    }

    public CredentialField matching(String regex) {
        return new CredentialField(key, label, help, secret, required, oauth, regex);
    }
}
