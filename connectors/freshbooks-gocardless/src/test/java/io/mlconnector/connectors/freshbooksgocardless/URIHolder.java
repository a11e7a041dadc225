package io.mlconnector.connectors.freshbooksgocardless;

import io.mlconnector.testkit.gocardless.FakeGoCardlessEvent;
import io.mlconnector.testkit.gocardless.WebhookSender;
import java.net.URI;
import java.util.List;

/** Sends chosen GoCardless events to the harness's GoCardless address (e.g. the same batch twice). */
final class URIHolder {

    private URIHolder() {
    }

    static void send(WebhookSender sender, Harness h, List<FakeGoCardlessEvent> events) {
        sender.send(URI.create(h.ctx.webhookUrl(Keys.GOCARDLESS).orElseThrow()), events);
    }
}
