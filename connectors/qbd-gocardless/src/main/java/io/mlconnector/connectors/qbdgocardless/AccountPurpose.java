package io.mlconnector.connectors.qbdgocardless;

import java.util.Set;

/**
 * What a connection's account settings use a QuickBooks account for, and so which kinds of account
 * each may offer (qbXML {@code AccountType} values). Each purpose has its own pick list.
 */
enum AccountPurpose {

    /** ReceivePayment's DepositToAccountRef: Undeposited Funds, a bank, or another current asset. */
    DEPOSIT(Keys.DEPOSIT_ACCOUNT, "quickbooks-deposit-accounts", false, "Bank", "OtherCurrentAsset"),
    /** The account the payout deposit goes into: the bank GoCardless pays. */
    PAYOUT_BANK(Keys.BANK_ACCOUNT, "quickbooks-bank-accounts", false, "Bank"),
    /** The negative deposit line carrying the fees: an expense. */
    FEES(Keys.FEE_ACCOUNT, "quickbooks-fee-accounts", false, "Expense", "OtherExpense", "CostOfGoodsSold"),
    /**
     * Refunds are paid from it and payouts settle it. Undeposited Funds is left out: it holds the
     * payments each payout deposit takes, and a deposit line or refund drawn on it directly would
     * leave it unbalanced.
     */
    CLEARING(Keys.CLEARING_ACCOUNT, "quickbooks-clearing-accounts", true, "Bank", "OtherCurrentAsset"),
    /** ARAccountRef of payments, credit memos and refunds. */
    RECEIVABLES(Keys.AR_ACCOUNT, "quickbooks-ar-accounts", false, "AccountsReceivable");

    /** QuickBooks' SpecialAccountType of the Undeposited Funds account, whatever it is called. */
    static final String UNDEPOSITED_FUNDS = "UndepositedFunds";

    private final String settingKey;
    private final String pickList;
    private final boolean excludesUndepositedFunds;
    private final Set<String> accountTypes;

    AccountPurpose(String settingKey, String pickList, boolean excludesUndepositedFunds, String... accountTypes) {
        this.settingKey = settingKey;
        this.pickList = pickList;
        this.excludesUndepositedFunds = excludesUndepositedFunds;
        this.accountTypes = Set.of(accountTypes);
    }

    String settingKey() {
        return settingKey;
    }

    String pickList() {
        return pickList;
    }

    /** Whether an account of this type (and special type, or null) may serve this purpose. */
    boolean accepts(String accountType, String specialAccountType) {
        if (accountType == null || !accountTypes.contains(accountType.strip())) {
            return false;
        }
        return !(excludesUndepositedFunds && UNDEPOSITED_FUNDS.equals(specialAccountType));
    }
}
