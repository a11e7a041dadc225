package io.mlconnector.systems.qbd.customers;

import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.CustomerRet;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the QuickBooks customer of a payer (another system's customer) while QuickBooks' customer list is read
 * page by page: by e-mail first, else by name (company name, or given and family name, against the
 * QuickBooks name, company name and first and last name). What was found so far travels with the
 * next page's request; {@code *} marks a match that is not unique.
 */
public final class CustomerMatch {

    public static final String AMBIGUOUS = "*";

    /** How a match was made. */
    public enum By { EMAIL, NAME }

    /** The outcome once every page was read. */
    public record Result(String listId, By by, boolean ambiguous) {
        public boolean found() {
            return listId != null && !ambiguous;
        }
    }

    private String byEmail;
    private String byName;

    public CustomerMatch(String byEmail, String byName) {
        this.byEmail = byEmail;
        this.byName = byName;
    }

    public String byEmail() {
        return byEmail;
    }

    public String byName() {
        return byName;
    }

    /**
     * What a lookup looks for: digests of the payer's normalised e-mail and names.
     * Read from the other system once when the lookup starts and carried from page to page in the step, so
     * a long customer list costs one call there, not one per page. Digests, not the text, keep
     * the step short whatever the e-mail's length (the platform keeps 200 characters of purpose).
     */
    public record Wanted(String email, Set<String> names) {

        private static final String EMAIL = "we";
        private static final String NAMES = "wn";

        public static Wanted of(Payer payer) {
            Set<String> names = new LinkedHashSet<>();
            addName(names, payer.companyName());
            addName(names, join(payer.givenName(), payer.familyName()));
            Set<String> digests = new LinkedHashSet<>();
            names.forEach(n -> digests.add(digest(n)));
            String email = normal(payer.email());
            return new Wanted(email == null ? null : digest(email), digests);
        }

        /** What a step carries, if it does (requests queued by an earlier version do not). */
        public static Optional<Wanted> in(Step step) {
            String names = step.get(NAMES);
            if (names == null) {
                return Optional.empty();
            }
            return Optional.of(new Wanted(step.get(EMAIL),
                    names.isEmpty() ? Set.of() : new LinkedHashSet<>(List.of(names.split("\\.")))));
        }

        /** The step carrying what is wanted to the next page. */
        public Step into(Step step) {
            return step.with(EMAIL, email).with(NAMES, String.join(".", names));
        }
    }

    /** Notes the candidates of one page that match. */
    public void consider(List<CustomerRet> page, Wanted wanted) {
        for (CustomerRet candidate : page) {
            if (candidate.getListID() == null) {
                continue;
            }
            if (wanted.email() != null && emails(candidate.getEmail()).contains(wanted.email())) {
                byEmail = merge(byEmail, candidate.getListID());
            }
            if (!wanted.names().isEmpty() && namesOf(candidate).stream().anyMatch(wanted.names()::contains)) {
                byName = merge(byName, candidate.getListID());
            }
        }
    }

    /** The match once every page is considered. */
    public Result result() {
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
                    out.add(digest(e));
                }
            }
        }
        return out;
    }

    private static Set<String> namesOf(CustomerRet c) {
        Set<String> names = new HashSet<>();
        addName(names, c.getFullName());
        addName(names, c.getName());
        addName(names, c.getCompanyName());
        addName(names, join(c.getFirstName(), c.getLastName()));
        Set<String> out = new HashSet<>();
        names.forEach(n -> out.add(digest(n)));
        return out;
    }

    /** 64 bits of SHA-256: a collision among a company's customers is not a practical concern. */
    private static String digest(String normalised) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
