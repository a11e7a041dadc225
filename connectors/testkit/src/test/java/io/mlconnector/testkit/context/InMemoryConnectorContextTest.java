package io.mlconnector.testkit.context;

import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.SettingField;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory context behaves like the platform's where connectors rely on it. */
class InMemoryConnectorContextTest {

    private static final ConnectorSpec SPEC = new ConnectorSpec("demo", "1", "Demo", "demo", List.of(),
            List.of(SettingField.choice("moment", "Moment", "", "confirmed", "confirmed", "paid_out"),
                    SettingField.number("minutes", "Minutes", "", 15)),
            List.of(), List.of());

    @Test
    void settingsFallBackToTheSpecsDefaultsAndRefuseInvalidValues() {
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().spec(SPEC).setting("minutes", "5").build();

        assertEquals("confirmed", ctx.settings().get("moment").orElseThrow());
        assertEquals(5, ctx.settings().number("minutes", 0));
        assertThrows(IllegalArgumentException.class, () -> ctx.settings().set("moment", "whenever"));
    }

    @Test
    void theLedgerNeverOverwritesOnPutButAPersonsChoiceReplaces() {
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().build();

        assertTrue(ctx.ids().put("payment", "PM1", "TXN-1"));
        assertFalse(ctx.ids().put("payment", "PM1", "TXN-2"));
        assertEquals("TXN-1", ctx.ids().target("payment", "PM1").orElseThrow());
        assertEquals("PM1", ctx.ids().source("payment", "TXN-1").orElseThrow());
        ctx.ids().replace("customer", "CU1", "80000001");
        ctx.ids().replace("customer", "CU1", "80000002");
        assertEquals("80000002", ctx.ids().target("customer", "CU1").orElseThrow());
    }

    @Test
    void syncRecordsKeepTheirHistoryAndTheReasonAPersonMustRead() {
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().build();

        ctx.syncRecords().open("payment", "PM1", "Payment PM1");
        ctx.syncRecords().needsAttention("payment", "PM1", "Pick the customer");
        assertEquals("Pick the customer", ctx.syncRecords().find("payment", "PM1").orElseThrow().lastError());
        ctx.syncRecords().waitingForQuickBooks("payment", "PM1");
        ctx.syncRecords().done("payment", "PM1", "TXN-1");

        assertEquals(List.of(SyncStatus.PENDING, SyncStatus.NEEDS_ATTENTION, SyncStatus.WAITING_FOR_QUICKBOOKS,
                SyncStatus.DONE), ctx.syncRecords().history("payment", "PM1"));
        assertEquals("TXN-1", ctx.syncRecords().find("payment", "PM1").orElseThrow().targetId());
    }
}
