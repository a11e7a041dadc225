package io.mlconnector.testkit.context;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.api.qbd.QuickBooksResponse;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The in-memory queue keeps the platform's promises to connectors about QuickBooks requests. */
class InMemoryQuickBooksDesktopTest {

    private static final String CUSTOMER_ADD = "<CustomerAddRq requestID=\"mine\"><CustomerAdd><Name>Ada Lovelace</Name>"
            + "</CustomerAdd></CustomerAddRq>";

    /** Records the answers it gets; can queue a follow-up request while answering. */
    private static final class Recorder implements Connector {
        final List<QuickBooksResponse> answers = new ArrayList<>();
        final List<Integer> pendingWhileAnswering = new ArrayList<>();

        @Override
        public ConnectorSpec spec() {
            throw new UnsupportedOperationException();
        }

        @Override
        public CheckResult check(ConnectorContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void handle(InboundEvent event, ConnectorContext context) {
        }

        @Override
        public void onQuickBooksResponse(QuickBooksResponse response, ConnectorContext context) {
            answers.add(response);
            pendingWhileAnswering.add(context.quickBooks().pending(response.correlation()));
            if (response.purpose().equals("add") && response.answered()) {
                context.quickBooks().enqueue(QuickBooksRequest.of("<CustomerQueryRq><FullName>Ada Lovelace</FullName>"
                        + "</CustomerQueryRq>", "query", response.correlation()));
            }
        }
    }

    @Test
    void answersGoBackByPurposeAndFollowUpsRunInTheSameSession() {
        SimulatedCompanyFile books = SimulatedCompanyFile.create();
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().clock(books.clock()).build();
        Recorder connector = new Recorder();
        String id = ctx.quickBooks().enqueue(QuickBooksRequest.of(CUSTOMER_ADD, "add", "CU1"));
        assertEquals(1, ctx.quickBooks().pending("CU1"));

        QuickBooksSession session = ctx.quickBooks().runSession(books::process, connector, ctx);

        assertEquals(2, session.requestsSent());
        assertEquals(List.of("add", "query"), connector.answers.stream().map(QuickBooksResponse::purpose).toList());
        assertTrue(connector.answers.get(0).fragment().startsWith("<CustomerAddRs requestID=\"" + id + "\""),
                connector.answers.get(0).fragment());
        assertEquals(List.of(0, 0), connector.pendingWhileAnswering, "an answered request no longer counts");
        assertEquals(books.clock().instant(), ctx.quickBooks().lastPolledAt().orElseThrow());
    }

    @Test
    void anAnswerLostWithItsSessionIsReportedAtTheNextSession() {
        SimulatedCompanyFile books = SimulatedCompanyFile.create();
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().clock(books.clock()).build();
        Recorder connector = new Recorder();
        ctx.quickBooks().enqueue(QuickBooksRequest.of(CUSTOMER_ADD, "lost-add", "CU1"));
        ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().equals("lost-add"));

        QuickBooksSession killed = ctx.quickBooks().runSession(books::process, connector, ctx);

        assertTrue(killed.killed());
        assertEquals(1, books.customers().size(), "QuickBooks carried it out");
        assertEquals(List.of(), connector.answers);
        assertEquals(1, ctx.quickBooks().pending("CU1"), "sent but unanswered still counts");

        ctx.quickBooks().runSession(books::process, connector, ctx);

        assertEquals(1, connector.answers.size());
        assertNull(connector.answers.get(0).fragment());
        assertEquals(InMemoryQuickBooksDesktop.SESSION_LOST, connector.answers.get(0).errorMessage());
        assertEquals(0, ctx.quickBooks().pending("CU1"));
    }

    @Test
    void aLostRequestCanBeSentAgainAsItWas() {
        SimulatedCompanyFile books = SimulatedCompanyFile.create();
        InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().clock(books.clock()).build();
        Recorder connector = new Recorder();
        ctx.quickBooks().whenSessionDies(InMemoryQuickBooksDesktop.LostAnswers.SENT_AGAIN);
        ctx.quickBooks().enqueue(QuickBooksRequest.of(CUSTOMER_ADD, "again", "CU1"));
        ctx.quickBooks().loseAnswerOfNext(rq -> true);
        ctx.quickBooks().runSession(books::process, connector, ctx);

        ctx.quickBooks().runSession(books::process, connector, ctx);

        assertEquals(1, connector.answers.size());
        assertTrue(connector.answers.get(0).fragment().contains("statusCode=\"3100\""),
                "QuickBooks saw the same add twice: " + connector.answers.get(0).fragment());
    }

    @Test
    void theRequestIdIsThePlatformsNotTheConnectors() {
        String rewritten = InMemoryQuickBooksDesktop.withRequestId("<TxnDelRq requestID=\"x\"><TxnID>1</TxnID></TxnDelRq>",
                "rq-9");
        assertEquals("<TxnDelRq requestID=\"rq-9\"><TxnID>1</TxnID></TxnDelRq>", rewritten);
        assertEquals("<HostQueryRq requestID=\"rq-1\"/>", InMemoryQuickBooksDesktop.withRequestId("<HostQueryRq/>", "rq-1"));
    }
}
