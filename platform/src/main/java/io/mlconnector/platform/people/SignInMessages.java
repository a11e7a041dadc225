package io.mlconnector.platform.people;

/** The words people see when signing in fails: the same for unknown e-mails and wrong passwords. */
public final class SignInMessages {

    public static final String WRONG_CREDENTIALS = "That e-mail and password do not match an account.";
    public static final String THROTTLED = "Too many failed attempts. Wait 15 minutes and try again.";

    private SignInMessages() {
    }
}
