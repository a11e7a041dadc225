/**
 * The SOAP 1.1 envelope and the Web Connector's operation elements, bound with JAXB. Every element
 * of the Web Connector's messages is in the namespace {@code http://developer.intuit.com/}.
 */
@XmlSchema(namespace = Soap.QBWC_NS, elementFormDefault = XmlNsForm.QUALIFIED)
package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
