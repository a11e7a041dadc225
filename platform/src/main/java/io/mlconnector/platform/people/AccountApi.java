package io.mlconnector.platform.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.authentication.AuthenticationFailed;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.ops.NotFound;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.platform.tenancy.Tenant;
import io.mlconnector.platform.tenancy.TenantRepository;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The JSON API for accounts: sign-up, bearer tokens, the current person, colleagues. */
@Controller("/api")
public class AccountApi {

    @Serdeable
    public record TokenRequest(String email, String password) {
    }

    @Serdeable
    public record Me(Person person, Tenant tenant) {
    }

    @Serdeable
    public record InviteRequest(String email) {
    }

    @Serdeable
    public record InvitationCreated(UUID id, String email, String acceptUrl, Instant expiresAt) {
    }

    @Serdeable
    public record AcceptInvitation(String token, String name, String password) {
    }

    private final SignUpService signUps;
    private final SignInChecker passwords;
    private final AccessRefreshTokenGenerator tokens;
    private final TenantTransactions transactions;
    private final PersonRepository people;
    private final TenantRepository tenants;
    private final InvitationService invitations;
    private final PublicUrls urls;

    public AccountApi(SignUpService signUps, SignInChecker passwords, AccessRefreshTokenGenerator tokens,
                      TenantTransactions transactions, PersonRepository people, TenantRepository tenants,
                      InvitationService invitations, PublicUrls urls) {
        this.signUps = signUps;
        this.passwords = passwords;
        this.tokens = tokens;
        this.transactions = transactions;
        this.people = people;
        this.tenants = tenants;
        this.invitations = invitations;
        this.urls = urls;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/signup")
    public HttpResponse<Person> signUp(@Body SignUp request) {
        Person owner = signUps.signUp(request);
        return HttpResponse.created(owner, URI.create("/api/me"));
    }

    /** Exchanges an e-mail and password for a bearer token, for API clients. */
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/auth/token")
    public HttpResponse<?> token(HttpRequest<?> request, @Body TokenRequest body) {
        AuthenticationResponse response = passwords.check(body.email(), body.password(), ClientAddress.of(request));
        if (!response.isAuthenticated()) {
            boolean locked = response instanceof AuthenticationFailed failed
                    && failed.getReason() == AuthenticationFailureReason.ACCOUNT_LOCKED;
            return locked
                    ? HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS).body(Map.of("message", SignInMessages.THROTTLED))
                    : HttpResponse.unauthorized().body(Map.of("message", SignInMessages.WRONG_CREDENTIALS));
        }
        AccessRefreshToken token = tokens.generate(response.getAuthentication().orElseThrow())
                .orElseThrow(() -> new IllegalStateException("No token generator"));
        return HttpResponse.ok(token);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/me")
    public Me me(Authentication authentication) {
        CurrentTenant current = CurrentTenant.of(authentication);
        return transactions.read(current.tenantId(), () -> new Me(
                people.find(current.userId()).orElseThrow(),
                tenants.current().orElseThrow()));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/people")
    public List<Person> colleagues(Authentication authentication) {
        CurrentTenant current = CurrentTenant.of(authentication);
        return transactions.read(current.tenantId(), people::listInTenant);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get("/people/{id}")
    public Person colleague(Authentication authentication, UUID id) {
        CurrentTenant current = CurrentTenant.of(authentication);
        return transactions.read(current.tenantId(), () -> people.find(id)).orElseThrow(() -> new NotFound("Person"));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post("/invitations")
    public HttpResponse<InvitationCreated> invite(Authentication authentication, @Body InviteRequest body) {
        InvitationService.Invitation invitation = invitations.invite(CurrentTenant.of(authentication), body.email());
        return HttpResponse.created(new InvitationCreated(invitation.id(), invitation.email(),
                urls.invitationLink(invitation.token()), invitation.expiresAt()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post("/invitations/accept")
    public HttpResponse<Person> accept(@Body AcceptInvitation body) {
        return HttpResponse.created(invitations.accept(body.token(), body.name(), body.password()));
    }
}
