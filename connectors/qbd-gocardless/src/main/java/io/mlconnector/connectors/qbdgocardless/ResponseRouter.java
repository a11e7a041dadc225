package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksResponse;

/** Sends each QuickBooks answer to the step of the flow that asked, by the request's purpose. */
final class ResponseRouter {

    private final Flows flows;

    ResponseRouter(Flows flows) {
        this.flows = flows;
    }

    void route(QuickBooksResponse response, ConnectorContext ctx) {
        Step step = Step.decode(response.purpose());
        QbAnswer answer = QbAnswer.of(response);
        String id = response.correlation();
        ctx.audit().record(id, "quickbooks.answer", answer.succeeded() ? "ok" : (answer.lost() ? "lost" : "error"),
                id, null, "Answer to " + step.name() + " (request " + response.requestId() + ")"
                        + (answer.succeeded() ? "" : ": " + answer.problem()));
        switch (step.name()) {
            case CustomerScan.SCAN -> flows.customers.onPage(answer, step, id, ctx);
            case CustomerPoll.PAGE -> flows.customerList.onPage(answer, step, ctx);
            case SettingListsRead.ACCOUNTS, SettingListsRead.PAYMENT_METHODS, SettingListsRead.ITEMS ->
                    flows.settingLists.onAnswer(answer, step, ctx);
            case PaymentFlow.INVOICE -> flows.payments.onInvoices(answer, step, id, ctx);
            case PaymentFlow.SEARCH -> flows.payments.onSearch(answer, step, id, ctx);
            case PaymentFlow.ADD -> flows.payments.onAdd(answer, step, id, ctx);
            case PaymentFlow.REVERSE -> flows.payments.onReverse(answer, step, id, ctx);
            case PaymentFlow.VERIFY -> flows.payments.onVerify(answer, step, id, ctx);
            case PaymentFlow.REMOVE_DUPLICATE -> flows.payments.onRemoveDuplicate(answer, step, id, ctx);
            case RefundFlow.CREDIT_SEARCH -> flows.refunds.onCreditSearch(answer, step, id, ctx);
            case RefundFlow.CREDIT_ADD -> flows.refunds.onCreditAdd(answer, step, id, ctx);
            case RefundFlow.REFUND_SEARCH -> flows.refunds.onRefundSearch(answer, step, id, ctx);
            case RefundFlow.REFUND_ADD -> flows.refunds.onRefundAdd(answer, step, id, ctx);
            case RefundFlow.REVERSE_REFUND, RefundFlow.REVERSE_CREDIT -> flows.refunds.onReverse(answer, step, id, ctx);
            case RefundFlow.CREDIT_VERIFY -> flows.refunds.onCreditVerify(answer, step, id, ctx);
            case RefundFlow.REMOVE_DUPLICATE_CREDIT -> flows.refunds.onRemoveDuplicateCredit(answer, step, id, ctx);
            case PayoutFlow.SEARCH -> flows.payouts.onSearch(answer, step, id, ctx);
            case PayoutFlow.ADD -> flows.payouts.onAdd(answer, step, id, ctx);
            case ReverseFlow.SCAN -> flows.reverse.onPage(answer, step, ctx);
            default -> ctx.log().log(System.Logger.Level.WARNING,
                    "Answer to a request of unknown purpose " + step.name() + " ignored");
        }
    }
}
