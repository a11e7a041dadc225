package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Any operation's answer: {@code <opResponse><opResult>value</opResult></opResponse>}, the
 * document/literal wrapper shape every Web Connector operation uses.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "OperationResponse")
public class OperationResponse {

    @XmlAnyElement(lax = true)
    public List<Object> result = new ArrayList<>();

    public static JAXBElement<OperationResponse> of(String operation, String value) {
        return wrap(operation, new JAXBElement<>(result(operation), String.class, value));
    }

    public static JAXBElement<OperationResponse> of(String operation, int value) {
        return wrap(operation, new JAXBElement<>(result(operation), Integer.class, value));
    }

    public static JAXBElement<OperationResponse> of(String operation, ArrayOfString value) {
        return wrap(operation, new JAXBElement<>(result(operation), ArrayOfString.class, value));
    }

    private static QName result(String operation) {
        return new QName(Soap.QBWC_NS, operation + "Result");
    }

    private static JAXBElement<OperationResponse> wrap(String operation, JAXBElement<?> value) {
        OperationResponse response = new OperationResponse();
        response.result.add(value);
        return new JAXBElement<>(new QName(Soap.QBWC_NS, operation + "Response"), OperationResponse.class, response);
    }
}
