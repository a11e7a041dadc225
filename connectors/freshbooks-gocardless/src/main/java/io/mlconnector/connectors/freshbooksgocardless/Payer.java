package io.mlconnector.connectors.freshbooksgocardless;

/**
 * Who pays a FreshBooks client's invoices in GoCardless.
 *
 * @param customerId the GoCardless customer, or null for a payer GoCardless does not know yet
 */
record Payer(String customerId) {

    static Payer newPayer() {
        return new Payer(null);
    }

    boolean known() {
        return customerId != null;
    }
}
