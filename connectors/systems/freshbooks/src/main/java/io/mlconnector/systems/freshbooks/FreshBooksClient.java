package io.mlconnector.systems.freshbooks;

/**
 * A FreshBooks client (the customer an invoice is addressed to).
 *
 * @param visState 0 active, 1 deleted, 2 archived
 */
public record FreshBooksClient(String id, String email, String organization, String firstName, String lastName,
                               String currency, int visState) {

    /** How people know the client: the organisation, else the person's name, else the e-mail. */
    public String displayName() {
        if (organization != null && !organization.isBlank()) {
            return organization;
        }
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return !name.isEmpty() ? name : email != null ? email : "client " + id;
    }
}
