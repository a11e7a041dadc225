package io.mlconnector.server;

import io.mlconnector.testkit.qbd.SimulatedCompanyFile;

/**
 * Simulated QuickBooks company files set up the way the qbd-gocardless README asks before the first
 * run: an expense account for the fees, the clearing account, the payment method and the refund
 * item (the bank account "Checking" and Undeposited Funds come with every new file).
 */
final class CompanyFiles {

    static final String BANK_ACCOUNT = "Checking";
    static final String FEE_ACCOUNT = "GoCardless Fees";
    static final String CLEARING_ACCOUNT = "GoCardless Clearing";
    static final String PAYMENT_METHOD = "GoCardless";

    private CompanyFiles() {
    }

    /** A UK company keeping its books in pounds. */
    static SimulatedCompanyFile inPounds(String companyName) {
        return prepared(SimulatedCompanyFile.builder().country("UK").companyName(companyName).build());
    }

    /** An Irish company keeping its books in euros (UK edition of QuickBooks, home currency EUR). */
    static SimulatedCompanyFile inEuros(String companyName) {
        return prepared(SimulatedCompanyFile.builder().country("UK").currency("EUR").companyName(companyName).build());
    }

    private static SimulatedCompanyFile prepared(SimulatedCompanyFile books) {
        books.addAccount(FEE_ACCOUNT, "Expense");
        books.addAccount(CLEARING_ACCOUNT, "OtherCurrentAsset");
        books.addPaymentMethod(PAYMENT_METHOD, "Other");
        books.addServiceItem("GoCardless Refund", "Services");
        return books;
    }
}
