package io.mlconnector.web.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.SyncRecord;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.platform.audit.AuditEntry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResolutionTest {

    static final UUID TENANT = UUID.randomUUID();
    static final SyncRecord HELD = new SyncRecord(UUID.randomUUID(), "payment", "PM123", null, SyncStatus.NEEDS_ATTENTION, 1,
            "No customer matches", "Payment PM123", Instant.EPOCH);

    @Test
    void aConnectorsQuestionSaysWhatIsMatchedInItsOwnWords() {
        Resolution asked = Resolution.asked(new MatchQuestion("customer", "CU42", "QuickBooks customer", "quickbooks-customers"));

        assertTrue(asked.asked());
        assertEquals("customer", asked.kind());
        assertEquals("CU42", asked.sourceId(), "the payer to match, not the payment held");
        assertEquals("QuickBooks customer", asked.noun());
        assertEquals("QuickBooks customers", asked.plural());
        assertEquals("by name, company or e-mail", asked.searchableBy());
    }

    @Test
    void withoutAQuestionTheUnmatchedStepOfTheTrailSaysWhatToMatch() {
        AuditEntry unmatched = AuditEntry.of(TENANT, "income_account.unmatched", "ok").ids("IA-9", null);

        Resolution inferred = Resolution.of(HELD, List.of(unmatched));

        assertFalse(inferred.asked());
        assertEquals("income_account", inferred.kind());
        assertEquals("IA-9", inferred.sourceId());
        assertEquals("income account", inferred.noun());
        assertEquals("by name or id", inferred.searchableBy());
    }

    @Test
    void withoutAQuestionOrAStepTheRecordsOwnObjectIsMatchedAsACustomer() {
        Resolution inferred = Resolution.of(HELD, List.of(AuditEntry.of(TENANT, "payment.received", "ok").ids("PM123", null)));

        assertEquals("customer", inferred.kind());
        assertEquals("PM123", inferred.sourceId());
    }

    @Test
    void aListWithEntriesIsPickedFromAndAnEmptyOneLeavesTypingWithAHint() {
        Resolution asked = Resolution.asked(new MatchQuestion("customer", "CU42", "customer", "quickbooks-customers"));

        Resolution empty = asked.withChoices(new ChoiceList("", List.of(), false, 0, "customers"));
        Resolution filled = asked.withChoices(new ChoiceList("", List.of(new Choice("8-1", "Ada", null)), false, 1, "customers"));
        Resolution noList = Resolution.asked(new MatchQuestion("customer", "CU42", "customer", null));

        assertFalse(empty.picking());
        assertTrue(empty.waitingForList());
        assertTrue(filled.picking());
        assertFalse(filled.waitingForList());
        assertFalse(noList.picking());
        assertFalse(noList.waitingForList(), "a question without a list asks for an id, with no promise of a list");
        assertNull(noList.choices());
    }
}
