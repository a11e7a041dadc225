package io.mlconnector.systems.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.Dispute;
import com.stripe.model.Invoice;
import com.stripe.model.InvoicePayment;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Payout;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.ChargeListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import com.stripe.param.CustomerUpdateParams;
import com.stripe.param.DisputeListParams;
import com.stripe.param.InvoiceCreateParams;
import com.stripe.param.InvoiceItemCreateParams;
import com.stripe.param.InvoiceListParams;
import com.stripe.param.InvoicePaymentListParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PayoutListParams;
import com.stripe.param.RefundListParams;
import io.mlconnector.api.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Stripe calls our connectors make, over the official stripe-java client, returning our own
 * records with {@link Money} amounts and one exception type, {@link StripeCallException}.
 *
 * <pre>{@code
 * StripeApi stripe = StripeApi.builder(StripeKey.parse(apiKey)).build();
 * StripePayment payment = stripe.payment("pi_123");           // or "ch_…": the same payment
 * List<StripeBalanceTransaction> items = stripe.payoutTransactions("po_123");
 * }</pre>
 *
 * <p>What this adds to the client: every create and update carries the caller's idempotency key,
 * so a retried or repeated call makes nothing twice; every list is read to its end
 * ({@code starting_after}/{@code has_more}, 100 a page); network failures, 409s and 5xx are retried
 * by the client ({@link Builder#maxNetworkRetries}), which obeys {@code Stripe-Should-Retry}. A 429
 * the client did not retry becomes {@link StripeCallException.Failure#RATE_LIMITED} for the caller
 * to slow down (the client reads no {@code Retry-After}). A restricted key lacking a permission is
 * named in the dashboard's words. The key never appears in a message.
 *
 * <p>Instances are thread-safe; build one per connection and reuse it.
 */
public final class StripeApi {

    private static final long PAGE = 100L;

    private final StripeClient client;
    private final StripeMode mode;

    private StripeApi(Builder b) {
        this.mode = b.key.mode();
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(b.key.secret())
                .setMaxNetworkRetries(b.maxNetworkRetries)
                .setConnectTimeout((int) b.connectTimeout.toMillis())
                .setReadTimeout((int) b.readTimeout.toMillis());
        if (b.apiBase != null) {
            builder.setApiBase(b.apiBase);
        }
        this.client = builder.build();
    }

    public static Builder builder(StripeKey key) {
        return new Builder(key);
    }

    /** The mode of the key this client uses. */
    public StripeMode mode() {
        return mode;
    }

    // ---------------------------------------------------------------- connection check

    /**
     * "Test connection": which account the key reaches and in which mode, then a read of one item of
     * each kind the connector needs to read, so a restricted key's missing permission is named now
     * rather than at the first payment. Write permissions cannot be tried without writing; they are
     * named when a write is refused. Never throws for Stripe failures.
     */
    public StripeConnectionCheck checkConnection(Collection<StripePermission> needed) {
        String accountId = null;
        String accountName = null;
        try {
            Account account = call("read the account", null, () -> client.v1().accounts().retrieveCurrent());
            accountId = account.getId();
            if (account.getSettings() != null && account.getSettings().getDashboard() != null) {
                accountName = account.getSettings().getDashboard().getDisplayName();
            }
            if (accountName == null && account.getBusinessProfile() != null) {
                accountName = account.getBusinessProfile().getName();
            }
        } catch (StripeCallException e) {
            if (e.failure() != StripeCallException.Failure.PERMISSION_MISSING) {
                return StripeConnectionCheck.failed(mode, checkProblem(e));
            }
            // A restricted key need not read the account; the probes below still prove the key works.
        }
        EnumSet<StripePermission> reads = EnumSet.noneOf(StripePermission.class);
        reads.addAll(needed);
        for (StripePermission p : reads) {
            try {
                probe(p);
            } catch (StripeCallException e) {
                return StripeConnectionCheck.failed(mode, checkProblem(e));
            }
        }
        return StripeConnectionCheck.reached(accountId == null ? "your Stripe account" : accountId, accountName,
                mode);
    }

    private void probe(StripePermission p) {
        switch (p) {
            case CUSTOMERS_READ -> call("read customers", p,
                    () -> client.v1().customers().list(CustomerListParams.builder().setLimit(1L).build()));
            case PAYMENT_INTENTS_READ -> call("read payments", p,
                    () -> client.v1().paymentIntents().list(PaymentIntentListParams.builder().setLimit(1L).build()));
            case CHARGES_READ -> call("read charges", p,
                    () -> client.v1().charges().list(ChargeListParams.builder().setLimit(1L).build()));
            case REFUNDS_READ -> call("read refunds", p,
                    () -> client.v1().refunds().list(RefundListParams.builder().setLimit(1L).build()));
            case DISPUTES_READ -> call("read disputes", p,
                    () -> client.v1().disputes().list(DisputeListParams.builder().setLimit(1L).build()));
            case INVOICES_READ -> call("read invoices", p,
                    () -> client.v1().invoices().list(InvoiceListParams.builder().setLimit(1L).build()));
            case PAYOUTS_READ -> call("read payouts", p,
                    () -> client.v1().payouts().list(PayoutListParams.builder().setLimit(1L).build()));
            case BALANCE_READ -> call("read balance transactions", p, () -> client.v1().balanceTransactions()
                    .list(BalanceTransactionListParams.builder().setLimit(1L).build()));
            default -> {
                // write permissions: see checkConnection
            }
        }
    }

    private static String checkProblem(StripeCallException e) {
        return switch (e.failure()) {
            case KEY_REJECTED -> "Stripe refused the API key (it may have been rolled or revoked)";
            case PERMISSION_MISSING -> e.getMessage();
            case RATE_LIMITED -> "Stripe is busy with this account's requests; try again in a minute";
            case UNAVAILABLE -> "Stripe could not be reached";
            default -> "Stripe answered with an error" + (e.status() == null ? "" : " (" + e.status() + ")");
        };
    }

    // ---------------------------------------------------------------- customers

    public StripeCustomer customer(String id) {
        return StripeRecords.customer(call("read customer " + id, StripePermission.CUSTOMERS_READ,
                () -> client.v1().customers().retrieve(id)));
    }

    /** Creates a customer; the same key and details again answer the first customer, not a second one. */
    public StripeCustomer createCustomer(StripeCustomerDetails details, String idempotencyKey) {
        CustomerCreateParams.Builder p = CustomerCreateParams.builder();
        if (details.name() != null) {
            p.setName(details.name());
        }
        if (details.email() != null) {
            p.setEmail(details.email());
        }
        if (details.phone() != null) {
            p.setPhone(details.phone());
        }
        StripeAddress a = details.address();
        if (a != null && !a.isEmpty()) {
            p.setAddress(CustomerCreateParams.Address.builder().setLine1(a.line1()).setLine2(a.line2())
                    .setCity(a.city()).setState(a.state()).setPostalCode(a.postalCode()).setCountry(a.country())
                    .build());
        }
        p.putAllMetadata(details.metadata());
        Customer c = call("create a customer", StripePermission.CUSTOMERS_WRITE,
                () -> client.v1().customers().create(p.build(), keyed(idempotencyKey)));
        return StripeRecords.customer(c);
    }

    public StripeCustomer updateCustomer(String id, StripeCustomerDetails details, String idempotencyKey) {
        CustomerUpdateParams.Builder p = CustomerUpdateParams.builder();
        if (details.name() != null) {
            p.setName(details.name());
        }
        if (details.email() != null) {
            p.setEmail(details.email());
        }
        if (details.phone() != null) {
            p.setPhone(details.phone());
        }
        StripeAddress a = details.address();
        if (a != null && !a.isEmpty()) {
            p.setAddress(CustomerUpdateParams.Address.builder().setLine1(a.line1()).setLine2(a.line2())
                    .setCity(a.city()).setState(a.state()).setPostalCode(a.postalCode()).setCountry(a.country())
                    .build());
        }
        p.putAllMetadata(details.metadata());
        Customer c = call("update customer " + id, StripePermission.CUSTOMERS_WRITE,
                () -> client.v1().customers().update(id, p.build(), keyed(idempotencyKey)));
        return StripeRecords.customer(c);
    }

    // ---------------------------------------------------------------- payments

    /**
     * A payment as Stripe holds it now, from a payment intent ({@code pi_…}) or a charge
     * ({@code ch_…}) id: one request either way.
     */
    public StripePayment payment(String id) {
        if (id.startsWith("pi_")) {
            PaymentIntent pi = call("read payment " + id, StripePermission.PAYMENT_INTENTS_READ,
                    () -> client.v1().paymentIntents().retrieve(id,
                            PaymentIntentRetrieveParams.builder().addExpand("latest_charge").build()));
            return StripeRecords.payment(pi);
        }
        Charge charge = call("read charge " + id, StripePermission.CHARGES_READ,
                () -> client.v1().charges().retrieve(id));
        return StripeRecords.payment(charge);
    }

    public StripeRefund refund(String id) {
        return StripeRecords.refund(call("read refund " + id, StripePermission.REFUNDS_READ,
                () -> client.v1().refunds().retrieve(id)));
    }

    /** Every refund of a charge, all pages. */
    public List<StripeRefund> refundsOfCharge(String chargeId) {
        List<StripeRefund> out = new ArrayList<>();
        call("read the refunds of " + chargeId, StripePermission.REFUNDS_READ, () -> {
            for (Refund r : client.v1().refunds().list(RefundListParams.builder().setCharge(chargeId)
                    .setLimit(PAGE).build()).autoPagingIterable()) {
                out.add(StripeRecords.refund(r));
            }
            return out;
        });
        return out;
    }

    public StripeDispute dispute(String id) {
        Dispute d = call("read dispute " + id, StripePermission.DISPUTES_READ,
                () -> client.v1().disputes().retrieve(id));
        return StripeRecords.dispute(d);
    }

    /** The invoice a payment intent paid, if it paid one. */
    public Optional<String> invoiceOfPayment(String paymentIntentId) {
        return call("read the invoice of " + paymentIntentId, StripePermission.INVOICES_READ, () -> {
            for (InvoicePayment ip : client.v1().invoicePayments().list(InvoicePaymentListParams.builder()
                    .setPayment(InvoicePaymentListParams.Payment.builder()
                            .setType(InvoicePaymentListParams.Payment.Type.PAYMENT_INTENT)
                            .setPaymentIntent(paymentIntentId).build())
                    .setLimit(PAGE).build()).autoPagingIterable()) {
                if (ip.getInvoice() != null) {
                    return Optional.of(ip.getInvoice());
                }
            }
            return Optional.<String>empty();
        });
    }

    // ---------------------------------------------------------------- payouts

    public StripePayout payout(String id) {
        Payout p = call("read payout " + id, StripePermission.PAYOUTS_READ, () -> client.v1().payouts().retrieve(id));
        return StripeRecords.payout(p);
    }

    /**
     * What an automatic payout carries: its balance transactions, all pages, with each charge's
     * payment intent (sources expanded). The payout's own entry is included; see
     * {@link StripeBalanceTransaction#isPayoutItself()}.
     */
    public List<StripeBalanceTransaction> payoutTransactions(String payoutId) {
        List<StripeBalanceTransaction> out = new ArrayList<>();
        call("read the transactions of payout " + payoutId, StripePermission.BALANCE_READ, () -> {
            for (BalanceTransaction t : client.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                    .setPayout(payoutId).setLimit(PAGE).addExpand("data.source").build()).autoPagingIterable()) {
                out.add(StripeRecords.balanceTransaction(t));
            }
            return out;
        });
        return out;
    }

    // ---------------------------------------------------------------- invoices

    public StripeInvoice invoice(String id) {
        return StripeRecords.invoice(call("read invoice " + id, StripePermission.INVOICES_READ,
                () -> client.v1().invoices().retrieve(id)));
    }

    /**
     * Creates an invoice with one line, then (if asked) finalises and sends it. Each step has its own
     * key derived from {@code idempotencyKey}, so the whole can be repeated after a failure midway.
     */
    public StripeInvoice createInvoice(StripeNewInvoice invoice, String idempotencyKey) {
        Money amount = invoice.amount();
        String currency = amount.currency().toLowerCase(java.util.Locale.ROOT);
        InvoiceCreateParams.Builder p = InvoiceCreateParams.builder()
                .setCustomer(invoice.customerId())
                .setCurrency(currency)
                .setAutoAdvance(false)
                .putAllMetadata(invoice.metadata());
        if (invoice.description() != null) {
            p.setDescription(invoice.description());
        }
        if (invoice.send()) {
            p.setCollectionMethod(InvoiceCreateParams.CollectionMethod.SEND_INVOICE)
                    .setDaysUntilDue((long) invoice.daysUntilDue());
        }
        Invoice created = call("create an invoice", StripePermission.INVOICES_WRITE,
                () -> client.v1().invoices().create(p.build(), keyed(idempotencyKey)));
        InvoiceItemCreateParams.Builder line = InvoiceItemCreateParams.builder()
                .setCustomer(invoice.customerId())
                .setInvoice(created.getId())
                .setAmount(amount.minorUnits())
                .setCurrency(currency);
        if (invoice.description() != null) {
            line.setDescription(invoice.description());
        }
        call("add the invoice's line", StripePermission.INVOICES_WRITE,
                () -> client.v1().invoiceItems().create(line.build(), keyed(idempotencyKey + "-line")));
        Invoice result = created;
        if (invoice.send()) {
            call("finalise the invoice", StripePermission.INVOICES_WRITE,
                    () -> client.v1().invoices().finalizeInvoice(created.getId(), keyed(idempotencyKey + "-final")));
            result = call("send the invoice", StripePermission.INVOICES_WRITE,
                    () -> client.v1().invoices().sendInvoice(created.getId(), keyed(idempotencyKey + "-send")));
        } else {
            result = call("read the invoice", StripePermission.INVOICES_READ,
                    () -> client.v1().invoices().retrieve(created.getId()));
        }
        return StripeRecords.invoice(result);
    }

    // ---------------------------------------------------------------- plumbing

    private static RequestOptions keyed(String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "every create carries an idempotency key");
        if (idempotencyKey.isBlank() || idempotencyKey.length() > 255) {
            throw new IllegalArgumentException("An idempotency key has 1 to 255 characters");
        }
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws StripeException;
    }

    private static <T> T call(String what, StripePermission permission, Call<T> call) {
        try {
            return call.run();
        } catch (RateLimitException e) {
            throw new StripeCallException("Stripe asked us to slow down while trying to " + what,
                    StripeCallException.Failure.RATE_LIMITED, e.getStatusCode(), permission, e);
        } catch (PermissionException e) {
            String words = permission == null ? "" : ": give it \"" + permission.words()
                    + "\" in the Stripe dashboard (Developers, API keys)";
            throw new StripeCallException("The restricted Stripe key is not allowed to " + what + words,
                    StripeCallException.Failure.PERMISSION_MISSING, e.getStatusCode(), permission, e);
        } catch (AuthenticationException e) {
            throw new StripeCallException("Stripe refused the API key while trying to " + what
                    + " (it may have been rolled or revoked)", StripeCallException.Failure.KEY_REJECTED,
                    e.getStatusCode(), permission, e);
        } catch (ApiConnectionException e) {
            throw new StripeCallException("Stripe could not be reached to " + what,
                    StripeCallException.Failure.UNAVAILABLE, null, permission, e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            String said = e.getStripeError() != null && e.getStripeError().getMessage() != null
                    ? " (" + e.getStripeError().getMessage() + ")" : "";
            StripeCallException.Failure failure = status == null || status >= 500
                    ? StripeCallException.Failure.UNAVAILABLE
                    : status == 404 ? StripeCallException.Failure.NOT_FOUND : StripeCallException.Failure.REFUSED;
            throw new StripeCallException("Could not " + what + ": Stripe answered "
                    + (status == null ? "with an error" : String.valueOf(status)) + said, failure, status, permission, e);
        } catch (RuntimeException e) {
            // stripe-java's pagers wrap failures of later pages in unchecked exceptions.
            if (e.getCause() instanceof StripeException se) {
                return call(what, permission, () -> {
                    throw se;
                });
            }
            throw e;
        }
    }

    /** Settings for one connection's client. */
    public static final class Builder {
        private final StripeKey key;
        private String apiBase;
        private int maxNetworkRetries = 2;
        private Duration connectTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(80);

        private Builder(StripeKey key) {
            this.key = Objects.requireNonNull(key, "key");
        }

        /** Another API address, e.g. a fake on loopback in tests; by default Stripe's. */
        public Builder apiBase(String apiBase) {
            this.apiBase = apiBase;
            return this;
        }

        /** Retries of a failed request (network, 409, 5xx, or a 429 Stripe says to retry); default 2. */
        public Builder maxNetworkRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative");
            }
            this.maxNetworkRetries = retries;
            return this;
        }

        public Builder timeouts(Duration connect, Duration read) {
            this.connectTimeout = Objects.requireNonNull(connect);
            this.readTimeout = Objects.requireNonNull(read);
            return this;
        }

        public StripeApi build() {
            return new StripeApi(this);
        }
    }

    static Instant instant(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds);
    }

    static Map<String, String> metadata(Map<String, String> m) {
        return m == null ? Map.of() : m;
    }
}
