package io.mlconnector.systems.freshbooks;

import java.util.List;
import java.util.Optional;

/** Who a FreshBooks token belongs to ({@code GET /auth/api/v1/users/me}) and the businesses it reaches. */
public record FreshBooksIdentity(String userId, String email, List<FreshBooksBusiness> businesses) {

    public FreshBooksIdentity {
        businesses = List.copyOf(businesses);
    }

    /** The business with this accounting id, when the user belongs to it. */
    public Optional<FreshBooksBusiness> business(String accountId) {
        return businesses.stream().filter(b -> b.accountId().equals(accountId)).findFirst();
    }

    /** The business to use when none was chosen: the first one with accounting. */
    public Optional<FreshBooksBusiness> firstWithAccounting() {
        return businesses.stream().filter(b -> b.accountId() != null).findFirst();
    }
}
