package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.gocardless.GoCardlessCustomer;
import io.mlconnector.systems.qbd.xml.CustomerRet;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the QuickBooks customer of a GoCardless customer while QuickBooks' customer list is read
 * page by page: by e-mail first, else by name (company name, or given and family name, against the
 * QuickBooks name, company name and first and last name). What was found so far travels with the
 * next page's request; {@code *} marks a match that is not unique.
 */
final class CustomerMatch {

    static final String AMBIGUOUS = "*";

    /** How a match was made. */
    enum By { EMAIL, NAME }

    /** The outcome once every page was read. */
    record Result(String listId, By by, boolean ambiguous) {
        boolean found() {
            return listId != null && !ambiguous;
        }
    }

    private String byEmail;
    private String byName;

    CustomerMatch(String byEmail, String byName) {
        this.byEmail = byEmail;
        this.byName = byName;
    }

    String byEmail() {
        return byEmail;
    }

    String byName() {
        return byName;
    }

    void consider(List<CustomerRet> page, GoCardlessCustomer wanted) {
        String email = normal(wanted.email());
        Set<String> names = new HashSet<>();
        addName(names, wanted.companyName());
        addName(names, join(wanted.givenName(), wanted.familyName()));
        for (CustomerRet candidate : page) {
            if (candidate.getListID() == null) {
                continue;
            }
            if (email != null && emails(candidate.getEmail()).contains(email)) {
                byEmail = merge(byEmail, candidate.getListID());
            }
            if (!names.isEmpty() && namesOf(candidate).stream().anyMatch(names::contains)) {
                byName = merge(byName, candidate.getListID());
            }
        }
    }

    Result result() {
        if (byEmail != null) {
            return new Result(AMBIGUOUS.equals(byEmail) ? null : byEmail, By.EMAIL, AMBIGUOUS.equals(byEmail));
        }
        if (byName != null) {
            return new Result(AMBIGUOUS.equals(byName) ? null : byName, By.NAME, AMBIGUOUS.equals(byName));
        }
        return new Result(null, null, false);
    }

    private static String merge(String sofar, String listId) {
        return sofar == null || sofar.equals(listId) ? listId : AMBIGUOUS;
    }

    private static Set<String> emails(String field) {
        Set<String> out = new HashSet<>();
        if (field != null) {
            for (String part : field.split("[,;\\s]+")) {
                String e = normal(part);
                if (e != null) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static Set<String> namesOf(CustomerRet c) {
        Set<String> out = new HashSet<>();
        addName(out, c.getFullName());
        addName(out, c.getName());
        addName(out, c.getCompanyName());
        addName(out, join(c.getFirstName(), c.getLastName()));
        return out;
    }

    private static void addName(Set<String> names, String name) {
        String n = normal(name);
        if (n != null) {
            names.add(n);
        }
    }

    private static String join(String first, String last) {
        String joined = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return joined.isEmpty() ? null : joined;
    }

    /** Lower case, single spaces; null for nothing. */
    private static String normal(String text) {
        if (text == null) {
            return null;
        }
        String n = text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return n.isEmpty() ? null : n;
    }
}
