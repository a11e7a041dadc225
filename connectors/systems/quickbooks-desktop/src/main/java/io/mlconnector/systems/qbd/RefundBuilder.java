package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardAdd;
import io.mlconnector.systems.qbd.xml.ARRefundCreditCardAddRq;
import io.mlconnector.systems.qbd.xml.ListRef;
import io.mlconnector.systems.qbd.xml.RefundAppliedToTxnAdd;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds an {@code ARRefundCreditCardAddRq}: money paid back to a customer.
 *
 * <p>This is how QuickBooks Desktop books a customer refund (since QuickBooks 2006 / qbXML 5.0):
 * the refund must draw on an existing customer credit — a credit memo for returned goods or a
 * reversed charge, or the unused part of a received payment — and pays it out of an account
 * (the provider's clearing account or the bank; Undeposited Funds when omitted). QuickBooks then
 * closes the credit, so A/R stays right. A check (CheckAdd) to the customer is the older
 * workaround; it cannot link to the credit and leaves it open, so this library does not offer it.
 *
 * <p>Typical provider refund: {@code CreditMemoAdd} for the refunded amount, then this request
 * with {@link #fromCredit(String, Money)} naming the credit memo's TxnID.
 */
public final class RefundBuilder {

    private final String requestId;
    private ListRef customer;
    private ListRef refundFrom;
    private ListRef arAccount;
    private LocalDate txnDate;
    private String refNumber;
    private ListRef paymentMethod;
    private String memo;
    private String externalId;
    private String booksCurrency;
    private final List<RefundAppliedToTxnAdd> credits = new ArrayList<>();

    RefundBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public RefundBuilder customerListId(String listId) {
        this.customer = QbRefs.listId(listId);
        return this;
    }

    /** The account the money leaves from (clearing or bank); Undeposited Funds when not set. */
    public RefundBuilder refundFrom(ListRef account) {
        this.refundFrom = account;
        return this;
    }

    /** Must match the A/R account of the credits being refunded; the default A/R account when not set. */
    public RefundBuilder arAccount(ListRef account) {
        this.arAccount = account;
        return this;
    }

    public RefundBuilder txnDate(LocalDate date) {
        this.txnDate = date;
        return this;
    }

    /** The provider's refund id: RefNumber keeps its last 11 characters, the Memo keeps it whole. */
    public RefundBuilder externalId(String externalId) {
        this.refNumber = QbText.reference(externalId, QbLimits.TXN_REF_NUMBER);
        this.externalId = QbText.clean(externalId);
        return this;
    }

    public RefundBuilder paymentMethod(String fullName) {
        ListRef ref = new ListRef();
        ref.setFullName(QbText.fit("PaymentMethod", fullName, QbLimits.PAYMENT_METHOD_NAME, QbText.Overflow.REFUSE));
        this.paymentMethod = ref.getFullName() == null ? null : ref;
        return this;
    }

    public RefundBuilder memo(String memo) {
        this.memo = QbText.clean(memo);
        return this;
    }

    public RefundBuilder booksCurrency(String currency) {
        this.booksCurrency = currency;
        return this;
    }

    /** Refunds {@code amount} of the credit (credit memo or payment) with this TxnID. */
    public RefundBuilder fromCredit(String creditTxnId, Money amount) {
        String id = QbText.clean(creditTxnId);
        if (id == null) {
            throw new IllegalArgumentException("TxnID of the credit is required");
        }
        Objects.requireNonNull(amount, "amount");
        if (amount.minorUnits() <= 0) {
            throw new IllegalArgumentException("A refund amount must be positive");
        }
        RefundAppliedToTxnAdd credit = new RefundAppliedToTxnAdd();
        credit.setTxnID(id);
        credit.setRefundAmount(booksCurrency == null ? QbAmounts.toAmount(amount) : QbAmounts.toAmount(amount, booksCurrency));
        credits.add(credit);
        return this;
    }

    public ARRefundCreditCardAddRq build() {
        if (customer == null) {
            throw new IllegalStateException("A refund needs the customer");
        }
        if (credits.isEmpty()) {
            throw new IllegalStateException("QuickBooks refunds only existing credits: add fromCredit(txnId, amount)");
        }
        ARRefundCreditCardAdd add = new ARRefundCreditCardAdd();
        add.setCustomerRef(customer);
        add.setRefundFromAccountRef(refundFrom);
        add.setARAccountRef(arAccount);
        add.setTxnDate(txnDate == null ? null : QbDates.date(txnDate));
        add.setRefNumber(refNumber);
        add.setPaymentMethodRef(paymentMethod);
        add.setMemo(QbText.memoWithId(memo, externalId));
        add.getRefundAppliedToTxnAdd().addAll(credits);
        ARRefundCreditCardAddRq rq = new ARRefundCreditCardAddRq();
        rq.setRequestID(requestId);
        rq.setARRefundCreditCardAdd(add);
        return rq;
    }
}
