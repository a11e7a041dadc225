package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.QbXmlDocs.only;
import static io.mlconnector.testkit.qbd.QbXmlDocs.stopOnError;
import static io.mlconnector.testkit.qbd.QbXmlDocs.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class SimulatedCompanyFileIteratorTest {

    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();

    private Element start(int maxReturned) throws QbXmlParseException {
        return only(qb.process(stopOnError("<CustomerQueryRq requestID=\"1\" iterator=\"Start\"><MaxReturned>"
                + maxReturned + "</MaxReturned></CustomerQueryRq>")));
    }

    private Element next(String iteratorId, int maxReturned) throws QbXmlParseException {
        return only(qb.process(stopOnError("<CustomerQueryRq requestID=\"1\" iterator=\"Continue\" iteratorID=\""
                + iteratorId + "\"><MaxReturned>" + maxReturned + "</MaxReturned></CustomerQueryRq>")));
    }

    @Test
    void fiveThousandCustomersComeBackInPagesOfMaxReturned() throws Exception {
        for (int i = 0; i < 5000; i++) {
            qb.addCustomer(String.format("Customer %04d", i));
        }
        List<String> names = new ArrayList<>();
        List<Integer> remaining = new ArrayList<>();
        Element page = start(1000);
        String iteratorId = page.getAttribute("iteratorID");
        assertTrue(iteratorId.matches("\\{[0-9a-f-]{36}}"), iteratorId);
        while (true) {
            names.addAll(texts(page, "CustomerRet/Name"));
            int left = Integer.parseInt(page.getAttribute("iteratorRemainingCount"));
            remaining.add(left);
            if (left == 0) {
                break;
            }
            page = next(iteratorId, 1000);
            assertEquals(iteratorId, page.getAttribute("iteratorID"));
        }

        assertEquals(List.of(4000, 3000, 2000, 1000, 0), remaining);
        assertEquals(5000, names.size());
        assertEquals(5000, new HashSet<>(names).size());
        assertEquals(0, qb.openIterators());
    }

    @Test
    void aFinishedUnknownOrExpiredIteratorIsRefusedWith3391() throws Exception {
        for (int i = 0; i < 3; i++) {
            qb.addCustomer("Customer " + i);
        }
        Element first = start(2);
        String iteratorId = first.getAttribute("iteratorID");
        assertEquals("1", first.getAttribute("iteratorRemainingCount"));

        qb.endSession();
        Element expired = next(iteratorId, 2);
        Element unknown = next("{00000000-0000-0000-0000-000000000000}", 2);

        assertEquals("3391", expired.getAttribute("statusCode"));
        assertEquals("Error", expired.getAttribute("statusSeverity"));
        assertEquals("The iteratorID \"" + iteratorId + "\" is not valid.", expired.getAttribute("statusMessage"));
        assertEquals("3391", unknown.getAttribute("statusCode"));
    }

    @Test
    void invoiceIteratorsPageTransactionsAndStopEndsThem() throws Exception {
        qb.addCustomer("Jane Doe");
        for (int i = 1; i <= 5; i++) {
            qb.addOpenInvoice("Jane Doe", "INV" + i, "10.00");
        }
        Element first = only(qb.process(stopOnError("<InvoiceQueryRq iterator=\"Start\"><MaxReturned>2</MaxReturned>"
                + "<PaidStatus>NotPaidOnly</PaidStatus></InvoiceQueryRq>")));
        String iteratorId = first.getAttribute("iteratorID");

        Element stop = only(qb.process(stopOnError("<InvoiceQueryRq iterator=\"Stop\" iteratorID=\"" + iteratorId
                + "\"></InvoiceQueryRq>")));
        Element after = only(qb.process(stopOnError("<InvoiceQueryRq iterator=\"Continue\" iteratorID=\"" + iteratorId
                + "\"><MaxReturned>2</MaxReturned></InvoiceQueryRq>")));

        assertEquals(List.of("INV1", "INV2"), texts(first, "InvoiceRet/RefNumber"));
        assertEquals("3", first.getAttribute("iteratorRemainingCount"));
        assertEquals("0", stop.getAttribute("statusCode"));
        assertEquals("3391", after.getAttribute("statusCode"));
    }

    @Test
    void metaDataOnlyCountsWithoutReturningObjects() throws Exception {
        qb.addCustomer("A");
        qb.addCustomer("B");

        Element rs = only(qb.process(stopOnError("<CustomerQueryRq metaData=\"MetaDataOnly\"/>")));

        assertEquals("2", rs.getAttribute("retCount"));
        assertEquals(0, texts(rs, "CustomerRet").size());
    }
}
