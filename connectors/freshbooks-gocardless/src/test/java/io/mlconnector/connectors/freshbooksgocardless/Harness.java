package io.mlconnector.connectors.freshbooksgocardless;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.api.oauth.AccessToken;
import io.mlconnector.api.oauth.Connected;
import io.mlconnector.api.webhook.InboundEvent;
import io.mlconnector.api.webhook.WebhookRequest;
import io.mlconnector.api.webhook.WebhookResult;
import io.mlconnector.testkit.context.InMemoryConnectorContext;
import io.mlconnector.testkit.freshbooks.FakeFreshBooks;
import io.mlconnector.testkit.gocardless.FakeGoCardless;
import io.mlconnector.testkit.gocardless.WebhookSender;
import io.mlconnector.testkit.oauth.FakeOAuthServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connector between the fakes, with just enough of a platform around it: a loopback receiver that
 * passes deliveries to {@code receiveWebhook} with the connection's stored secrets and keeps accepted
 * events once per id, like the platform's inbox, and a loop that hands them to {@code handle}.
 */
final class Harness implements AutoCloseable {

    static final String GC_SECRET = "gc-webhook-secret";

    final FakeFreshBooks freshbooks = FakeFreshBooks.start();
    final FakeGoCardless gocardless = FakeGoCardless.start();
    final FakeOAuthServer auth = FakeOAuthServer.start();
    final FreshBooksGoCardlessConnector connector = new FreshBooksGoCardlessConnector();
    final InMemoryConnectorContext ctx;
    final List<Integer> statuses = new ArrayList<>();
    private final Deque<InboundEvent> inbox = new ArrayDeque<>();
    private final Set<String> stored = new HashSet<>();
    private final HttpServer receiver;
    private final String receiverBase;

    Harness() {
        try {
            receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        receiverBase = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/webhooks/token/";
        receiver.createContext("/webhooks/token/", this::receive);
        receiver.start();
        auth.registerClient("freshbooks-app", "app-secret");
        freshbooks.checkTokensWith(auth::accepts);
        ctx = InMemoryConnectorContext.builder()
                .spec(connector.spec())
                .credential(Keys.GC_TOKEN, gocardless.accessToken())
                .credential(Keys.GC_WEBHOOK_SECRET, GC_SECRET)
                .baseUrl(Keys.FRESHBOOKS, freshbooks.baseUrl())
                .baseUrl(Keys.GOCARDLESS, gocardless.baseUrl())
                .webhookUrl(Keys.FRESHBOOKS, receiverBase + Keys.FRESHBOOKS)
                .webhookUrl(Keys.GOCARDLESS, receiverBase + Keys.GOCARDLESS)
                .build();
        ctx.oauth().put(token(Map.of()));
        ctx.oauth().renewWith(Keys.FRESHBOOKS, () -> token(ctx.oauth().current(Keys.FRESHBOOKS).values()));
    }

    private AccessToken token(Map<String, String> values) {
        FakeOAuthServer.Tokens minted = auth.issueTokens("freshbooks-app");
        return new AccessToken(Keys.FRESHBOOKS, minted.accessToken(), minted.accessTokenExpiresAt(), null, values);
    }

    private void receive(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
        String source = exchange.getRequestURI().getPath().substring("/webhooks/token/".length());
        byte[] body = exchange.getRequestBody().readAllBytes();
        String secretKey = Keys.FRESHBOOKS.equals(source) ? Keys.VERIFIERS : Keys.GC_WEBHOOK_SECRET;
        WebhookRequest request = new WebhookRequest(source, body, exchange.getRequestHeaders(),
                ctx.credentials().all(secretKey));
        WebhookResult result = connector.receiveWebhook(request, ctx);
        int status;
        if (result instanceof WebhookResult.Accepted accepted) {
            synchronized (inbox) {
                for (InboundEvent event : accepted.events()) {
                    if (stored.add(event.source() + "/" + event.id())) {
                        inbox.add(event);
                    }
                }
            }
            status = accepted.status();
        } else {
            status = ((WebhookResult.Rejected) result).status();
        }
        synchronized (statuses) {
            statuses.add(status);
        }
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    /** What the platform does after the person consented: asks who was connected and keeps the values. */
    Connected connect() {
        Connected connected = connector.onConnected(Keys.FRESHBOOKS, ctx);
        AccessToken current = ctx.oauth().current(Keys.FRESHBOOKS);
        ctx.oauth().put(new AccessToken(current.system(), current.value(), current.expiresAt(), null, connected.values()));
        return connected;
    }

    /** Connects and completes the verification of every callback. */
    Harness connected() {
        connect();
        deliverFreshBooks();
        handleAll();
        return this;
    }

    /** Posts what FreshBooks has queued, in order; returns the answers. */
    List<Integer> deliverFreshBooks() {
        return freshbooks.deliverAll();
    }

    /** Sends GoCardless's new events to the connection's GoCardless address. */
    void deliverGoCardless() {
        new WebhookSender(GC_SECRET).send(URI.create(receiverBase + Keys.GOCARDLESS), gocardless.takeNewEvents());
    }

    /** Hands every stored event to the connector, including those its handling causes, until none is left. */
    void handleAll() {
        for (int guard = 0; guard < 1000; guard++) {
            InboundEvent next;
            synchronized (inbox) {
                next = inbox.poll();
            }
            if (next == null) {
                deliverFreshBooks();
                synchronized (inbox) {
                    if (inbox.isEmpty()) {
                        return;
                    }
                }
                continue;
            }
            connector.handle(next, ctx);
        }
        throw new IllegalStateException("events keep coming");
    }

    /** Both systems' webhooks delivered and handled until quiet. */
    void settle() {
        deliverFreshBooks();
        deliverGoCardless();
        handleAll();
        deliverGoCardless();
        handleAll();
    }

    int storedEvents() {
        return stored.size();
    }

    @Override
    public void close() {
        receiver.stop(0);
        freshbooks.close();
        gocardless.close();
        auth.close();
    }
}
