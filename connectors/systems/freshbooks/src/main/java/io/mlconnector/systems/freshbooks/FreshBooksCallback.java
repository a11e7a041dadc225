package io.mlconnector.systems.freshbooks;

/**
 * A webhook callback registered with FreshBooks: deliveries of {@code event} (e.g. {@code invoice.create}) go
 * to {@code uri} once FreshBooks has it {@code verified}.
 */
public record FreshBooksCallback(String id, String event, String uri, boolean verified) {
}
