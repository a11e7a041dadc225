package io.mlconnector.systems.qbd.customers;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.systems.qbd.xml.CustomerRet;

import java.util.ArrayList;
import java.util.List;

/**
 * The pick list of QuickBooks customers people choose from when a payer of the other system matches
 * none (or several): one entry per active customer, the ListID as its id, the full name as its label, and
 * the company name and e-mail to tell namesakes apart. Every read of QuickBooks' customer list keeps
 * it up to date: the incremental poll and the lookups of new payers.
 */
public final class CustomerPickList {

    public static final String NAME = "quickbooks-customers";

    private CustomerPickList() {
    }

    /**
     * "Which QuickBooks customer is payer {@code payerId}?": the person's answer (a ListID from this
     * list) goes into the ledger under {@code ledgerKind}, e.g. payer id → ListID.
     */
    public static MatchQuestion question(String ledgerKind, String payerId) {
        return new MatchQuestion(ledgerKind, payerId, "customer", NAME);
    }

    /** Puts the page's active customers into the list and takes its inactive ones out. */
    public static void store(ConnectorContext ctx, List<CustomerRet> page) {
        List<Choice> active = new ArrayList<>();
        List<String> inactive = new ArrayList<>();
        for (CustomerRet customer : page) {
            String listId = customer.getListID();
            if (listId == null || listId.isBlank() || listId.length() > Choice.MAX_ID) {
                continue;
            }
            // A read that did not ask for IsActive only returns active customers.
            if (Boolean.FALSE.equals(customer.isIsActive())) {
                inactive.add(listId);
            } else {
                active.add(choice(customer));
            }
        }
        if (!active.isEmpty()) {
            ctx.pickLists().put(NAME, active);
        }
        if (!inactive.isEmpty()) {
            ctx.pickLists().remove(NAME, inactive);
        }
    }

    /** The list entry of one customer. */
    public static Choice choice(CustomerRet customer) {
        String label = customer.getFullName() != null ? customer.getFullName() : customer.getName();
        return new Choice(customer.getListID(), label, detail(customer, label));
    }

    /** The company name when it says more than the label, and the e-mail; null when neither. */
    private static String detail(CustomerRet customer, String label) {
        List<String> parts = new ArrayList<>();
        String company = blankToNull(customer.getCompanyName());
        if (company != null && !company.equalsIgnoreCase(label == null ? "" : label.strip())) {
            parts.add(company);
        }
        String email = blankToNull(customer.getEmail());
        if (email != null) {
            parts.add(email);
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
