package io.mlconnector.testkit.qbd;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension giving each test a fresh {@link QbdFixture}, or its {@link SimulatedCompanyFile}
 * or {@link SimulatedClock}, as method or constructor parameters:
 *
 * <pre>
 * &#64;ExtendWith(QbdExtension.class)
 * class PaymentsIntoQuickBooksTest {
 *     &#64;Test
 *     void postsThePayment(QbdFixture qbd) {
 *         qbd.companyFile().addCustomer("Jane Doe");
 *         SessionResult session = qbd.runSession(serviceUrl, "jane", "secret");
 *         ...
 *     }
 * }
 * </pre>
 * Within one test every parameter refers to the same company file.
 */
public final class QbdExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(QbdExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == QbdFixture.class || type == SimulatedCompanyFile.class || type == SimulatedClock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        QbdFixture fixture = context.getStore(NAMESPACE)
                .getOrComputeIfAbsent(QbdFixture.class, key -> QbdFixture.create(), QbdFixture.class);
        Class<?> type = parameter.getParameter().getType();
        if (type == QbdFixture.class) {
            return fixture;
        }
        if (type == SimulatedCompanyFile.class) {
            return fixture.companyFile();
        }
        if (type == SimulatedClock.class) {
            return fixture.clock();
        }
        throw new ParameterResolutionException("Cannot resolve " + type);
    }
}
