package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import io.mlconnector.systems.qbd.xml.CustomerQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRq;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.IteratorMode;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IteratorRoundTripTest {

    private static final String ITERATOR_ID = "{eb05f701-e727-472f-8ade-6753c4f67a46}";

    private static CustomerQueryRq firstPage() {
        return QbRequests.customerQuery("cust-1")
                .modifiedBetween(OffsetDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1)), null)
                .startIterator(100)
                .build();
    }

    @Test
    void firstRequestStartsTheIteratorWithAPageSize() {
        String xml = QbXml.toFragment(firstPage());

        assertEquals("Start", XmlProbe.root(xml).getAttribute("iterator"));
        assertFalse(XmlProbe.root(xml).hasAttribute("iteratorID"));
        assertEquals(List.of("MaxReturned", "FromModifiedDate"), XmlProbe.childNames(xml));
        assertEquals("100", XmlProbe.text(xml, "MaxReturned"));
        assertEquals("2024-01-01T00:00:00+01:00", XmlProbe.text(xml, "FromModifiedDate"));
    }

    @Test
    void iteratorIdAndCountsComeBackFromTheResponse() {
        String fragment = "<CustomerQueryRs requestID=\"cust-1\" statusCode=\"0\" statusSeverity=\"Info\" statusMessage=\"Status OK\" "
                + "retCount=\"100\" iteratorRemainingCount=\"250\" iteratorID=\"" + ITERATOR_ID + "\">"
                + "<CustomerRet><ListID>80000001-1234567890</ListID></CustomerRet></CustomerQueryRs>";

        CustomerQueryRs response = QbXml.parseResponse(fragment, CustomerQueryRs.class);
        QbResponseHeader header = QbXml.readHeader(fragment);

        assertEquals(ITERATOR_ID, response.getIteratorID());
        assertEquals(250, response.getIteratorRemainingCount());
        assertEquals(100, response.getRetCount());
        assertEquals(ITERATOR_ID, header.iteratorId());
        assertTrue(header.hasMore());
    }

    @Test
    void nextPageRepeatsTheQueryWithContinueAndTheIteratorId() {
        CustomerQueryRq first = firstPage();
        CustomerQueryRs response = QbXml.parseResponse("<CustomerQueryRs requestID=\"cust-1\" statusCode=\"0\" "
                + "statusSeverity=\"Info\" retCount=\"100\" iteratorRemainingCount=\"250\" iteratorID=\"" + ITERATOR_ID + "\"/>",
                CustomerQueryRs.class);

        CustomerQueryRq next = QbIterators.next(first, response, "cust-2").orElseThrow();
        String xml = QbXml.toFragment(next);

        assertEquals("Continue", XmlProbe.root(xml).getAttribute("iterator"));
        assertEquals(ITERATOR_ID, XmlProbe.root(xml).getAttribute("iteratorID"));
        assertEquals("cust-2", XmlProbe.root(xml).getAttribute("requestID"));
        assertEquals("2024-01-01T00:00:00+01:00", XmlProbe.text(xml, "FromModifiedDate"));
        assertEquals(IteratorMode.START, first.getIterator(), "the first request is left as it was");
        assertEquals("cust-1", first.getRequestID());
    }

    @Test
    void stopsWhenNothingRemains() {
        CustomerQueryRs last = QbXml.parseResponse("<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\" retCount=\"50\" "
                + "iteratorRemainingCount=\"0\" iteratorID=\"" + ITERATOR_ID + "\"/>", CustomerQueryRs.class);

        assertEquals(Optional.empty(), QbIterators.next(firstPage(), last, "cust-3"));
        assertFalse(QbXml.readHeader("<CustomerQueryRs statusCode=\"0\" statusSeverity=\"Info\" iteratorRemainingCount=\"0\" "
                + "iteratorID=\"" + ITERATOR_ID + "\"/>").hasMore());
    }

    @Test
    void iteratorAttributesSurviveAWriteReadCycleOnTransactionQueries() {
        InvoiceQueryRq first = QbRequests.invoiceQuery("inv-1").unpaidOnly().startIterator(50).build();
        InvoiceQueryRs response = QbXml.parseResponse("<InvoiceQueryRs statusCode=\"0\" statusSeverity=\"Info\" "
                + "iteratorRemainingCount=\"7\" iteratorID=\"" + ITERATOR_ID + "\"/>", InvoiceQueryRs.class);

        InvoiceQueryRq again = (InvoiceQueryRq) QbXml.parseRequest(QbXml.toFragment(QbIterators.next(first, response, "inv-2").orElseThrow()));

        assertEquals(IteratorMode.CONTINUE, again.getIterator());
        assertEquals(ITERATOR_ID, again.getIteratorID());
        assertEquals(50, again.getMaxReturned());
        assertEquals("NotPaidOnly", again.getPaidStatus().value());
    }

    @Test
    void anIteratorCanBeReleasedEarly() {
        CustomerQueryRq stop = QbIterators.stop(firstPage(), ITERATOR_ID, "cust-stop");

        assertEquals(IteratorMode.STOP, stop.getIterator());
        assertEquals(ITERATOR_ID, stop.getIteratorID());
        QbSchema.validate(QbXml.toFragment(stop));
        assertNull(firstPage().getIteratorID());
    }
}
