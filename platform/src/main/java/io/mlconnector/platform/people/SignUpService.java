package io.mlconnector.platform.people;

import io.mlconnector.platform.audit.AuditEntry;
import io.mlconnector.platform.audit.AuditLog;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.tenancy.CurrentTenant;
import io.mlconnector.platform.tenancy.Tenant;
import io.mlconnector.platform.tenancy.TenantRepository;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.Map;

/** Creates a tenant and its owner in one transaction. */
@Singleton
public class SignUpService {

    private final TenantTransactions transactions;
    private final TenantRepository tenants;
    private final PersonRepository people;
    private final PasswordHasher hasher;
    private final AuditLog audit;

    public SignUpService(TenantTransactions transactions, TenantRepository tenants, PersonRepository people,
                         PasswordHasher hasher, AuditLog audit) {
        this.transactions = transactions;
        this.tenants = tenants;
        this.people = people;
        this.hasher = hasher;
        this.audit = audit;
    }

    public Person signUp(SignUp request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String company = request.companyName() == null ? "" : request.companyName().trim();
        String name = request.name() == null ? "" : request.name().trim();
        String email = EmailAddress.normalise(request.email());
        if (company.isEmpty() || company.length() > 200) {
            errors.put("companyName", "Enter your company's name.");
        }
        if (name.isEmpty() || name.length() > 200) {
            errors.put("name", "Enter your name.");
        }
        if (!EmailAddress.looksValid(email)) {
            errors.put("email", "Enter an e-mail address like name@example.com.");
        }
        String passwordProblem = PasswordPolicy.problem(request.password());
        if (passwordProblem != null) {
            errors.put("password", passwordProblem);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String hash = hasher.hash(request.password());
        Person owner = transactions.system(() -> {
            if (people.emailTaken(email)) {
                throw InvalidInput.of("email", "An account with this e-mail already exists. Sign in instead.");
            }
            Tenant tenant = tenants.insert(company);
            return people.insert(tenant.id(), email, name, hash, CurrentTenant.ROLE_OWNER);
        });
        audit.append(AuditEntry.of(owner.tenantId(), "tenant.created", "ok")
                .message("Company '" + company + "' signed up; owner " + email));
        return owner;
    }
}
