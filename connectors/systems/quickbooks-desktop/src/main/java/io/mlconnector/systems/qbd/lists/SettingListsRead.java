package io.mlconnector.systems.qbd.lists;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.xml.AccountQueryRq;
import io.mlconnector.systems.qbd.xml.AccountQueryRs;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.ItemQueryRq;
import io.mlconnector.systems.qbd.xml.ItemQueryRs;
import io.mlconnector.systems.qbd.xml.PaymentMethodQueryRq;
import io.mlconnector.systems.qbd.xml.PaymentMethodQueryRs;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads QuickBooks' active accounts, payment methods and items for the {@link SettingLists}. These
 * lists are short, so each is read whole in one request (no iterator) and replaces its lists. A read
 * is not queued while the previous one still waits for the Web Connector; a request whose answer was
 * lost, or that QuickBooks was too busy for, is sent again a few times, after which the lists stay as
 * they were until the next scheduled read.
 *
 * <p>A pair runs it from a schedule and routes answers to {@link #ACCOUNTS}, {@link #PAYMENT_METHODS}
 * and {@link #ITEMS} to {@link #onAnswer}.
 */
public final class SettingListsRead {

    public static final String CORRELATION = "quickbooks-lists";
    public static final String ACCOUNTS = "lists.accounts";
    public static final String PAYMENT_METHODS = "lists.payment-methods";
    public static final String ITEMS = "lists.items";

    public static final int MAX_ATTEMPTS = 3;

    /** Queues the three reads, unless a read is under way. */
    public void run(ConnectorContext ctx) {
        if (ctx.quickBooks().pending(CORRELATION) > 0) {
            ctx.audit().record(CORRELATION, "lists.read", "ok", null, null,
                    "The previous read of QuickBooks' accounts, payment methods and items is still waiting for the "
                            + "Web Connector");
            return;
        }
        for (String list : List.of(ACCOUNTS, PAYMENT_METHODS, ITEMS)) {
            QbQueue.send(ctx, query(list), Step.of(list), CORRELATION);
        }
        ctx.audit().record(CORRELATION, "lists.read", "queued", null, null,
                "Reading QuickBooks' accounts, payment methods and items for the connection's settings");
    }

    private static RqBase query(String list) {
        String requestId = QbQueue.requestId(list.replace('.', '-'), CORRELATION);
        return switch (list) {
            case ACCOUNTS -> {
                AccountQueryRq rq = QbRequests.withRequestId(new AccountQueryRq(), requestId);
                rq.setActiveStatus(ActiveStatus.ACTIVE_ONLY);
                // In AccountRet's element order.
                rq.getIncludeRetElement().addAll(List.of("FullName", "IsActive", "AccountType", "SpecialAccountType"));
                yield rq;
            }
            case PAYMENT_METHODS -> {
                PaymentMethodQueryRq rq = QbRequests.withRequestId(new PaymentMethodQueryRq(), requestId);
                rq.setActiveStatus(ActiveStatus.ACTIVE_ONLY);
                rq.getIncludeRetElement().addAll(List.of("Name", "IsActive", "PaymentMethodType"));
                yield rq;
            }
            case ITEMS -> {
                // Every kind answers (ItemQuery has no kind filter); the answer's element names tell them apart.
                ItemQueryRq rq = QbRequests.withRequestId(new ItemQueryRq(), requestId);
                rq.setActiveStatus(ActiveStatus.ACTIVE_ONLY);
                rq.getIncludeRetElement().addAll(List.of("Name", "FullName", "IsActive"));
                yield rq;
            }
            default -> throw new IllegalArgumentException("No QuickBooks list " + list);
        };
    }

    /** Stores the list QuickBooks answered with, or reads it again. */
    public void onAnswer(QbAnswer answer, Step step, String correlation, ConnectorContext ctx) {
        if (!answer.succeeded()) {
            retryOrGiveUp(answer, step, ctx);
            return;
        }
        String stored = switch (step.name()) {
            case ACCOUNTS -> {
                Map<AccountPurpose, Integer> sizes = SettingLists.storeAccounts(ctx,
                        answer.body(AccountQueryRs.class).getAccountRet());
                yield sizes.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().pickList())
                        .collect(Collectors.joining(", "));
            }
            case PAYMENT_METHODS -> SettingLists.storePaymentMethods(ctx,
                    answer.body(PaymentMethodQueryRs.class).getPaymentMethodRet()) + " " + SettingLists.PAYMENT_METHODS;
            case ITEMS -> SettingLists.storeRefundItems(ctx, answer.body(ItemQueryRs.class).getItems())
                    + " " + SettingLists.REFUND_ITEMS;
            default -> throw new IllegalArgumentException("No QuickBooks list " + step.name());
        };
        ctx.audit().record(CORRELATION, step.name() + "-read", "ok", null, null, "Offered to the settings: " + stored);
    }

    private void retryOrGiveUp(QbAnswer answer, Step step, ConnectorContext ctx) {
        if (answer.worthRetrying() && step.attempt() + 1 < MAX_ATTEMPTS) {
            QbQueue.send(ctx, query(step.name()), step.retry(), CORRELATION);
            ctx.audit().record(CORRELATION, step.name() + "-retried", "retry", null, null,
                    "Reading again (" + answer.problem() + ")");
            return;
        }
        ctx.audit().record(CORRELATION, step.name() + "-failed", "error", null, null,
                "QuickBooks' list could not be read (" + answer.problem() + "); the settings keep offering what "
                        + "they did, and the next scheduled read tries again");
    }
}
