package io.mlconnector.systems.qbd.posting;

import io.mlconnector.systems.qbd.QbRequests;
import io.mlconnector.systems.qbd.queue.QbAnswer;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardAddRs;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardQueryRq;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardQueryRs;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardRet;
import io.mlconnector.systems.qbd.xml.CreditMemoAddRs;
import io.mlconnector.systems.qbd.xml.CreditMemoQueryRq;
import io.mlconnector.systems.qbd.xml.CreditMemoQueryRs;
import io.mlconnector.systems.qbd.xml.CreditMemoRet;
import io.mlconnector.systems.qbd.xml.DepositAddRs;
import io.mlconnector.systems.qbd.xml.DepositQueryRs;
import io.mlconnector.systems.qbd.xml.DepositRet;
import io.mlconnector.systems.qbd.xml.InvoiceAddRs;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRq;
import io.mlconnector.systems.qbd.xml.InvoiceQueryRs;
import io.mlconnector.systems.qbd.xml.InvoiceRet;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRs;
import io.mlconnector.systems.qbd.xml.ReceivePaymentQueryRq;
import io.mlconnector.systems.qbd.xml.ReceivePaymentQueryRs;
import io.mlconnector.systems.qbd.xml.ReceivePaymentRet;
import io.mlconnector.systems.qbd.xml.RqBase;
import io.mlconnector.systems.qbd.xml.RsBase;
import io.mlconnector.systems.qbd.xml.TxnDelType;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A kind of QuickBooks transaction as {@link QbPosting} handles it: how to read the transactions a
 * query found and the one an add created, their TxnID, RefNumber and memo, how to delete one, and
 * (for kinds that have a RefNumber) how to look them up by it. The qbXML response types differ per
 * kind and share no base type, so each kind names its accessors once here.
 *
 * @param <R> the Ret type, e.g. {@link ReceivePaymentRet}
 */
public final class TxnType<R> {

    public static final TxnType<ReceivePaymentRet> RECEIVE_PAYMENT = of("ReceivePayment", TxnDelType.RECEIVE_PAYMENT,
            ReceivePaymentQueryRs.class, ReceivePaymentQueryRs::getReceivePaymentRet,
            ReceivePaymentAddRs.class, ReceivePaymentAddRs::getReceivePaymentRet,
            ReceivePaymentRet::getTxnID, ReceivePaymentRet::getRefNumber, ReceivePaymentRet::getMemo,
            (requestId, ref) -> lookup(new ReceivePaymentQueryRq(), ReceivePaymentQueryRq::getRefNumber,
                    ReceivePaymentQueryRq::getIncludeRetElement, requestId, ref));

    public static final TxnType<CreditMemoRet> CREDIT_MEMO = of("CreditMemo", TxnDelType.CREDIT_MEMO,
            CreditMemoQueryRs.class, CreditMemoQueryRs::getCreditMemoRet,
            CreditMemoAddRs.class, CreditMemoAddRs::getCreditMemoRet,
            CreditMemoRet::getTxnID, CreditMemoRet::getRefNumber, CreditMemoRet::getMemo,
            (requestId, ref) -> lookup(new CreditMemoQueryRq(), CreditMemoQueryRq::getRefNumber,
                    CreditMemoQueryRq::getIncludeRetElement, requestId, ref));

    public static final TxnType<ARRefundCreditCardRet> AR_REFUND_CREDIT_CARD = of("ARRefundCreditCard",
            TxnDelType.AR_REFUND_CREDIT_CARD,
            ARRefundCreditCardQueryRs.class, ARRefundCreditCardQueryRs::getARRefundCreditCardRet,
            ARRefundCreditCardAddRs.class, ARRefundCreditCardAddRs::getARRefundCreditCardRet,
            ARRefundCreditCardRet::getTxnID, ARRefundCreditCardRet::getRefNumber, ARRefundCreditCardRet::getMemo,
            (requestId, ref) -> lookup(new ARRefundCreditCardQueryRq(), ARRefundCreditCardQueryRq::getRefNumber,
                    ARRefundCreditCardQueryRq::getIncludeRetElement, requestId, ref));

    public static final TxnType<InvoiceRet> INVOICE = of("Invoice", TxnDelType.INVOICE,
            InvoiceQueryRs.class, InvoiceQueryRs::getInvoiceRet,
            InvoiceAddRs.class, InvoiceAddRs::getInvoiceRet,
            InvoiceRet::getTxnID, InvoiceRet::getRefNumber, InvoiceRet::getMemo,
            (requestId, ref) -> lookup(new InvoiceQueryRq(), InvoiceQueryRq::getRefNumber,
                    InvoiceQueryRq::getIncludeRetElement, requestId, ref));

    /** Deposits have no RefNumber: a pair searches them by date and account, and finds its own by memo. */
    public static final TxnType<DepositRet> DEPOSIT = of("Deposit", TxnDelType.DEPOSIT,
            DepositQueryRs.class, DepositQueryRs::getDepositRet,
            DepositAddRs.class, DepositAddRs::getDepositRet,
            DepositRet::getTxnID, r -> null, DepositRet::getMemo, null);

    /** Builds the query for the transactions with one RefNumber. */
    private interface RefNumberLookup {
        RqBase query(String requestId, String refNumber);
    }

    private final String name;
    private final TxnDelType delType;
    private final Function<QbAnswer, List<R>> found;
    private final Function<QbAnswer, R> added;
    private final Function<R, String> txnId;
    private final Function<R, String> refNumber;
    private final Function<R, String> memo;
    private final RefNumberLookup byRefNumber;

    private TxnType(String name, TxnDelType delType, Function<QbAnswer, List<R>> found, Function<QbAnswer, R> added,
                    Function<R, String> txnId, Function<R, String> refNumber, Function<R, String> memo,
                    RefNumberLookup byRefNumber) {
        this.name = name;
        this.delType = delType;
        this.found = found;
        this.added = added;
        this.txnId = txnId;
        this.refNumber = refNumber;
        this.memo = memo;
        this.byRefNumber = byRefNumber;
    }

    private static <R, Q extends RsBase, A extends RsBase> TxnType<R> of(
            String name, TxnDelType delType, Class<Q> queryRs, Function<Q, List<R>> rets, Class<A> addRs,
            Function<A, R> ret, Function<R, String> txnId, Function<R, String> refNumber, Function<R, String> memo,
            RefNumberLookup byRefNumber) {
        return new TxnType<>(name, delType, a -> rets.apply(a.body(queryRs)), a -> ret.apply(a.body(addRs)),
                txnId, refNumber, memo, byRefNumber);
    }

    /** The qbXML name, e.g. {@code ReceivePayment}. */
    public String name() {
        return name;
    }

    public TxnDelType delType() {
        return delType;
    }

    /** The transactions a succeeded query answer lists. */
    public List<R> found(QbAnswer answer) {
        return found.apply(answer);
    }

    /** The transaction a succeeded add answer created, if the answer carries it. */
    public Optional<R> added(QbAnswer answer) {
        return Optional.ofNullable(added.apply(answer));
    }

    public String txnId(R txn) {
        return txnId.apply(txn);
    }

    /** The RefNumber; null for kinds without one. */
    public String refNumber(R txn) {
        return refNumber.apply(txn);
    }

    public String memo(R txn) {
        return memo.apply(txn);
    }

    /**
     * The query for the transactions with this RefNumber, answering TxnID, RefNumber and memo.
     *
     * @throws UnsupportedOperationException for kinds without a RefNumber ({@link #DEPOSIT})
     */
    public RqBase byRefNumber(String requestId, String refNumber) {
        if (byRefNumber == null) {
            throw new UnsupportedOperationException(name + " has no RefNumber to look up");
        }
        return byRefNumber.query(requestId, refNumber);
    }

    private static <Q extends RqBase> RqBase lookup(Q rq, Function<Q, List<String>> refNumbers,
                                                    Function<Q, List<String>> includes, String requestId, String ref) {
        refNumbers.apply(rq).add(ref);
        includes.apply(rq).addAll(List.of("TxnID", "RefNumber", "Memo"));
        return QbRequests.withRequestId(rq, requestId);
    }

    @Override
    public String toString() {
        return name;
    }
}
