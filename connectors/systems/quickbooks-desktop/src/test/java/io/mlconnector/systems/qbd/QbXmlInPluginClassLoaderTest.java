package io.mlconnector.systems.qbd;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A connector plugin loads this library in its own class loader, while the thread that calls it
 * belongs to the host application, whose context class loader knows no JAXB (or another copy of
 * it). The codec must still find its JAXB implementation.
 */
class QbXmlInPluginClassLoaderTest {

    private static final String TXN_DEL = "<TxnDelRq requestID=\"r1\"><TxnDelType>ReceivePayment</TxnDelType>"
            + "<TxnID>1A2B-1700000000</TxnID></TxnDelRq>";

    @Test
    void writesRequestsWhenTheCallersContextClassLoaderHasNoJaxb() throws Exception {
        String written = withContextClassLoader(emptyLoader(), this::roundTripInIsolatedLoader);

        assertTrue(written.contains("<TxnID>1A2B-1700000000</TxnID>"), written);
    }

    @Test
    void writesRequestsWhenTheCallersContextClassLoaderHasItsOwnJaxb() throws Exception {
        // The host's loader sees a second copy of JAXB whose classes are not the plugin's.
        String written = withContextClassLoader(getClass().getClassLoader(), this::roundTripInIsolatedLoader);

        assertTrue(written.contains("<TxnDelType>ReceivePayment</TxnDelType>"), written);
    }

    /** Loads QbXml afresh (its JAXB context is created on first use) and writes a request with it. */
    private String roundTripInIsolatedLoader() throws Exception {
        try (URLClassLoader plugin = new URLClassLoader(testClassPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> codec = plugin.loadClass(QbXml.class.getName());
            Class<?> rqBase = plugin.loadClass("io.mlconnector.systems.qbd.xml.RqBase");
            Method parse = codec.getMethod("parseRequest", String.class);
            Method write = codec.getMethod("toFragment", rqBase);
            try {
                return (String) write.invoke(null, parse.invoke(null, TXN_DEL));
            } catch (InvocationTargetException e) {
                throw new AssertionError("QbXml failed inside a separate class loader: " + e.getCause(), e.getCause());
            }
        }
    }

    private static URL[] testClassPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls.toArray(URL[]::new);
    }

    private static ClassLoader emptyLoader() {
        return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
    }

    private interface Work {
        String run() throws Exception;
    }

    private static String withContextClassLoader(ClassLoader loader, Work work) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
