package io.mlconnector.web.testing;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.platform.testing.TestConnector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A stand-in pair for page tests, shaped like a payments → desktop-accounting connector: a payments
 * side with an API key and a webhook signing secret, an accounting side reached through the Web
 * Connector, required settings, and both ways real connectors hold a record for a person: an audit
 * step {@code customer.unmatched} naming the payer to match (event type {@code attention}), or a
 * {@link MatchQuestion} offering the accounting customers' pick list (event type {@code asks}; the
 * list is filled by an event of type {@code customers}, as a poll of the accounting side would). The deposit
 * account setting is chosen from the accounting side's accounts, a list an event of type {@code accounts}
 * fills: with object {@code all} the accounts below, with {@code renamed} the same after Undeposited Funds
 * was renamed in the books.
 * Test Pay refuses an API key in {@link #REVOKED_KEYS}, for every event and for "Test connection".
 * Other webhooks and outcomes are those of the platform's {@link TestConnector}.
 */
public class DesktopPairConnector extends TestConnector {

    public static final String ID = "test-desktop-pair";
    public static final String PAYER_PREFIX = "CU-";
    /** What Test Pay says about a revoked API key. */
    public static final String REFUSED = "Test Pay refused the API key (401 Unauthorized)";
    /** Objects whose "broken" events cannot be processed until a test removes them from here. */
    public static final Set<String> BROKEN = ConcurrentHashMap.newKeySet();
    /** API keys Test Pay no longer accepts (revoked there): tests add a connection's own key. */
    public static final Set<String> REVOKED_KEYS = ConcurrentHashMap.newKeySet();
    /** The pick list of Test Desktop Books customers. */
    public static final String CUSTOMERS_LIST = "test-desktop-customers";
    public static final Choice ADA = new Choice("80000001-1700000001", "Ada Lovelace", "ada@example.com");
    public static final Choice HOPPER = new Choice("80000002-1700000002", "Hopper Consulting Ltd", "Grace Hopper · accounts@hopper.example");
    public static final Choice BABBAGE = new Choice("80000003-1700000003", "Babbage & Sons", "charles@babbage.example");
    /** The three above and 25 more, so that a list is longer than a page shows. */
    public static final List<Choice> CUSTOMERS = customers();
    /** The pick list of Test Desktop Books accounts, offered by the deposit account setting. */
    public static final String ACCOUNTS_LIST = "test-desktop-accounts";
    public static final String DEPOSIT_SETTING = "deposit_account";
    public static final String UNDEPOSITED = "Undeposited Funds";
    public static final Choice UNDEPOSITED_FUNDS = new Choice(UNDEPOSITED, UNDEPOSITED, "Other current asset");
    public static final Choice BARCLAYS = new Choice("Barclays Current", "Barclays Current", "Bank");
    /** An account known by an id that is not its name, as some systems list them. */
    public static final Choice PETTY_CASH = new Choice("80000010-1700000010", "Petty Cash", null);
    public static final Choice AWAITING_DEPOSIT = new Choice("Funds Awaiting Deposit", "Funds Awaiting Deposit", "Other current asset");

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, "1.0.0", "Test Desktop Books ↔ Test Pay", "Moves Test Pay payments into Test Desktop Books.",
                List.of(SystemSpec.of("test-pay", "Test Pay",
                                CredentialField.secret("api_key", "API key", "From Test Pay's developer page").matching("tk_[a-z0-9]{8,}"),
                                CredentialField.secret(SECRET_FIELD, "Webhook signing secret", "From Test Pay's webhook page").optional()),
                        SystemSpec.webConnector("test-desktop", "Test Desktop Books")),
                List.of(SettingField.choice("posting", "Post when", "When a payment is posted", "confirmed", "confirmed", "paid_out"),
                        SettingField.text("bank_account", "Bank account for payouts", "The bank account payouts go to.", null),
                        SettingField.number("qbwc_run_every_minutes", "Web Connector runs every (minutes)", "How often", 15),
                        SettingField.flag("reverse", "Collect open invoices", "Also the other way round", false),
                        SettingField.text(DEPOSIT_SETTING, "Deposit payments to", "The account received payments go to.", UNDEPOSITED)
                                .offering(ACCOUNTS_LIST, "test-desktop")),
                List.of(new WebhookSource("test-pay", "Test Pay", SECRET_FIELD, "Paste the URL under Developers → Webhooks in Test Pay.")),
                List.of(new ScheduleSpec("poll", Duration.ofMinutes(5), "Looks for missed events")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        if (revoked(context)) {
            return CheckResult.of(CheckResult.problem("Test Pay", REFUSED), CheckResult.ok("Test Desktop Books", "Test Desktop Books answered"));
        }
        return super.check(context);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        if (revoked(context)) {
            throw new CredentialsRejected("test-pay", REFUSED);
        }
        if ("customers".equals(event.type())) {
            context.pickLists().put(CUSTOMERS_LIST, CUSTOMERS);
            return;
        }
        if ("accounts".equals(event.type())) {
            context.pickLists().replace(ACCOUNTS_LIST, "renamed".equals(event.objectId())
                    ? List.of(AWAITING_DEPOSIT, BARCLAYS, PETTY_CASH) : List.of(UNDEPOSITED_FUNDS, BARCLAYS, PETTY_CASH));
            return;
        }
        if ("asks".equals(event.type())) {
            asks(event, context);
            return;
        }
        if ("broken".equals(event.type())) {
            context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
            if (BROKEN.contains(event.objectId())) {
                throw new CannotProcess("Test Desktop Books refused payment " + event.objectId() + ": its invoice is closed");
            }
            super.handle(new InboundEvent(event.source(), event.id(), "ok", event.objectId(), event.occurredAt(), event.payload()), context);
            return;
        }
        if (!"attention".equals(event.type())) {
            super.handle(event, context);
            return;
        }
        String payer = PAYER_PREFIX + event.objectId();
        context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
        String customer = context.ids().target("customer", payer).orElse(null);
        if (customer == null) {
            context.audit().record(event.objectId(), "customer.unmatched", "ok", payer, null, "No customer matches " + payer);
            context.syncRecords().needsAttention("payment", event.objectId(), "No Test Desktop Books customer matches payer " + payer);
            return;
        }
        String target = "T-" + event.objectId();
        context.ids().put("payment", event.objectId(), target);
        context.audit().record(event.objectId(), "payment.posted", "ok", event.objectId(), target, "for customer " + customer);
        context.syncRecords().done("payment", event.objectId(), target);
    }

    /**
     * A payment whose payer no customer matches is held with a question offering the customers' list.
     * Payment {@code PX.2} is paid by the payer of {@code PX}, so several payments can wait for one answer.
     */
    private static void asks(InboundEvent event, ConnectorContext context) {
        String object = event.objectId();
        String payer = PAYER_PREFIX + (object.contains(".") ? object.substring(0, object.indexOf('.')) : object);
        context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
        String customer = context.ids().target("customer", payer).orElse(null);
        if (customer == null) {
            context.syncRecords().needsAttention("payment", event.objectId(), "No Test Desktop Books customer has the name or e-mail of payer " + payer,
                    new MatchQuestion("customer", payer, "customer", CUSTOMERS_LIST));
            return;
        }
        String target = "T-" + event.objectId();
        context.ids().put("payment", event.objectId(), target);
        context.audit().record(event.objectId(), "payment.posted", "ok", event.objectId(), target, "for customer " + customer);
        context.syncRecords().done("payment", event.objectId(), target);
    }

    private static boolean revoked(ConnectorContext context) {
        return context.credentials().get("api_key").map(REVOKED_KEYS::contains).orElse(false);
    }

    private static List<Choice> customers() {
        List<Choice> all = new ArrayList<>(List.of(ADA, HOPPER, BABBAGE));
        for (int i = 1; i <= 25; i++) {
            String n = String.format("%02d", i);
            all.add(new Choice("800001" + n + "-1700000100", "Customer " + n, "customer" + n + "@example.com"));
        }
        return List.copyOf(all);
    }
}
