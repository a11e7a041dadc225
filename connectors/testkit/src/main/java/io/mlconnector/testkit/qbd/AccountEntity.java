package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;

final class AccountEntity extends ListEntity {
    String accountType;
    String specialAccountType;
    String accountNumber;
    String desc;
    Money openBalance;

    /** Balance-sheet accounts carry a running balance; income and expense accounts report zero. */
    boolean balanceSheet() {
        return switch (accountType) {
            case "Income", "OtherIncome", "Expense", "OtherExpense", "CostOfGoodsSold", "NonPosting" -> false;
            default -> true;
        };
    }

    @Override
    AccountEntity copy() {
        AccountEntity a = copyCoreInto(new AccountEntity());
        a.accountType = accountType;
        a.specialAccountType = specialAccountType;
        a.accountNumber = accountNumber;
        a.desc = desc;
        a.openBalance = openBalance;
        return a;
    }
}
