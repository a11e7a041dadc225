package io.mlconnector.systems.qbd.queue;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksResponse;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends each QuickBooks answer to the handler of the step that asked, by the request's purpose, and
 * notes every answer in the audit trail. A pair registers its steps and the kit's
 * ({@code router.on(CustomerScan.SCAN, scan::onPage)}) and calls {@link #route} from
 * {@code Connector.onQuickBooksResponse}.
 */
public final class AnswerRouter {

    /** Continues a flow with QuickBooks' answer to the request queued with {@code step}. */
    @FunctionalInterface
    public interface Handler {
        void onAnswer(QbAnswer answer, Step step, String correlation, ConnectorContext ctx);
    }

    private final Map<String, Handler> handlers = new HashMap<>();

    /** Routes answers to requests queued with a step of this name to {@code handler}. */
    public AnswerRouter on(String stepName, Handler handler) {
        if (handlers.putIfAbsent(stepName, handler) != null) {
            throw new IllegalArgumentException("Two handlers for the step " + stepName);
        }
        return this;
    }

    public void route(QuickBooksResponse response, ConnectorContext ctx) {
        Step step = Step.decode(response.purpose());
        QbAnswer answer = QbAnswer.of(response);
        String id = response.correlation();
        ctx.audit().record(id, "quickbooks.answer", answer.succeeded() ? "ok" : (answer.lost() ? "lost" : "error"),
                id, null, "Answer to " + step.name() + " (request " + response.requestId() + ")"
                        + (answer.succeeded() ? "" : ": " + answer.problem()));
        Handler handler = handlers.get(step.name());
        if (handler == null) {
            ctx.log().log(System.Logger.Level.WARNING, "Answer to a request of unknown purpose " + step.name()
                    + " ignored");
            return;
        }
        handler.onAnswer(answer, step, id, ctx);
    }
}
