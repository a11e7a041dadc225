package io.mlconnector.platform.people;

/** What a new password must be. Length matters more than composition rules. */
public final class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 10;
    public static final int MAXIMUM_LENGTH = 200;

    private PasswordPolicy() {
    }

    /** Returns the problem in words, or null when the password is acceptable. */
    public static String problem(String password) {
        if (password == null || password.length() < MINIMUM_LENGTH) {
            return "Use at least " + MINIMUM_LENGTH + " characters.";
        }
        if (password.length() > MAXIMUM_LENGTH) {
            return "Use at most " + MAXIMUM_LENGTH + " characters.";
        }
        return null;
    }
}
