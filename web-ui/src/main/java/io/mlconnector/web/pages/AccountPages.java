package io.mlconnector.web.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.handlers.LoginHandler;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.people.InvalidInput;
import io.mlconnector.platform.people.InvitationService;
import io.mlconnector.platform.people.Person;
import io.mlconnector.platform.people.PersonRepository;
import io.mlconnector.platform.people.PublicUrls;
import io.mlconnector.platform.people.SignInChecker;
import io.mlconnector.platform.people.SignInMessages;
import io.mlconnector.platform.people.SignUp;
import io.mlconnector.platform.people.SignUpService;
import io.mlconnector.platform.tenancy.CurrentTenant;
import java.net.URI;
import java.util.Map;

/** Landing, sign-up, sign-in, the signed-in home, inviting and joining. */
@Controller
public class AccountPages {

    @Serdeable
    public record SignUpForm(@Nullable String companyName, @Nullable String name, @Nullable String email,
                             @Nullable String password) {
    }

    @Serdeable
    public record InviteForm(@Nullable String email) {
    }

    @Serdeable
    public record JoinForm(@Nullable String token, @Nullable String name, @Nullable String password) {
    }

    private final Page page;
    private final SignUpService signUps;
    private final SignInChecker signIn;
    private final LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler;
    private final TenantTransactions transactions;
    private final PersonRepository people;
    private final InvitationService invitations;
    private final PublicUrls urls;

    public AccountPages(Page page, SignUpService signUps, SignInChecker signIn,
                        LoginHandler<HttpRequest<?>, MutableHttpResponse<?>> loginHandler, TenantTransactions transactions,
                        PersonRepository people, InvitationService invitations, PublicUrls urls) {
        this.page = page;
        this.signUps = signUps;
        this.signIn = signIn;
        this.loginHandler = loginHandler;
        this.transactions = transactions;
        this.people = people;
        this.invitations = invitations;
        this.urls = urls;
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<?> landing(HttpRequest<?> request, @Nullable Authentication authentication) {
        if (authentication != null) {
            return HttpResponse.seeOther(URI.create("/app"));
        }
        return HttpResponse.ok(new ModelAndView<>("landing", page.model(request, "Payments in your books, without re-keying")));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(value = "/sign-up", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> signUpForm(HttpRequest<?> request) {
        return new ModelAndView<>("sign-up", page.model(request, "Create your account",
                "form", new SignUpForm("", "", "", ""), "errors", Map.of()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/sign-up", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> signUp(HttpRequest<?> request, @Body SignUpForm form) {
        try {
            Person owner = signUps.signUp(new SignUp(form.companyName(), form.name(), form.email(), form.password()));
            var result = signIn.check(owner.email(), form.password(), "sign-up");
            return loginHandler.loginSuccess(result.getAuthentication().orElseThrow(), request);
        } catch (InvalidInput invalid) {
            SignUpForm kept = new SignUpForm(form.companyName(), form.name(), form.email(), "");
            return HttpResponse.badRequest(new ModelAndView<>("sign-up", page.model(request, "Create your account",
                    "form", kept, "errors", invalid.fieldErrors())));
        }
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(value = "/sign-in", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> signInForm(HttpRequest<?> request, @Nullable @QueryValue String failed,
                                      @Nullable @QueryValue("signed-out") String signedOut) {
        String message = failed != null ? SignInMessages.WRONG_CREDENTIALS + " " + "After 5 failed attempts, wait 15 minutes." : null;
        return new ModelAndView<>("sign-in", page.model(request, "Sign in",
                "error", message, "notice", signedOut != null ? "You are signed out." : null));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Get(value = "/app/team", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> team(HttpRequest<?> request, Authentication authentication, @Nullable @QueryValue String invited) {
        CurrentTenant current = CurrentTenant.of(authentication);
        return transactions.read(current.tenantId(), () -> new ModelAndView<>("team", page.signedIn(request, authentication,
                "Your team", "team",
                "people", people.listInTenant(),
                "invitedLink", invited,
                "errors", Map.of())));
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(value = "/app/invitations", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> invite(HttpRequest<?> request, Authentication authentication, @Body InviteForm form) {
        CurrentTenant current = CurrentTenant.of(authentication);
        try {
            InvitationService.Invitation invitation = invitations.invite(current, form.email());
            String link = urls.invitationLink(invitation.token());
            return HttpResponse.ok(team(request, authentication, link)).header("Cache-Control", "no-store");
        } catch (InvalidInput invalid) {
            @SuppressWarnings("unchecked")
            ModelAndView<Map<String, Object>> view = (ModelAndView<Map<String, Object>>) team(request, authentication, null);
            view.getModel().ifPresent(model -> model.put("errors", invalid.fieldErrors()));
            return HttpResponse.badRequest(view);
        }
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Get(value = "/join", produces = MediaType.TEXT_HTML)
    public ModelAndView<?> joinForm(HttpRequest<?> request, @Nullable @QueryValue String token) {
        return new ModelAndView<>("join", page.model(request, "Join your team",
                "token", token == null ? "" : token, "name", "", "errors", Map.of()));
    }

    @Secured(SecurityRule.IS_ANONYMOUS)
    @Post(value = "/join", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = MediaType.TEXT_HTML)
    public HttpResponse<?> join(HttpRequest<?> request, @Body JoinForm form) {
        try {
            Person person = invitations.accept(form.token(), form.name(), form.password());
            var result = signIn.check(person.email(), form.password(), "join");
            return loginHandler.loginSuccess(result.getAuthentication().orElseThrow(), request);
        } catch (InvalidInput invalid) {
            return HttpResponse.badRequest(new ModelAndView<>("join", page.model(request, "Join your team",
                    "token", form.token() == null ? "" : form.token(), "name", form.name() == null ? "" : form.name(),
                    "errors", invalid.fieldErrors())));
        }
    }
}
