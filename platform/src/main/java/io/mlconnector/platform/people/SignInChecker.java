package io.mlconnector.platform.people;

import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.tenancy.CurrentTenant;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks an e-mail and password, for both the browser's sign-in form and the API's token endpoint.
 * Unknown addresses cost the same time as wrong passwords, and throttled attempts are refused
 * before the password is looked at.
 */
@Singleton
public class SignInChecker {

    private final PersonRepository people;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final TenantTransactions transactions;

    public SignInChecker(PersonRepository people, PasswordHasher hasher, SignInThrottle throttle, TenantTransactions transactions) {
        this.people = people;
        this.hasher = hasher;
        this.throttle = throttle;
        this.transactions = transactions;
    }

    public AuthenticationResponse check(String rawEmail, String rawPassword, String client) {
        String email = EmailAddress.normalise(rawEmail);
        String password = rawPassword == null ? "" : rawPassword;
        if (throttle.isThrottled(email, client)) {
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        Optional<PersonRepository.Credentials> found = transactions.system(() -> people.findForSignIn(email));
        if (found.isEmpty()) {
            hasher.checkDecoy(password);
            throttle.recordFailure(email, client);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        if (!hasher.matches(password, found.get().passwordHash())) {
            throttle.recordFailure(email, client);
            return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
        }
        throttle.recordSuccess(email, client);
        Person person = found.get().person();
        return AuthenticationResponse.success(person.id().toString(), List.of(person.role()),
                Map.of(CurrentTenant.TENANT_CLAIM, person.tenantId().toString(),
                        "email", person.email(),
                        "name", person.displayName()));
    }
}
