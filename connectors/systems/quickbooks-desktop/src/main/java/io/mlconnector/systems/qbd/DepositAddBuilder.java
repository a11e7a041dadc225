package io.mlconnector.systems.qbd;

import io.mlconnector.api.money.Money;
import io.mlconnector.systems.qbd.xml.DepositAdd;
import io.mlconnector.systems.qbd.xml.DepositAddRq;
import io.mlconnector.systems.qbd.xml.DepositLineAdd;
import io.mlconnector.systems.qbd.xml.ListRef;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@code DepositAddRq} for a payout: the received payments it contains move out of
 * Undeposited Funds into the bank account, and the provider's fees appear as a negative line on
 * the fee (expense) account, so the deposit total equals what actually reached the bank.
 *
 * <pre>{@code
 * QbRequests.deposit("payout-PO123")
 *     .txnDate(arrivalDate)
 *     .depositTo(QbRefs.fullName("Business Current Account"))
 *     .memo("GoCardless payout PO123")
 *     .payment(receivePaymentTxnId1)
 *     .payment(receivePaymentTxnId2)
 *     .fee(Money.ofMinor(35, "GBP"), QbRefs.fullName("GoCardless Fees"), "GoCardless fees PO123")
 *     .build();
 * }</pre>
 */
public final class DepositAddBuilder {

    private final String requestId;
    private LocalDate txnDate;
    private ListRef depositTo;
    private String memo;
    private String booksCurrency;
    private final List<DepositLineAdd> lines = new ArrayList<>();
    private final List<String> includeRetElements = new ArrayList<>();

    DepositAddBuilder(String requestId) {
        this.requestId = QbRequests.requestId(requestId);
    }

    public DepositAddBuilder txnDate(LocalDate date) {
        this.txnDate = date;
        return this;
    }

    /** The bank account the payout reached. Required. */
    public DepositAddBuilder depositTo(ListRef account) {
        this.depositTo = Objects.requireNonNull(account, "account");
        return this;
    }

    public DepositAddBuilder memo(String memo) {
        this.memo = QbText.fit("Memo", memo, QbLimits.MEMO, QbText.Overflow.TRUNCATE);
        return this;
    }

    public DepositAddBuilder booksCurrency(String currency) {
        this.booksCurrency = currency;
        return this;
    }

    /** A received payment (its ReceivePayment TxnID) now sitting in Undeposited Funds. */
    public DepositAddBuilder payment(String receivePaymentTxnId) {
        return payment(receivePaymentTxnId, null);
    }

    public DepositAddBuilder payment(String receivePaymentTxnId, String lineMemo) {
        String id = QbText.clean(receivePaymentTxnId);
        if (id == null) {
            throw new IllegalArgumentException("TxnID of the received payment is required");
        }
        DepositLineAdd line = new DepositLineAdd();
        line.setPaymentTxnID(id);
        line.setOverrideMemo(QbText.fit("Memo", lineMemo, QbLimits.MEMO, QbText.Overflow.TRUNCATE));
        lines.add(line);
        return this;
    }

    /**
     * The provider's fee, given as a positive amount; written as a negative line on the fee
     * account because it was kept back from the payout.
     */
    public DepositAddBuilder fee(Money fee, ListRef feeAccount, String lineMemo) {
        Objects.requireNonNull(fee, "fee");
        if (fee.minorUnits() < 0) {
            throw new IllegalArgumentException("Give the fee as a positive amount; it is deducted on the deposit");
        }
        if (fee.isZero()) {
            return this;
        }
        return line(feeAccount, fee.negate(), lineMemo, null);
    }

    /** Any other amount to or from an account (positive adds to the deposit, negative takes away). */
    public DepositAddBuilder line(ListRef account, Money amount, String lineMemo, ListRef entity) {
        DepositLineAdd line = new DepositLineAdd();
        line.setEntityRef(entity);
        line.setAccountRef(Objects.requireNonNull(account, "account"));
        line.setMemo(QbText.fit("Memo", lineMemo, QbLimits.MEMO, QbText.Overflow.TRUNCATE));
        line.setAmount(booksCurrency == null ? QbAmounts.toAmount(amount) : QbAmounts.toAmount(amount, booksCurrency));
        lines.add(line);
        return this;
    }

    public DepositAddBuilder includeRetElements(String... names) {
        includeRetElements.addAll(List.of(names));
        return this;
    }

    public DepositAddRq build() {
        if (depositTo == null) {
            throw new IllegalStateException("A deposit needs the account it goes to");
        }
        if (lines.isEmpty()) {
            throw new IllegalStateException("A deposit needs at least one payment or line");
        }
        DepositAdd add = new DepositAdd();
        add.setTxnDate(txnDate == null ? null : QbDates.date(txnDate));
        add.setDepositToAccountRef(depositTo);
        add.setMemo(memo);
        add.getDepositLineAdd().addAll(lines);
        DepositAddRq rq = new DepositAddRq();
        rq.setRequestID(requestId);
        rq.setDepositAdd(add);
        rq.getIncludeRetElement().addAll(includeRetElements);
        return rq;
    }
}
