package io.mlconnector.systems.qbd.lists;

import java.util.Set;

/**
 * What a QBD pair's account settings use a QuickBooks account for, and so which kinds of account
 * each may offer (qbXML {@code AccountType} values). Each purpose has its own pick list, filled by
 * {@link SettingListsRead}; a setting offers it with
 * {@code SettingField.text(...).offering(AccountPurpose.FEES.pickList(), "quickbooks-desktop")}.
 */
public enum AccountPurpose {

    /** ReceivePayment's DepositToAccountRef: Undeposited Funds, a bank, or another current asset. */
    DEPOSIT("quickbooks-deposit-accounts", false, "Bank", "OtherCurrentAsset"),
    /** The account a payout deposit goes into: the bank the payment service pays. */
    PAYOUT_BANK("quickbooks-bank-accounts", false, "Bank"),
    /** The negative deposit line carrying a payment service's fees: an expense. */
    FEES("quickbooks-fee-accounts", false, "Expense", "OtherExpense", "CostOfGoodsSold"),
    /**
     * Refunds are paid from it and payouts settle it. Undeposited Funds is left out: it holds the
     * payments each payout deposit takes, and a deposit line or refund drawn on it directly would
     * leave it unbalanced.
     */
    CLEARING("quickbooks-clearing-accounts", true, "Bank", "OtherCurrentAsset"),
    /** ARAccountRef of payments, credit memos and refunds. */
    RECEIVABLES("quickbooks-ar-accounts", false, "AccountsReceivable");

    /** QuickBooks' SpecialAccountType of the Undeposited Funds account, whatever it is called. */
    public static final String UNDEPOSITED_FUNDS = "UndepositedFunds";

    private final String pickList;
    private final boolean excludesUndepositedFunds;
    private final Set<String> accountTypes;

    AccountPurpose(String pickList, boolean excludesUndepositedFunds, String... accountTypes) {
        this.pickList = pickList;
        this.excludesUndepositedFunds = excludesUndepositedFunds;
        this.accountTypes = Set.of(accountTypes);
    }

    /** The name of the pick list of accounts fit for this purpose. */
    public String pickList() {
        return pickList;
    }

    /** Whether an account of this type (and special type, or null) may serve this purpose. */
    public boolean accepts(String accountType, String specialAccountType) {
        if (accountType == null || !accountTypes.contains(accountType.strip())) {
            return false;
        }
        return !(excludesUndepositedFunds && UNDEPOSITED_FUNDS.equals(specialAccountType));
    }
}
