package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.QbXmlDocs.request;
import static io.mlconnector.testkit.qbd.QbXmlDocs.responses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** What happens to the requests after a failed one depends on onError. */
class SimulatedCompanyFileOnErrorTest {

    private final SimulatedCompanyFile qb = SimulatedCompanyFile.create();

    private static String add(String name, String requestId) {
        return "<CustomerAddRq requestID=\"" + requestId + "\"><CustomerAdd><Name>" + name + "</Name></CustomerAdd>"
                + "</CustomerAddRq>";
    }

    private String threeRequestsWithTheSecondFailing(String onError) throws QbXmlParseException {
        qb.addCustomer("Taken");
        return qb.process(request(onError, add("First", "1"), add("Taken", "2"), add("Third", "3")));
    }

    @Test
    void stopOnErrorAnswersUpToTheFailureAndSkipsTheRest() throws Exception {
        List<Element> rs = responses(threeRequestsWithTheSecondFailing("stopOnError"));

        assertEquals(2, rs.size());
        assertEquals("0", rs.get(0).getAttribute("statusCode"));
        assertEquals("3100", rs.get(1).getAttribute("statusCode"));
        assertEquals("2", rs.get(1).getAttribute("requestID"));
        assertEquals(List.of("Taken", "First"), qb.customers().stream().map(QbCustomer::name).toList());
    }

    @Test
    void continueOnErrorProcessesEveryRequest() throws Exception {
        List<Element> rs = responses(threeRequestsWithTheSecondFailing("continueOnError"));

        assertEquals(List.of("0", "3100", "0"), rs.stream().map(e -> e.getAttribute("statusCode")).toList());
        assertEquals(List.of("1", "2", "3"), rs.stream().map(e -> e.getAttribute("requestID")).toList());
        assertEquals(3, qb.customers().size());
    }

    @Test
    void rollbackOnErrorUndoesTheEarlierRequestsToo() throws Exception {
        List<Element> rs = responses(threeRequestsWithTheSecondFailing("rollbackOnError"));

        assertEquals(2, rs.size());
        assertEquals(List.of("Taken"), qb.customers().stream().map(QbCustomer::name).toList());
    }

    @Test
    void aRequestIdLongerThanFiftyCharactersIsRefusedWith1060() throws Exception {
        Element rs = QbXmlDocs.only(qb.process(request("stopOnError", add("Jane Doe", "x".repeat(51)))));

        assertEquals("1060", rs.getAttribute("statusCode"));
        assertEquals(0, qb.customers().size());
    }
}
