package io.mlconnector.systems.freshbooks;

/**
 * A business the signed-in FreshBooks user belongs to.
 *
 * @param businessId the {@code business_id} of project and time-tracking paths
 * @param accountId  the {@code accountId} of every accounting path (invoices, clients, payments…) and of callbacks
 * @param name       the business's name, for people
 * @param role       the user's role in it, e.g. {@code owner}
 */
public record FreshBooksBusiness(String businessId, String accountId, String name, String role) {
}
