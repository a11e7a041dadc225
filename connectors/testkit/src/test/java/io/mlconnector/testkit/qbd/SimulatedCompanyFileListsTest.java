package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.QbXmlDocs.only;
import static io.mlconnector.testkit.qbd.QbXmlDocs.stopOnError;
import static io.mlconnector.testkit.qbd.QbXmlDocs.text;
import static io.mlconnector.testkit.qbd.QbXmlDocs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SimulatedCompanyFileListsTest {

    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();

    private Element run(String request) throws QbXmlParseException {
        return only(qb.process(stopOnError(request)));
    }

    private static String customerAdd(String name) {
        return "<CustomerAddRq requestID=\"7\"><CustomerAdd><Name>" + name + "</Name>"
                + "<CompanyName>Acme &amp; Sons</CompanyName><Email>jane@example.com</Email></CustomerAdd></CustomerAddRq>";
    }

    @Test
    void customerAddAnswersWithIdsTimesAndTheRequestId() throws Exception {
        Element rs = run(customerAdd("Jane Doe"));

        assertEquals("CustomerAddRs", rs.getTagName());
        assertEquals("7", rs.getAttribute("requestID"));
        assertEquals("0", rs.getAttribute("statusCode"));
        assertEquals("Info", rs.getAttribute("statusSeverity"));
        assertEquals("Status OK", rs.getAttribute("statusMessage"));
        String listId = text(rs, "CustomerRet/ListID");
        assertTrue(listId.matches("8[0-9A-F]{7}-\\d{10}"), listId);
        assertEquals(Long.toString(qb.clock().instant().getEpochSecond()), text(rs, "CustomerRet/EditSequence"));
        assertEquals("2024-01-15T09:00:00+00:00", text(rs, "CustomerRet/TimeCreated"));
        assertEquals("Acme & Sons", text(rs, "CustomerRet/CompanyName"));
        assertEquals("0.00", text(rs, "CustomerRet/Balance"));
        assertEquals(List.of("ListID", "TimeCreated", "TimeModified", "EditSequence", "Name", "FullName", "IsActive",
                        "Sublevel", "CompanyName", "Email", "Balance", "TotalBalance", "JobStatus",
                        "PreferredDeliveryMethod"),
                QbXmlDocs.childNames(QbXmlDocs.first(rs, "CustomerRet")));
        assertEquals("jane@example.com", qb.customer(listId).orElseThrow().email());
    }

    @Test
    void aSecondCustomerWithTheSameNameIsRefusedWith3100() throws Exception {
        run(customerAdd("Jane Doe"));

        Element rs = run(customerAdd("JANE DOE"));

        assertEquals("3100", rs.getAttribute("statusCode"));
        assertEquals("Error", rs.getAttribute("statusSeverity"));
        assertEquals("The name \"JANE DOE\" of the list element is already in use.", rs.getAttribute("statusMessage"));
        assertEquals(1, qb.customers().size());
    }

    @Test
    void modWithAStaleEditSequenceIsRefusedWith3200AndChangesNothing() throws Exception {
        QbCustomer jane = qb.addCustomer("Jane Doe");
        qb.clock().advance(Duration.ofMinutes(5));
        Element first = run(mod(jane.listId(), jane.editSequence(), "555-0100"));
        assertEquals("0", first.getAttribute("statusCode"));

        Element second = run(mod(jane.listId(), jane.editSequence(), "555-0199"));

        assertEquals("3200", second.getAttribute("statusCode"));
        assertEquals("The provided edit sequence \"" + jane.editSequence() + "\" is out-of-date.",
                second.getAttribute("statusMessage"));
        assertEquals("555-0100", qb.customer(jane.listId()).orElseThrow().phone());
    }

    @Test
    void modChangesEditSequenceAndTimeModifiedEvenWithinTheSameSecond() throws Exception {
        QbCustomer jane = qb.addCustomer("Jane Doe");

        Element rs = run(mod(jane.listId(), jane.editSequence(), "555-0100"));

        String newSequence = text(rs, "CustomerRet/EditSequence");
        assertNotEquals(jane.editSequence(), newSequence);
        assertEquals(newSequence, qb.customer(jane.listId()).orElseThrow().editSequence());
    }

    @Test
    void modOfAnUnknownListIdIsRefusedWith3120() throws Exception {
        Element rs = run(mod("80000999-1700000000", "1700000000", "555-0100"));

        assertEquals("3120", rs.getAttribute("statusCode"));
        assertEquals("Object \"80000999-1700000000\" specified in the request cannot be found.",
                rs.getAttribute("statusMessage"));
    }

    private static String mod(String listId, String editSequence, String phone) {
        return "<CustomerModRq><CustomerMod><ListID>" + listId + "</ListID><EditSequence>" + editSequence
                + "</EditSequence><Phone>" + phone + "</Phone></CustomerMod></CustomerModRq>";
    }

    @Test
    void aQueryWithoutMatchesAnswersStatus1WithSeverityInfo() throws Exception {
        Element rs = run("<CustomerQueryRq><FullName>Nobody</FullName></CustomerQueryRq>");

        assertEquals("500", rs.getAttribute("statusCode"));
        assertEquals("Warn", rs.getAttribute("statusSeverity"));

        Element filtered = run("<CustomerQueryRq><NameFilter><MatchCriterion>StartsWith</MatchCriterion>"
                + "<Name>Zed</Name></NameFilter></CustomerQueryRq>");
        assertEquals("1", filtered.getAttribute("statusCode"));
        assertEquals("Info", filtered.getAttribute("statusSeverity"));
        assertEquals(0, texts(filtered, "CustomerRet").size());
    }

    @Test
    void queryByFullNameIgnoresCaseAndReportsMissingNamesWith500() throws Exception {
        qb.addCustomer("Jane Doe");

        Element rs = run("<CustomerQueryRq><FullName>jane doe</FullName><FullName>John Roe</FullName>"
                + "</CustomerQueryRq>");

        assertEquals("500", rs.getAttribute("statusCode"));
        assertEquals(List.of("Jane Doe"), texts(rs, "CustomerRet/FullName"));
    }

    @Test
    void modifiedDateFiltersFollowTheSimulatedClock() throws Exception {
        qb.addCustomer("Early");
        qb.clock().set(Instant.parse("2024-02-01T10:00:00Z"));
        qb.addCustomer("Later");

        Element rs = run("<CustomerQueryRq><FromModifiedDate>2024-02-01T10:00:00+00:00</FromModifiedDate>"
                + "</CustomerQueryRq>");
        Element upTo = run("<CustomerQueryRq><ToModifiedDate>2024-01-31</ToModifiedDate></CustomerQueryRq>");

        assertEquals(List.of("Later"), texts(rs, "CustomerRet/Name"));
        assertEquals(List.of("Early"), texts(upTo, "CustomerRet/Name"));
    }

    @Test
    void inactiveCustomersAreLeftOutUnlessAskedFor() throws Exception {
        QbCustomer gone = qb.addCustomer("Gone Ltd");
        qb.addCustomer("Here Ltd");
        run("<CustomerModRq><CustomerMod><ListID>" + gone.listId() + "</ListID><EditSequence>" + gone.editSequence()
                + "</EditSequence><IsActive>false</IsActive></CustomerMod></CustomerModRq>");

        Element active = run("<CustomerQueryRq></CustomerQueryRq>");
        Element all = run("<CustomerQueryRq><ActiveStatus>All</ActiveStatus></CustomerQueryRq>");

        assertEquals(List.of("Here Ltd"), texts(active, "CustomerRet/Name"));
        assertEquals(List.of("Gone Ltd", "Here Ltd"), texts(all, "CustomerRet/Name"));
    }

    @Test
    void includeRetElementLimitsWhatIsReturned() throws Exception {
        qb.addCustomer("Jane Doe");

        Element rs = run("<CustomerQueryRq><FullName>Jane Doe</FullName><IncludeRetElement>ListID</IncludeRetElement>"
                + "<IncludeRetElement>EditSequence</IncludeRetElement></CustomerQueryRq>");

        assertEquals(List.of("ListID", "EditSequence"), QbXmlDocs.childNames(QbXmlDocs.first(rs, "CustomerRet")));
    }

    @Test
    void accountsPaymentMethodsAndItemsCanBeAddedAndQueried() throws Exception {
        Element account = run("<AccountAddRq><AccountAdd><Name>GoCardless Clearing</Name>"
                + "<AccountType>OtherCurrentAsset</AccountType></AccountAdd></AccountAddRq>");
        Element method = run("<PaymentMethodAddRq><PaymentMethodAdd><Name>Direct Debit</Name>"
                + "<PaymentMethodType>Other</PaymentMethodType></PaymentMethodAdd></PaymentMethodAddRq>");
        Element item = run("<ItemServiceAddRq><ItemServiceAdd><Name>Consulting</Name><SalesOrPurchase>"
                + "<Price>100.00</Price><AccountRef><FullName>Services</FullName></AccountRef></SalesOrPurchase>"
                + "</ItemServiceAdd></ItemServiceAddRq>");
        assertEquals("0", account.getAttribute("statusCode"));
        assertEquals("0", method.getAttribute("statusCode"));
        assertEquals("0", item.getAttribute("statusCode"));

        Element accounts = run("<AccountQueryRq><AccountType>OtherCurrentAsset</AccountType></AccountQueryRq>");
        Element items = run("<ItemQueryRq><FullName>Consulting</FullName></ItemQueryRq>");
        Element duplicate = run("<PaymentMethodAddRq><PaymentMethodAdd><Name>direct debit</Name>"
                + "</PaymentMethodAdd></PaymentMethodAddRq>");

        assertEquals(List.of("GoCardless Clearing", "Undeposited Funds"), texts(accounts, "AccountRet/Name"));
        assertEquals("Services", text(items, "ItemServiceRet/SalesOrPurchase/AccountRef/FullName"));
        assertEquals("3100", duplicate.getAttribute("statusCode"));
    }
}
