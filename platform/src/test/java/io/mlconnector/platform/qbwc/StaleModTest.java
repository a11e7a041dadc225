package io.mlconnector.platform.qbwc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** Reading a Mod's object, querying it again and renewing its EditSequence, for any message family. */
class StaleModTest {

    private static final String CUSTOMER_MOD = RequestFragment.prepare("<CustomerModRq><CustomerMod><ListID>80000001-1</ListID>"
            + "<EditSequence>100</EditSequence><ParentRef><ListID>80000009-9</ListID></ParentRef>"
            + "<CompanyName>Doe &amp; Sons</CompanyName></CustomerMod><IncludeRetElement>ListID</IncludeRetElement></CustomerModRq>",
            "17", 10_000).xml();

    @Test
    void aListModNamesItsObjectByTheListIdDirectlyInsideIt() {
        assertEquals(Optional.of(new StaleMod.Target("Customer", "ListID", "80000001-1")), StaleMod.target(CUSTOMER_MOD));
    }

    @Test
    void aTransactionModNamesItsObjectByTxnId() {
        String mod = "<ReceivePaymentModRq requestID=\"5\"><ReceivePaymentMod><TxnID> 1A-2 </TxnID><EditSequence>7</EditSequence>"
                + "<CustomerRef><ListID>80000001-1</ListID></CustomerRef></ReceivePaymentMod></ReceivePaymentModRq>";

        StaleMod.Target target = StaleMod.target(mod).orElseThrow();

        assertEquals(new StaleMod.Target("ReceivePayment", "TxnID", "1A-2"), target);
        assertEquals("ReceivePaymentModRq", target.modType());
    }

    @Test
    void requestsThatAreNotModsOrCarryNoEditSequenceAreLeftAlone() {
        assertTrue(StaleMod.target("<CustomerAddRq><CustomerAdd><Name>Jane</Name></CustomerAdd></CustomerAddRq>").isEmpty());
        assertTrue(StaleMod.target("<ClearedStatusModRq><ClearedStatusMod><TxnID>1-2</TxnID><ClearedStatus>Cleared</ClearedStatus>"
                + "</ClearedStatusMod></ClearedStatusModRq>").isEmpty());
        assertTrue(StaleMod.target("<CustomerModRq><VendorMod><ListID>1</ListID><EditSequence>2</EditSequence></VendorMod>"
                + "</CustomerModRq>").isEmpty());
    }

    @Test
    void theQueryAsksForThatOneObjectWithTheRequestsId() {
        RequestFragment query = StaleMod.query(new StaleMod.Target("Invoice", "TxnID", "3F-<1>"), "17", 10_000);

        assertEquals("InvoiceQueryRq", query.type());
        Element rq = Dom.parse(query.xml());
        assertEquals("17", rq.getAttribute("requestID"));
        assertEquals(1, Dom.children(rq).size());
        assertEquals("3F-<1>", Dom.text(rq, "TxnID"));
    }

    @Test
    void theEditSequenceIsTakenFromTheRetOfThatObjectOnly() {
        StaleMod.Target target = new StaleMod.Target("Customer", "ListID", "80000001-1");
        String answer = "<CustomerQueryRs requestID=\"17\" statusCode=\"0\" statusSeverity=\"Info\">"
                + "<CustomerRet><ListID>80000002-2</ListID><EditSequence>555</EditSequence></CustomerRet>"
                + "<CustomerRet><ListID>80000001-1</ListID><TimeCreated>2024-01-01T00:00:00</TimeCreated>"
                + "<EditSequence>101</EditSequence><ParentRef><ListID>80000009-9</ListID></ParentRef></CustomerRet></CustomerQueryRs>";

        assertEquals(Optional.of("101"), StaleMod.editSequence(answer, target));
        assertEquals(Optional.empty(), StaleMod.editSequence("<CustomerQueryRs requestID=\"17\" statusCode=\"500\" "
                + "statusSeverity=\"Warn\"/>", target));
        assertEquals(Optional.empty(), StaleMod.editSequence("<CustomerQueryRs statusCode=\"0\"><CustomerRet><ListID>80000001-1"
                + "</ListID></CustomerRet></CustomerQueryRs>", target));
    }

    @Test
    void theModIsSentAsItWasWithOnlyItsEditSequenceRenewed() {
        String renewed = StaleMod.withEditSequence(CUSTOMER_MOD, "101");

        Element rq = Dom.parse(renewed);
        assertEquals("17", rq.getAttribute("requestID"));
        Element mod = Dom.child(rq, "CustomerMod");
        assertEquals(List.of("ListID", "EditSequence", "ParentRef", "CompanyName"),
                Dom.children(mod).stream().map(Element::getLocalName).toList());
        assertEquals("101", Dom.text(mod, "EditSequence"));
        assertEquals("80000001-1", Dom.text(mod, "ListID"));
        assertEquals("80000009-9", Dom.text(mod, "ParentRef/ListID"));
        assertEquals("Doe & Sons", Dom.text(mod, "CompanyName"));
        assertEquals("ListID", Dom.text(rq, "IncludeRetElement"));
        assertEquals(CUSTOMER_MOD.replace("<EditSequence>100<", "<EditSequence>101<"), renewed);
    }

    @Test
    void aQueryTypeLeadsBackToItsMod() {
        assertEquals("ItemServiceModRq", StaleMod.modTypeOf("ItemServiceQueryRq"));
    }
}
