package io.mlconnector.systems.qbd.posting;

import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.SyncStatus;
import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.QbRefs;
import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.queue.AnswerRouter;
import io.mlconnector.systems.qbd.queue.QbQueue;
import io.mlconnector.systems.qbd.queue.Step;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.qbd.QbPayment;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The posting protocol against a simulated company file: a minimal pair posting "sales" of another
 * system as ReceivePayments, through the kit alone.
 */
class QbPostingTest {

    private final SimulatedCompanyFile books = SimulatedCompanyFile.builder().country("UK").build();
    private final InMemoryConnectorContext ctx = InMemoryConnectorContext.builder().clock(books.clock()).build();
    private final SalePlan plan = new SalePlan();
    private final QbPosting<ReceivePaymentRet> posting = new QbPosting<>(plan);
    private final AnswerRouter router = posting.routes(new AnswerRouter());
    private final String customer = books.addCustomer("Ada Lovelace", "ada@example.com").listId();

    @Test
    void aSaleIsPostedOnceAndItsTxnIdKeptInTheLedger() {
        ctx.syncRecords().open("sale", "S1", "Sale S1");
        posting.start("S1", sale(customer, 2500), ctx);
        session();

        QbPayment payment = only(books.payments());
        assertEquals("25.00", payment.totalAmount());
        assertEquals(payment.txnId(), ctx.ids().target("sale", "S1").orElseThrow());
        assertEquals(SyncStatus.DONE, ctx.syncRecords().find("sale", "S1").orElseThrow().status());

        posting.start("S1", sale(customer, 2500), ctx);
        session();
        assertEquals(1, books.payments().size(), "looked before adding: found, not added again");
        assertTrue(ctx.audit().steps("S1").contains("sale.found-in-quickbooks"));
    }

    @Test
    void anAddWhoseAnswerIsLostIsFoundRatherThanAddedAgain() {
        ctx.syncRecords().open("sale", "S2", "Sale S2");
        ctx.quickBooks().loseAnswerOfNext(rq -> rq.purpose().startsWith(plan.steps().add()));
        posting.start("S2", sale(customer, 1000), ctx);
        session();
        session();

        QbPayment payment = only(books.payments());
        assertEquals(payment.txnId(), ctx.ids().target("sale", "S2").orElseThrow());
        assertTrue(ctx.audit().steps("S2").contains("sale.answer-lost"));
        assertEquals(SyncStatus.DONE, ctx.syncRecords().find("sale", "S2").orElseThrow().status());
    }

    @Test
    void anAddQuickBooksRefusesHoldsTheObjectWithThePlansReason() {
        ctx.syncRecords().open("sale", "S3", "Sale S3");
        posting.start("S3", sale("80000999-1700000000", 1000), ctx);
        session();

        assertEquals(List.of(), books.payments());
        var record = ctx.syncRecords().find("sale", "S3").orElseThrow();
        assertEquals(SyncStatus.NEEDS_ATTENTION, record.status());
        assertTrue(record.lastError().startsWith("QuickBooks refused sale S3"), record.lastError());
        assertTrue(ctx.ids().target("sale", "S3").isEmpty());
    }

    @Test
    void aReversalDeletesThePostedTransactionAndForgetsIt() {
        ctx.syncRecords().open("sale", "S4", "Sale S4");
        posting.start("S4", sale(customer, 700), ctx);
        session();
        String txnId = ctx.ids().target("sale", "S4").orElseThrow();

        posting.reverse("S4", txnId, null, ctx);
        session();

        assertEquals(List.of(), books.payments());
        assertTrue(ctx.ids().target("sale", "S4").isEmpty());
        assertEquals(List.of(txnId), plan.reversed);
    }

    @Test
    void anObjectThatFailedMeanwhileIsNotPosted() {
        ctx.syncRecords().open("sale", "S5", "Sale S5");
        posting.start("S5", sale(customer, 700), ctx);
        ctx.syncRecords().failed("sale", "S5", "The sale was cancelled");
        session();

        assertEquals(List.of(), books.payments());
        assertTrue(ctx.audit().steps("S5").contains("sale.chain-stopped"));
    }

    private Step sale(String customerListId, long minor) {
        return Step.of("sale").with("cust", customerListId).with("amt", minor);
    }

    private void session() {
        ctx.quickBooks().runSession(books::process, router::route, ctx);
    }

    private static QbPayment only(List<QbPayment> payments) {
        assertEquals(1, payments.size(), payments.toString());
        return payments.get(0);
    }

    /** A sale of the other system as a ReceivePayment carrying its id in the memo and RefNumber. */
    private static final class SalePlan extends QbPosting.Plan<ReceivePaymentRet> {

        final List<String> reversed = new java.util.ArrayList<>();

        SalePlan() {
            super(TxnType.RECEIVE_PAYMENT, QbPosting.Steps.of("sale"), "sale", "sale", "sale");
        }

        @Override
        public String describe(String saleId) {
            return "sale " + saleId;
        }

        @Override
        public RqBase search(String saleId, Step step, ConnectorContext ctx) {
            return type().byRefNumber(QbQueue.requestId("search", saleId), saleId);
        }

        @Override
        public RqBase add(String saleId, Step step, ConnectorContext ctx) {
            var add = QbRequests.receivePayment(QbQueue.requestId("add", saleId))
                    .customerListId(step.require("cust"))
                    .txnDate(LocalDate.of(2024, 3, 1))
                    .externalId(saleId)
                    .totalAmount(Money.ofMinor(step.number("amt"), "GBP"))
                    .memo("Sale")
                    .depositToAccount(QbRefs.fullName("Undeposited Funds"));
            var rq = add.autoApply().build();
            rq.getReceivePaymentAdd().setIsAutoApply(Boolean.FALSE);
            return rq;
        }

        @Override
        public void posted(String saleId, String txnId, Step step, boolean found, ConnectorContext ctx) {
            ctx.syncRecords().done("sale", saleId, txnId);
        }

        @Override
        public String refused(String problem, Step step, ConnectorContext ctx) {
            return "QuickBooks refused sale S3 (" + problem + ")";
        }

        @Override
        public void reversed(String saleId, String txnId, Step step, ConnectorContext ctx) {
            reversed.add(txnId);
        }
    }
}
