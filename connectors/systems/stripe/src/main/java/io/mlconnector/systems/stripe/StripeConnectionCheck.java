package io.mlconnector.systems.stripe;

/**
 * The answer to "Test connection": the account the key reached and in which mode, or the problem
 * in words a finance person understands.
 */
public record StripeConnectionCheck(boolean ok, String accountId, String accountName, StripeMode mode,
                                    String problem) {

    public static StripeConnectionCheck reached(String accountId, String accountName, StripeMode mode) {
        return new StripeConnectionCheck(true, accountId, accountName, mode, null);
    }

    public static StripeConnectionCheck failed(StripeMode mode, String problem) {
        return new StripeConnectionCheck(false, null, null, mode, problem);
    }

    /** One line for the UI, e.g. "Connected to Acme Ltd (acct_123) in test mode", or the problem. */
    public String summary() {
        if (!ok) {
            return problem;
        }
        String who = accountName == null ? accountId : accountName + " (" + accountId + ")";
        return "Connected to " + who + " in " + mode.words();
    }
}
