package io.mlconnector.systems.zuora.callout;

import com.sun.net.httpserver.HttpServer;
import io.mlconnector.api.webhook.WebhookRequest;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A loopback endpoint that checks each callout with {@link CalloutVerifier}: 401 or 200. */
final class CalloutReceiver implements AutoCloseable {

    private final HttpServer server;
    private final List<String> accepted = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    CalloutReceiver(CalloutAuth auth) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/callout", exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                WebhookRequest request = new WebhookRequest("zuora", body, exchange.getRequestHeaders(), List.of());
                Optional<String> problem = CalloutVerifier.problem(request, auth);
                synchronized (this) {
                    if (problem.isPresent()) {
                        refusals.add(problem.get());
                    } else {
                        accepted.add(request.bodyText());
                    }
                }
                exchange.sendResponseHeaders(problem.isPresent() ? 401 : 200, -1);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/callout";
    }

    synchronized List<String> accepted() {
        return List.copyOf(accepted);
    }

    synchronized List<String> refusals() {
        return List.copyOf(refusals);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
