package io.mlconnector.platform.alerts;

import io.micronaut.context.annotation.Value;
import io.mlconnector.platform.database.TenantTransactions;
import io.mlconnector.platform.people.Person;
import io.mlconnector.platform.people.PersonRepository;
import io.mlconnector.platform.people.PublicUrls;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * E-mails an alert to the people of the tenant when an SMTP server is configured
 * ({@code ML_SMTP_HOST}); without one, alerts are only shown on the connection. A mail that cannot
 * be sent is logged: the alert itself is already stored.
 */
@Singleton
public class AlertMailer {

    private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);

    private final TenantTransactions transactions;
    private final PersonRepository people;
    private final PublicUrls urls;
    private final String host;
    private final int port;
    private final String from;
    private final String username;
    private final String password;
    private final boolean startTls;

    public AlertMailer(TenantTransactions transactions, PersonRepository people, PublicUrls urls,
                       @Value("${ml.smtp.host:}") String host, @Value("${ml.smtp.port:25}") int port,
                       @Value("${ml.smtp.from:ml-connector@localhost}") String from,
                       @Value("${ml.smtp.username:}") String username, @Value("${ml.smtp.password:}") String password,
                       @Value("${ml.smtp.starttls:false}") boolean startTls) {
        this.transactions = transactions;
        this.people = people;
        this.urls = urls;
        this.host = host;
        this.port = port;
        this.from = from;
        this.username = username;
        this.password = password;
        this.startTls = startTls;
    }

    public boolean enabled() {
        return !host.isBlank();
    }

    public void send(UUID tenantId, UUID connectionId, String subject, String detail) {
        if (!enabled()) {
            return;
        }
        List<String> recipients = transactions.read(tenantId, people::listInTenant).stream().map(Person::email).toList();
        if (recipients.isEmpty()) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom(new InternetAddress(from));
            for (String recipient : recipients) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
            }
            message.setSubject("ml-connector: " + subject, "UTF-8");
            message.setText(detail + "\n\nSee the connection: " + urls.of("/app/connections/" + connectionId) + "\n", "UTF-8");
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.warn("The alert e-mail '{}' could not be sent to the people of tenant {}: {}", subject, tenantId, e.getMessage());
        }
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", host);
        properties.put("mail.smtp.port", Integer.toString(port));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "5000");
        properties.put("mail.smtp.writetimeout", "5000");
        properties.put("mail.smtp.starttls.enable", Boolean.toString(startTls));
        if (username.isBlank()) {
            return Session.getInstance(properties);
        }
        properties.put("mail.smtp.auth", "true");
        return Session.getInstance(properties, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
    }
}
