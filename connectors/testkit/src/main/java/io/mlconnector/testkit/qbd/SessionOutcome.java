package io.mlconnector.testkit.qbd;

/** How a Web Connector session ended. */
public enum SessionOutcome {
    /** receiveResponseXML returned 100, then closeConnection. */
    COMPLETED,
    /** authenticate answered "none": nothing to do, no further calls. */
    NOTHING_TO_DO,
    /** authenticate answered "nvu": wrong user name or password, no further calls. */
    INVALID_USER,
    /** clientVersion answered "E:...": the service refused this Web Connector version. */
    CLIENT_VERSION_REJECTED,
    /** A negative receiveResponseXML, or an empty request that was not "NoOp": getLastError, closeConnection. */
    SERVER_REPORTED_ERROR,
    /** QuickBooks could not be opened: connectionError, closeConnection. */
    CONNECTION_ERROR,
    /** The session died between sendRequestXML and receiveResponseXML. */
    KILLED,
    /** The service kept asking for more (round trips or NoOps) beyond the configured limit. */
    LIMIT_REACHED,
    /** A call failed: HTTP error, SOAP fault, or an answer the Web Connector cannot read. */
    TRANSPORT_FAILURE
}
