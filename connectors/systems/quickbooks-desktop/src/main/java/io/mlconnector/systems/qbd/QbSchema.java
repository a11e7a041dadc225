package io.mlconnector.systems.qbd;

import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.net.URL;

/**
 * ml-connector's qbXML schema ({@code qbxml/qbxml-ml.xsd} on the classpath): the subset of
 * qbXML 13.0 we send and read, with QuickBooks' element order and field lengths.
 */
public final class QbSchema {

    public static final String RESOURCE = "/qbxml/qbxml-ml.xsd";

    private static final Schema SCHEMA = load();

    private QbSchema() {
    }

    public static Schema schema() {
        return SCHEMA;
    }

    /**
     * Validates one request or response element (or a whole {@code QBXML} document) and throws
     * {@link QbXmlException} naming the first violation, e.g. an element out of order.
     */
    public static void validate(String xml) {
        Validator validator = SCHEMA.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new QbXmlException("Not valid qbXML for ml-connector's schema: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new QbXmlException("Could not read qbXML: " + e.getMessage(), e);
        }
    }

    private static Schema load() {
        URL url = QbSchema.class.getResource(RESOURCE);
        if (url == null) {
            throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            // The schema is self-contained; nothing may be fetched from elsewhere.
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newSchema(url);
        } catch (SAXException e) {
            throw new IllegalStateException("Cannot compile " + RESOURCE + ": " + e.getMessage(), e);
        }
    }
}
