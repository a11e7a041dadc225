package io.mlconnector.platform.qbwc;

import io.mlconnector.platform.people.PublicUrls;
import jakarta.inject.Singleton;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Our hand-written WSDL of the Web Connector service ({@code qbwc/QBWebConnectorSvc.wsdl}), served
 * with this server's public address as the service location.
 */
@Singleton
public class WsdlDocument {

    static final String RESOURCE = "qbwc/QBWebConnectorSvc.wsdl";
    private static final String WSDL_SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/";

    private final PublicUrls urls;
    private final byte[] template;
    private final Map<String, String> byAddress = new ConcurrentHashMap<>();

    public WsdlDocument(PublicUrls urls) {
        this.urls = urls;
        try (InputStream in = WsdlDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The WSDL " + RESOURCE + " is missing from the application");
            }
            template = in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("The WSDL could not be read", e);
        }
    }

    /** The address the Web Connector calls: the public base URL + {@code /qbwc}. */
    public String serviceAddress() {
        return urls.of("/qbwc");
    }

    public String text() {
        return byAddress.computeIfAbsent(serviceAddress(), this::render);
    }

    private String render(String address) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document wsdl = factory.newDocumentBuilder().parse(new ByteArrayInputStream(template));
            NodeList addresses = wsdl.getElementsByTagNameNS(WSDL_SOAP_NS, "address");
            for (int i = 0; i < addresses.getLength(); i++) {
                ((Element) addresses.item(i)).setAttribute("location", address);
            }
            StringWriter out = new StringWriter(template.length + 64);
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "utf-8");
            transformer.transform(new DOMSource(wsdl), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("The WSDL could not be prepared", e);
        }
    }
}
