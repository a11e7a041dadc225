package io.mlconnector.platform.people;

import io.mlconnector.platform.database.Sql;
import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Singleton
public class PersonRepository {

    /** A person with the hash needed to check a password at sign-in. */
    public record Credentials(Person person, String passwordHash) {
    }

    private static final String COLUMNS = "id, tenant_id, email, display_name, role, created_at";

    private final Sql sql;

    public PersonRepository(Sql sql) {
        this.sql = sql;
    }

    public Person insert(UUID tenantId, String email, String displayName, String passwordHash, String role) {
        return sql.one("INSERT INTO users (id, tenant_id, email, display_name, password_hash, role) VALUES (?, ?, ?, ?, ?, ?) "
                        + "RETURNING " + COLUMNS,
                PersonRepository::person, UUID.randomUUID(), tenantId, email, displayName, passwordHash, role).orElseThrow();
    }

    /** Sign-in looks an address up before any tenant is known, so this runs as platform work. */
    public Optional<Credentials> findForSignIn(String email) {
        return sql.one("SELECT " + COLUMNS + ", password_hash FROM users WHERE lower(email) = lower(?)",
                row -> new Credentials(person(row), row.getString("password_hash")), email);
    }

    public boolean emailTaken(String email) {
        return sql.one("SELECT 1 FROM users WHERE lower(email) = lower(?)", row -> 1, email).isPresent();
    }

    public List<Person> listInTenant() {
        return sql.list("SELECT " + COLUMNS + " FROM users WHERE tenant_id = current_tenant() ORDER BY created_at", PersonRepository::person);
    }

    public Optional<Person> find(UUID id) {
        return sql.one("SELECT " + COLUMNS + " FROM users WHERE id = ? AND tenant_id = current_tenant()", PersonRepository::person, id);
    }

    private static Person person(ResultSet row) throws SQLException {
        return new Person(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class), row.getString("email"),
                row.getString("display_name"), row.getString("role"), Sql.instant(row, "created_at"));
    }
}
