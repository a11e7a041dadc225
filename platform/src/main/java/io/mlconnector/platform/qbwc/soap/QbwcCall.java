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

    /** The operation name, which is also the request element's name. */
    String operation();

    @XmlRootElement(name = "serverVersion")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ServerVersion implements QbwcCall {
        @XmlElement public String strVersion;

        public String operation() {
            return "serverVersion";
        }
    }

    @XmlRootElement(name = "clientVersion")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ClientVersion implements QbwcCall {
        @XmlElement public String strVersion;

        public String operation() {
            return "clientVersion";
        }
    }

    @XmlRootElement(name = "authenticate")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class Authenticate implements QbwcCall {
        @XmlElement public String strUserName;
        @XmlElement public String strPassword;

        public String operation() {
            return "authenticate";
        }
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

        public String operation() {
            return "sendRequestXML";
        }
    }

    @XmlRootElement(name = "receiveResponseXML")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ReceiveResponseXml implements QbwcCall {
        @XmlElement public String ticket;
        @XmlElement public String response;
        @XmlElement public String hresult;
        @XmlElement public String message;

        public String operation() {
            return "receiveResponseXML";
        }
    }

    @XmlRootElement(name = "connectionError")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class ConnectionError implements QbwcCall {
        @XmlElement public String ticket;
        @XmlElement public String hresult;
        @XmlElement public String message;

        public String operation() {
            return "connectionError";
        }
    }

    @XmlRootElement(name = "getLastError")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class GetLastError implements QbwcCall {
        @XmlElement public String ticket;

        public String operation() {
            return "getLastError";
        }
    }

    @XmlRootElement(name = "closeConnection")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class CloseConnection implements QbwcCall {
        @XmlElement public String ticket;

        public String operation() {
            return "closeConnection";
        }
    }

    @XmlRootElement(name = "getInteractiveURL")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class GetInteractiveUrl implements QbwcCall {
        @XmlElement public String wcTicket;
        @XmlElement public String sessionID;

        public String operation() {
            return "getInteractiveURL";
        }
    }

    @XmlRootElement(name = "interactiveDone")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class InteractiveDone implements QbwcCall {
        @XmlElement public String wcTicket;

        public String operation() {
            return "interactiveDone";
        }
    }

    @XmlRootElement(name = "interactiveRejected")
    @XmlAccessorType(XmlAccessType.FIELD)
    final class InteractiveRejected implements QbwcCall {
        @XmlElement public String wcTicket;
        @XmlElement public String reason;

        public String operation() {
            return "interactiveRejected";
        }
    }
}
