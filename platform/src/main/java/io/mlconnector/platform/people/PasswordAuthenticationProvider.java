package io.mlconnector.platform.people;

import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;

/**
 * Plugs {@link SignInChecker} into Micronaut Security's sign-in endpoint. The checker is fetched
 * lazily: security resolves authentication providers while deciding which of its own beans exist,
 * before the data source is ready.
 */
@Singleton
public class PasswordAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private final BeanProvider<SignInChecker> checker;

    public PasswordAuthenticationProvider(BeanProvider<SignInChecker> checker) {
        this.checker = checker;
    }

    @Override
    public AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
                                               AuthenticationRequest<String, String> authenticationRequest) {
        return checker.get().check(authenticationRequest.getIdentity(), authenticationRequest.getSecret(), ClientAddress.of(request));
    }
}
