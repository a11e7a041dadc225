package io.mlconnector.platform.runtime;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** A {@link System.Logger} for a connector whose lines carry the tenant and connection. */
final class ConnectionLogger implements System.Logger {

    private final Logger delegate;
    private final String tenant;
    private final String connection;

    ConnectionLogger(String connectorId, UUID tenantId, UUID connectionId) {
        this.delegate = LoggerFactory.getLogger("connector." + connectorId);
        this.tenant = tenantId.toString();
        this.connection = connectionId.toString();
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> delegate.isTraceEnabled();
            case DEBUG -> delegate.isDebugEnabled();
            case INFO -> delegate.isInfoEnabled();
            case WARNING -> delegate.isWarnEnabled();
            case ERROR -> delegate.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        write(level, message, thrown);
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        write(level, params == null || params.length == 0 ? format : MessageFormat.format(format, params), null);
    }

    @Override
    public void log(Level level, Supplier<String> message) {
        if (isLoggable(level)) {
            write(level, message.get(), null);
        }
    }

    private void write(Level level, String message, Throwable thrown) {
        try (MDC.MDCCloseable t = MDC.putCloseable("tenant_id", tenant); MDC.MDCCloseable c = MDC.putCloseable("connection_id", connection)) {
            switch (level) {
                case ALL, TRACE -> delegate.trace(message, thrown);
                case DEBUG -> delegate.debug(message, thrown);
                case INFO -> delegate.info(message, thrown);
                case WARNING -> delegate.warn(message, thrown);
                case ERROR -> delegate.error(message, thrown);
                case OFF -> { }
            }
        }
    }
}
