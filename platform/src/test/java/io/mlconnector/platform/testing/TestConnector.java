package io.mlconnector.platform.testing;

import io.mlconnector.api.CannotProcess;
import io.mlconnector.api.Connector;
import io.mlconnector.api.CredentialsRejected;
import io.mlconnector.api.RetryLater;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.MatchQuestion;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.api.spec.ConnectorSpec;
import io.mlconnector.api.spec.CredentialField;
import io.mlconnector.api.spec.ScheduleSpec;
import io.mlconnector.api.spec.SettingField;
import io.mlconnector.api.spec.SystemSpec;
import io.mlconnector.api.spec.WebhookSource;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A connector for platform tests. Webhooks are {@code {"events":[{"id":"E1","type":"ok","object":"O1"},…]}}
 * signed with hex HMAC-SHA256 of the body in {@code X-Test-Signature}. The event type says what
 * {@code handle} does: {@code ok} posts the object once (id ledger), {@code fail} cannot be processed,
 * {@code flaky} fails twice then works, {@code attention} needs a person, {@code hang} blocks,
 * {@code crash} throws an unexpected error,
 * {@code alert} raises an alert, {@code slow} takes 30 ms, {@code flaky-early} fails four times before opening any record,
 * {@code question} asks a person which Test Books customer payer {@code P-<object>} is ({@code question:<payer>} names
 * the payer), offering {@link #CUSTOMERS},
 * {@code credentials} is refused by Test Pay while {@link #REFUSE_CREDENTIALS} is set, {@code accounts} reads
 * {@link #booksAccounts} into the {@link #ACCOUNTS} list.
 */
public class TestConnector implements Connector {

    public static final String ID = "test-pair";
    public static final String SECRET_FIELD = "signing_secret";
    private static final Pattern EVENT = Pattern.compile(
            "\\{\"id\":\"([^\"]+)\",\"type\":\"([^\"]+)\",\"object\":\"([^\"]+)\"}");

    /** Objects "posted" to the imaginary target system, by object id: must never exceed one each. */
    public static final Map<String, AtomicInteger> POSTED = new ConcurrentHashMap<>();
    /** How often handle ran per event id. */
    public static final Map<String, AtomicInteger> HANDLED = new ConcurrentHashMap<>();
    public static volatile CountDownLatch hangRelease = new CountDownLatch(1);
    /** While set, Test Pay refuses the stored API key. */
    public static final java.util.concurrent.atomic.AtomicBoolean REFUSE_CREDENTIALS = new java.util.concurrent.atomic.AtomicBoolean();
    /** Test Books' accounts, offered for the deposit account setting; filled by the event type {@code accounts}. */
    public static final String ACCOUNTS = "test-books-accounts";
    /** What the next {@code accounts} event reads from Test Books. */
    public static volatile List<Choice> booksAccounts = List.of();
    /** Events Test Pay's event list returns to the next run of the {@code poll} schedule, by connection. */
    public static final Map<java.util.UUID, List<InboundEvent>> TO_POLL = new ConcurrentHashMap<>();
    /** The pick list of Test Books customers a person chooses from. */
    public static final String CUSTOMERS = "test-books-customers";

    @Override
    public ConnectorSpec spec() {
        return new ConnectorSpec(ID, "1.0.0", "Test Books ↔ Test Pay", "Moves test payments into test books.",
                List.of(SystemSpec.of("test-pay", "Test Pay",
                                CredentialField.secret("api_key", "API key", "From Test Pay's developer page").matching("tk_[a-z0-9]{8,}"),
                                CredentialField.secret(SECRET_FIELD, "Webhook signing secret", "From Test Pay's webhook page")),
                        SystemSpec.of("test-books", "Test Books", CredentialField.plain("company", "Company id", "Shown in Test Books").optional())),
                List.of(SettingField.choice("posting", "Post when", "When a payment is posted", "confirmed", "confirmed", "paid_out"),
                        SettingField.text("deposit_account", "Deposit account", "Where payments go", "Undeposited Funds")
                                .offering(ACCOUNTS)),
                List.of(new WebhookSource("test-pay", "Test Pay", SECRET_FIELD, "Paste the URL under Developers → Webhooks")),
                List.of(new ScheduleSpec("poll", Duration.ofMinutes(5), "Looks for events missed by webhooks")));
    }

    @Override
    public CheckResult check(ConnectorContext context) {
        boolean keyOk = context.credentials().get("api_key").isPresent() && !REFUSE_CREDENTIALS.get();
        return CheckResult.of(
                keyOk ? CheckResult.ok("Test Pay", "Connected to Test Pay") : CheckResult.problem("Test Pay", "No API key is saved yet"),
                CheckResult.ok("Test Books", "Test Books answered"));
    }

    @Override
    public WebhookResult receiveWebhook(WebhookRequest request, ConnectorContext context) {
        String signature = request.header("X-Test-Signature").orElse("");
        boolean valid = request.secrets().stream().anyMatch(secret -> MessageDigest.isEqual(
                sign(request.body(), secret).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII)));
        if (!valid) {
            return WebhookResult.rejected(498, "Invalid signature");
        }
        String body = request.bodyText();
        if (!body.startsWith("{\"events\":[")) {
            return WebhookResult.rejected(400, "Not a Test Pay webhook");
        }
        List<InboundEvent> events = new ArrayList<>();
        Matcher matcher = EVENT.matcher(body);
        while (matcher.find()) {
            if (!matcher.group(2).equals("ignored")) {
                events.add(new InboundEvent("test-pay", matcher.group(1), matcher.group(2), matcher.group(3), null, matcher.group()));
            }
        }
        return WebhookResult.accepted(events, events.isEmpty() ? 204 : 200);
    }

    @Override
    public void handle(InboundEvent event, ConnectorContext context) {
        int run = HANDLED.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (event.type().equals("flaky-early") && run <= 4) {
            throw new IllegalStateException("fails before it opens a record");
        }
        context.syncRecords().open("payment", event.objectId(), "Test payment " + event.objectId());
        String type = event.type().startsWith("question:") ? "question" : event.type();
        switch (type) {
            case "fail" -> throw new CannotProcess("The invoice for " + event.objectId() + " is closed");
            case "flaky" -> {
                if (run <= 2) {
                    throw new RetryLater("Test Books is busy", Duration.ofMillis(200));
                }
            }
            case "attention" -> {
                if (context.ids().target("customer", event.objectId()).isEmpty()) {
                    context.syncRecords().needsAttention("payment", event.objectId(), "Which customer paid this?");
                    return;
                }
            }
            case "question" -> {
                // "question:ACME" asks about payer ACME, so several payments can wait for one answer.
                String payer = event.type().startsWith("question:") ? event.type().substring("question:".length())
                        : "P-" + event.objectId();
                java.util.Optional<String> customer = context.ids().target("customer", payer);
                if (customer.isEmpty()) {
                    context.pickLists().put(CUSTOMERS, List.of(
                            new Choice("C-100", "Alder Bakery", "accounts@alder.example"),
                            new Choice("C-200", "Birch Builders Ltd", "pay@birch.example"),
                            new Choice("C-300", "Cedar Dental", null)));
                    context.syncRecords().needsAttention("payment", event.objectId(), "No Test Books customer matches payer " + payer,
                            new MatchQuestion("customer", payer, "customer", CUSTOMERS));
                    return;
                }
                String target = customer.get() + "/" + event.objectId();
                if (context.ids().put("payment", event.objectId(), target)) {
                    POSTED.computeIfAbsent(event.objectId(), id -> new AtomicInteger()).incrementAndGet();
                }
                context.syncRecords().done("payment", event.objectId(), target);
                return;
            }
            case "accounts" -> {
                context.pickLists().replace(ACCOUNTS, booksAccounts);
                return;
            }
            case "credentials" -> {
                if (REFUSE_CREDENTIALS.get()) {
                    throw new CredentialsRejected("test-pay", "Test Pay says the API key was revoked.");
                }
            }
            case "hang" -> {
                try {
                    hangRelease.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new RetryLater("interrupted");
                }
            }
            case "crash" -> throw new IllegalStateException("unexpected bug in the connector");
            case "alert" -> context.alerts().raise("Payment " + event.objectId() + " failed",
                    "The customer's bank refused the collection. Contact the customer.", event.objectId());
            case "slow" -> {
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            default -> { }
        }
        String target = "T-" + event.objectId();
        if (context.ids().put("payment", event.objectId(), target)) {
            POSTED.computeIfAbsent(event.objectId(), id -> new AtomicInteger()).incrementAndGet();
            context.audit().record(event.id(), "payment.posted", "ok", event.objectId(), target, null);
        }
        context.syncRecords().done("payment", event.objectId(), target);
    }

    /** The {@code poll} schedule reads Test Pay's event list ({@link #TO_POLL}) and offers it to the inbox. */
    @Override
    public void runSchedule(String scheduleId, ConnectorContext context) {
        List<InboundEvent> polled = TO_POLL.remove(context.connectionId());
        if ("poll".equals(scheduleId) && polled != null) {
            context.inbox().offer("test-pay", polled);
        }
    }

    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String body(String... idTypeObject) {
        StringBuilder json = new StringBuilder("{\"events\":[");
        for (int i = 0; i + 2 < idTypeObject.length; i += 3) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"").append(idTypeObject[i]).append("\",\"type\":\"")
                    .append(idTypeObject[i + 1]).append("\",\"object\":\"").append(idTypeObject[i + 2]).append("\"}");
        }
        return json.append("]}").toString();
    }
}
