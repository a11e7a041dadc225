package io.mlconnector.systems.zuora.callout;

import java.util.List;

/**
 * What a person enters in Zuora so its callouts reach a connection: one notification per event,
 * each with a callout template. Shown on the connection page; the wording follows Zuora's
 * "Events &amp; Notifications" screens.
 */
public final class CalloutSetup {

    /** One notification to set up: Zuora's event, and the body to enter with its merge fields. */
    public record Notification(String zuoraEvent, String body) {
    }

    public static final List<Notification> NOTIFICATIONS = List.of(
            new Notification("Invoice Posted",
                    "{\"object\":\"invoice\",\"id\":\"{{DataSource.Invoice.Id}}\",\"updated\":\"{{DataSource.Invoice.UpdatedDate}}\"}"),
            new Notification("Payment Processed",
                    "{\"object\":\"payment\",\"id\":\"{{DataSource.Payment.Id}}\",\"updated\":\"{{DataSource.Payment.UpdatedDate}}\"}"),
            new Notification("Payment Refund Processed",
                    "{\"object\":\"refund\",\"id\":\"{{DataSource.Refund.Id}}\",\"updated\":\"{{DataSource.Refund.UpdatedDate}}\"}"));

    private CalloutSetup() {
    }

    /** The instructions as text, one step per line. */
    public static String instructions() {
        StringBuilder text = new StringBuilder();
        text.append("In Zuora, open Extension Studio > Events & Notifications. For each event below, create a callout ")
                .append("template (Callout Templates tab) and a notification that uses it, on your default communication profile:\n");
        for (Notification n : NOTIFICATIONS) {
            text.append("• ").append(n.zuoraEvent()).append(": body ").append(n.body()).append('\n');
        }
        text.append("Every template: HTTP method POST; Request URL = the webhook address above; header ")
                .append("Content-Type: application/json; the body exactly as shown (pick the same merge fields if Zuora ")
                .append("names them differently).\n")
                .append("Authentication, as chosen in this connection's settings: for HMAC, Algorithm and Signed Header Key ")
                .append("as in the settings, Key = the HMAC key under Credentials, Data = the same text as the body followed ")
                .append("by a new line, Value = the prefix from the settings followed by {{ Data.HMAC.Signed }}. For a user ")
                .append("name and password, turn on Callout Authentication in the notification and enter the callout user ")
                .append("name and password from Credentials.\n")
                .append("Turn on Retry. A callout that does not prove itself is refused with 401 and nothing is stored.");
        return text.toString();
    }
}
