package io.mlconnector.systems.gocardless;

import com.gocardless.resources.Customer;
import com.gocardless.resources.Event;
import com.gocardless.resources.Mandate;
import com.gocardless.resources.Payment;
import com.gocardless.resources.Payout;
import com.gocardless.resources.PayoutItem;
import com.gocardless.resources.Refund;
import com.google.gson.FieldNamingPolicy;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.annotations.SerializedName;
import io.mlconnector.api.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/** From gocardless-pro's resource classes to our records, with amounts as Money. */
final class ResourceMapper {

    /** Writes a client resource back in GoCardless's wire shape (snake_case, enum wire names). */
    private static final Gson WIRE = new GsonBuilder()
            .setFieldNamingPolicy(FieldNamingPolicy.LOWER_CASE_WITH_UNDERSCORES)
            .create();

    private ResourceMapper() {
    }

    static GoCardlessPayment payment(Payment p, String customerId) {
        String currency = currency(p.getCurrency(), "payment " + p.getId());
        Payment.Links links = p.getLinks();
        return new GoCardlessPayment(p.getId(), money(p.getAmount(), currency, "payment " + p.getId()),
                Money.ofMinor(p.getAmountRefunded() == null ? 0 : p.getAmountRefunded(), currency),
                wire(p.getStatus()), date(p.getChargeDate()), p.getReference(), p.getDescription(), p.getMetadata(),
                links == null ? null : links.getMandate(), customerId,
                links == null ? null : links.getPayout(), links == null ? null : links.getSubscription(),
                instant(p.getCreatedAt()));
    }

    static GoCardlessMandate mandate(Mandate m) {
        Mandate.Links links = m.getLinks();
        return new GoCardlessMandate(m.getId(), wire(m.getStatus()), links == null ? null : links.getCustomer(),
                links == null ? null : links.getCustomerBankAccount(), m.getReference(), m.getScheme(),
                date(m.getNextPossibleChargeDate()), m.getMetadata(), instant(m.getCreatedAt()));
    }

    static GoCardlessCustomer customer(Customer c) {
        return new GoCardlessCustomer(c.getId(), c.getEmail(), c.getGivenName(), c.getFamilyName(),
                c.getCompanyName(), c.getMetadata(), instant(c.getCreatedAt()));
    }

    static GoCardlessRefund refund(Refund r) {
        String currency = r.getCurrency();
        if (currency == null) {
            throw new GoCardlessException("GoCardless returned refund " + r.getId() + " without a currency");
        }
        Refund.Links links = r.getLinks();
        return new GoCardlessRefund(r.getId(), money(r.getAmount(), currency, "refund " + r.getId()),
                wire(r.getStatus()), links == null ? null : links.getPayment(),
                links == null ? null : links.getMandate(), r.getReference(), r.getMetadata(),
                instant(r.getCreatedAt()));
    }

    static GoCardlessPayout payout(Payout p) {
        String currency = currency(p.getCurrency(), "payout " + p.getId());
        return new GoCardlessPayout(p.getId(), money(p.getAmount(), currency, "payout " + p.getId()),
                Money.ofMinor(p.getDeductedFees() == null ? 0 : p.getDeductedFees(), currency),
                date(p.getArrivalDate()), p.getReference(), wire(p.getStatus()), wire(p.getPayoutType()),
                instant(p.getCreatedAt()));
    }

    static GoCardlessPayoutItem payoutItem(PayoutItem i, String currency) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(i.getAmount().trim());
        } catch (RuntimeException e) {
            throw new GoCardlessException("GoCardless returned a payout item amount that is not a number");
        }
        PayoutItem.Links links = i.getLinks();
        return new GoCardlessPayoutItem(wire(i.getType()), amount, currency,
                links == null ? null : links.getPayment(), links == null ? null : links.getRefund(),
                links == null ? null : links.getMandate());
    }

    static GoCardlessEvent event(Event e) {
        try {
            return EventJson.read(WIRE.toJsonTree(e), "event " + e.getId());
        } catch (GoCardlessWebhookParseException invalid) {
            throw new GoCardlessException("GoCardless returned an unreadable event: " + invalid.getMessage(), invalid);
        }
    }

    /** The wire spelling of a client enum (its {@code @SerializedName}), e.g. PAID_OUT → paid_out. */
    static String wire(Enum<?> value) {
        if (value == null) {
            return null;
        }
        try {
            SerializedName name = value.getDeclaringClass().getField(value.name()).getAnnotation(SerializedName.class);
            if (name != null) {
                return name.value();
            }
        } catch (NoSuchFieldException ignored) {
            // fall through to the lower-case name
        }
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static String currency(Enum<?> currency, String what) {
        if (currency == null || "UNKNOWN".equals(currency.name())) {
            throw new GoCardlessException("GoCardless returned " + what + " in a currency this client does not know");
        }
        return currency.name();
    }

    private static Money money(Integer minorUnits, String currency, String what) {
        if (minorUnits == null) {
            throw new GoCardlessException("GoCardless returned " + what + " without an amount");
        }
        return Money.ofMinor(minorUnits, currency);
    }

    static Instant instant(String value) {
        return value == null ? null : Instant.parse(value);
    }

    static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
