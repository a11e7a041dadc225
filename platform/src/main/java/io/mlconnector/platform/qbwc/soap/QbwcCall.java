package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * The operations the Web Connector calls, one element each with one child per parameter. Every
 * parameter is read as text, numbers included, so a sloppy value never makes a call unreadable.
 */
public sealed interface QbwcCall {

    /** The operation name, which is the request element's name. */
    default String operation() {
        return getClass().getAnnotation(XmlRootElement.class).name();
    }

    @XmlRootElement(name = "serverVersion")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ServerVersion implements QbwcCall {
        @XmlElement public String strVersion;
    }

    @XmlRootElement(name = "clientVersion")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ClientVersion implements QbwcCall {
        @XmlElement public String strVersion;
    }

    @XmlRootElement(name = "authenticate")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class Authenticate implements QbwcCall {
        @XmlElement public String strUserName;
        @XmlElement public String strPassword;
    }

    @XmlRootElement(name = "sendRequestXML")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class SendRequestXml implements QbwcCall {
        @XmlElement public String ticket;
        @XmlElement public String strHCPResponse;
        @XmlElement public String strCompanyFileName;
        @XmlElement public String qbXMLCountry;
        @XmlElement public String qbXMLMajorVers;
        @XmlElement public String qbXMLMinorVers;
    }

    @XmlRootElement(name = "receiveResponseXML")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ReceiveResponseXml implements QbwcCall {
        @XmlElement public String ticket;
        @XmlElement public String response;
        @XmlElement public String hresult;
        @XmlElement public String message;
    }

    @XmlRootElement(name = "connectionError")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ConnectionError implements QbwcCall {
        @XmlElement public String ticket;
        @XmlElement public String hresult;
        @XmlElement public String message;
    }

    @XmlRootElement(name = "getLastError")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class GetLastError implements QbwcCall {
        @XmlElement public String ticket;
    }

    @XmlRootElement(name = "closeConnection")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class CloseConnection implements QbwcCall {
        @XmlElement public String ticket;
    }

    @XmlRootElement(name = "getInteractiveURL")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class GetInteractiveUrl implements QbwcCall {
        @XmlElement public String wcTicket;
        @XmlElement public String sessionID;
    }

    @XmlRootElement(name = "interactiveDone")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class InteractiveDone implements QbwcCall {
        @XmlElement public String wcTicket;
    }

    @XmlRootElement(name = "interactiveRejected")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class InteractiveRejected implements QbwcCall {
        @XmlElement public String wcTicket;
        @XmlElement public String reason;
    }
}
