package io.mlconnector.testkit.zuora;

/**
 * A callout the fake tenant would send after a change, as its notification's body names it.
 *
 * @param object  {@code invoice}, {@code payment} or {@code refund}
 * @param updated the object's updated date at the change, as Zuora writes it
 */
public record FakeZuoraCallout(String object, String id, String updated) {

    /** The body the connection page asks people to configure, with its merge fields filled. */
    public String body() {
        return "{\"object\":\"" + object + "\",\"id\":\"" + id + "\",\"updated\":\"" + updated + "\"}";
    }
}
