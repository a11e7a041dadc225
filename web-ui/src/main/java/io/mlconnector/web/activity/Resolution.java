package io.mlconnector.web.activity;

import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.platform.audit.AuditEntry;
import java.util.List;
import java.util.Locale;

/**
 * What a person must match to let a held record go on: which kind of object, its id on the source
 * side, and what they may pick from.
 *
 * <p>A connector that holds a record with a {@link MatchQuestion} says all of it: the ledger kind,
 * the object (often not the record's own, e.g. the payer of a payment), the noun for people and the
 * pick list to offer. For records held without a question, the object is inferred from the audit log:
 * a step {@code <kind>.unmatched} whose source id is the object to match (e.g. {@code customer.unmatched}
 * for payer CU123), in the record's own trail or in the trail of an object it names; without such a
 * step the record's own object is matched as a customer.
 *
 * @param kind     the id ledger's kind the answer is written as
 * @param sourceId the object to match
 * @param noun     what it is, in words, e.g. "customer"
 * @param asked    true when the connector asked the question; what is matched then comes from it
 * @param pickList the pick list the question names, or null to type an id
 * @param choices  the matching entries of that list; null while the list has none (typing an id then)
 * @param known    targets the connection has matched before, offered while an id is typed
 * @param chosen   what the person chose last, to keep it selected when the page shows a problem
 */
public record Resolution(String kind, String sourceId, String noun, boolean asked, String pickList, ChoiceList choices,
                         List<KnownTargets.Target> known, String chosen) {

    static final String UNMATCHED = ".unmatched";
    static final String DEFAULT_KIND = "customer";

    /** The question a connector asked. */
    public static Resolution asked(MatchQuestion question) {
        // The connector's own words for people, as written.
        return new Resolution(question.ledgerKind(), question.sourceId(), question.noun().strip(), true, question.pickList(), null,
                List.of(), null);
    }

    /** The question for a record held without one, from audit entries about it and the objects it names, newest first. */
    public static Resolution of(SyncRecord record, List<AuditEntry> newestFirst) {
        for (AuditEntry entry : newestFirst) {
            String step = entry.step();
            if (step != null && step.endsWith(UNMATCHED) && entry.sourceId() != null && !entry.sourceId().isBlank()) {
                String kind = step.substring(0, step.length() - UNMATCHED.length());
                if (kind.matches("[a-z0-9][a-z0-9_-]{0,40}")) {
                    return inferred(kind, entry.sourceId());
                }
            }
        }
        return inferred(DEFAULT_KIND, record.sourceId());
    }

    private static Resolution inferred(String kind, String sourceId) {
        return new Resolution(kind, sourceId, words(kind), false, null, null, List.of(), null);
    }

    public Resolution withKnown(List<KnownTargets.Target> targets) {
        return new Resolution(kind, sourceId, noun, asked, pickList, choices, List.copyOf(targets), chosen);
    }

    /** The matching entries of the pick list; a list without entries leaves the person typing an id. */
    public Resolution withChoices(ChoiceList found) {
        return new Resolution(kind, sourceId, noun, asked, pickList, found == null || found.listSize() == 0 ? null : found, known, chosen);
    }

    public Resolution withChosen(String choice) {
        return new Resolution(kind, sourceId, noun, asked, pickList, choices, known, choice == null ? null : choice.strip());
    }

    /** A person picks from the list rather than typing an id. */
    public boolean picking() {
        return choices != null;
    }

    /** The question names a list that has no entries yet (e.g. nothing polled from the accounting system so far). */
    public boolean waitingForList() {
        return pickList != null && choices == null;
    }

    /** The noun for several, e.g. "customers". */
    public String plural() {
        return plural(noun);
    }

    static String plural(String noun) {
        return noun.endsWith("s") ? noun : noun + "s";
    }

    /** What people may search the entries by: customers-like lists carry a name, a company and an e-mail address. */
    public String searchableBy() {
        String lower = noun.toLowerCase(Locale.ROOT);
        return lower.contains("customer") || lower.contains("payer") || lower.contains("vendor") || lower.contains("client")
                ? "by name, company or e-mail" : "by name or id";
    }

    private static String words(String text) {
        return text.replace('-', ' ').replace('_', ' ').strip().toLowerCase(Locale.ROOT);
    }
}
