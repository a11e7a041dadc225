package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.xml.AppliedToTxnAdd;
import io.mlconnector.systems.qbd.xml.ListRef;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAdd;
import io.mlconnector.systems.qbd.xml.ReceivePaymentAddRq;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@code ReceivePaymentAddRq}: money received from a customer, applied to invoices.
 *
 * <p>{@link #externalId} stores the payment provider's id twice: as RefNumber (20 characters,
 * the end kept when longer, see {@link QbText#reference}) so a later {@code ReceivePaymentQuery}
 * by RefNumber finds it before anything is posted twice, and in full in the Memo, so a person can
 * always see it. Either {@link #autoApply()} or at least one {@link #applyTo} is required, as
 * QuickBooks requires.
 */
public final class ReceivePaymentAddBuilder {

    private final String requestId;
    private ListRef customer;
    private ListRef arAccount;
    private LocalDate txnDate;
    private String refNumber;
    private String externalId;
    private Money total;
    private ListRef paymentMethod;
    private String memo;
    private ListRef depositTo;
    private boolean autoApply;
    private final List<Application> applications = new ArrayList<>();
    private String booksCurrency;
    private final List<String> includeRetElements = new ArrayList<>();

    private record Application(String txnId, Money amount) {
    }

    ReceivePaymentAddBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public ReceivePaymentAddBuilder customerListId(String listId) {
        this.customer = QbRefs.listId(listId);
        return this;
    }

    public ReceivePaymentAddBuilder customer(ListRef customer) {
        this.customer = Objects.requireNonNull(customer, "customer");
        return this;
    }

    public ReceivePaymentAddBuilder arAccount(ListRef account) {
        this.arAccount = account;
        return this;
    }

    public ReceivePaymentAddBuilder txnDate(LocalDate date) {
        this.txnDate = date;
        return this;
    }

    /** The payment provider's id: becomes the RefNumber and is appended to the Memo in full. */
    public ReceivePaymentAddBuilder externalId(String externalId) {
        this.externalId = QbText.clean(externalId);
        this.refNumber = QbText.reference(externalId, QbLimits.PAYMENT_REF_NUMBER);
        return this;
    }

    /** A RefNumber of the plugin's own making; refused when longer than 20 characters. */
    public ReceivePaymentAddBuilder refNumber(String refNumber) {
        this.refNumber = QbText.fit("RefNumber", refNumber, QbLimits.PAYMENT_REF_NUMBER, QbText.Overflow.REFUSE);
        return this;
    }

    public ReceivePaymentAddBuilder totalAmount(Money total) {
        this.total = Objects.requireNonNull(total, "total");
        return this;
    }

    /** Refuse amounts in any other currency than the books' (e.g. the home currency from preferences). */
    public ReceivePaymentAddBuilder booksCurrency(String currency) {
        this.booksCurrency = currency;
        return this;
    }

    /** By name, e.g. {@code "GoCardless"} or {@code "Stripe"} (31 characters at most). */
    public ReceivePaymentAddBuilder paymentMethod(String fullName) {
        ListRef ref = new ListRef();
        ref.setFullName(QbText.fit("PaymentMethod", fullName, QbLimits.PAYMENT_METHOD_NAME, QbText.Overflow.REFUSE));
        this.paymentMethod = ref.getFullName() == null ? null : ref;
        return this;
    }

    public ReceivePaymentAddBuilder paymentMethod(ListRef method) {
        this.paymentMethod = method;
        return this;
    }

    /** Free text; shortened if, with the external id, it would exceed 4095 characters (see {@link QbText#memoWithId}). */
    public ReceivePaymentAddBuilder memo(String memo) {
        this.memo = QbText.clean(memo);
        return this;
    }

    /**
     * The account the money goes to: a bank or clearing account, or omitted for Undeposited Funds
     * (then a later deposit moves it to the bank, see {@link DepositAddBuilder}).
     */
    public ReceivePaymentAddBuilder depositToAccount(ListRef account) {
        this.depositTo = account;
        return this;
    }

    /** Let QuickBooks apply the payment to the customer's oldest open invoices. */
    public ReceivePaymentAddBuilder autoApply() {
        this.autoApply = true;
        return this;
    }

    /** Pays {@code amount} of the invoice (or other open charge) with TxnID {@code txnId}. */
    public ReceivePaymentAddBuilder applyTo(String txnId, Money amount) {
        String id = QbText.clean(txnId);
        if (id == null) {
            throw new IllegalArgumentException("TxnID of the invoice is required");
        }
        applications.add(new Application(id, Objects.requireNonNull(amount, "amount")));
        return this;
    }

    /** Asks QuickBooks to answer with only these elements of the ReceivePaymentRet (e.g. TxnID). */
    public ReceivePaymentAddBuilder includeRetElements(String... names) {
        includeRetElements.addAll(List.of(names));
        return this;
    }

    public ReceivePaymentAddRq build() {
        if (customer == null) {
            throw new IllegalStateException("ReceivePayment needs a customer");
        }
        if (autoApply == !applications.isEmpty()) {
            throw new IllegalStateException("Say either autoApply() or applyTo(invoice, amount), not both or neither");
        }
        ReceivePaymentAdd add = new ReceivePaymentAdd();
        add.setCustomerRef(customer);
        add.setARAccountRef(arAccount);
        add.setTxnDate(txnDate == null ? null : QbDates.date(txnDate));
        add.setRefNumber(refNumber);
        if (total != null) {
            add.setTotalAmount(amount(total));
        }
        add.setPaymentMethodRef(paymentMethod);
        add.setMemo(QbText.memoWithId(memo, externalId));
        add.setDepositToAccountRef(depositTo);
        if (autoApply) {
            add.setIsAutoApply(Boolean.TRUE);
        } else {
            Money applied = null;
            for (Application application : applications) {
                AppliedToTxnAdd line = new AppliedToTxnAdd();
                line.setTxnID(application.txnId());
                line.setPaymentAmount(amount(application.amount()));
                add.getAppliedToTxnAdd().add(line);
                applied = applied == null ? application.amount() : applied.plus(application.amount());
            }
            if (total != null && applied != null && applied.compareTo(total) > 0) {
                throw new IllegalStateException("Applied " + applied + " is more than the payment's " + total);
            }
        }
        ReceivePaymentAddRq rq = new ReceivePaymentAddRq();
        rq.setRequestID(requestId);
        rq.setReceivePaymentAdd(add);
        rq.getIncludeRetElement().addAll(includeRetElements);
        return rq;
    }

    private String amount(Money money) {
        return booksCurrency == null ? QbAmounts.toAmount(money) : QbAmounts.toAmount(money, booksCurrency);
    }
}
