package io.mlconnector.platform.qbwc;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.mlconnector.platform.people.ClientAddress;
import io.mlconnector.platform.qbwc.soap.ArrayOfString;
import io.mlconnector.platform.qbwc.soap.Fault;
import io.mlconnector.platform.qbwc.soap.QbwcCall;
import io.mlconnector.platform.qbwc.soap.SoapCodec;
import io.mlconnector.platform.qbwc.soap.SoapFaultException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The QuickBooks Web Connector's SOAP 1.1 endpoint ({@code POST /qbwc}) and its WSDL
 * ({@code GET /qbwc?wsdl}). Open to anyone at the HTTP level: the Web Connector proves who it is
 * with its user name and password in authenticate, and with the ticket after that. Anything wrong
 * with a call is answered with a SOAP fault, never with a stack trace.
 */
@Controller("/qbwc")
@Secured(SecurityRule.IS_ANONYMOUS)
public class QbwcEndpoint {

    private static final Logger LOG = LoggerFactory.getLogger(QbwcEndpoint.class);
    private static final String TEXT_XML = "text/xml; charset=utf-8";

    private final SoapCodec codec;
    private final WebConnectorService service;
    private final WsdlDocument wsdl;
    private final QbwcSettings settings;

    public QbwcEndpoint(SoapCodec codec, WebConnectorService service, WsdlDocument wsdl, QbwcSettings settings) {
        this.codec = codec;
        this.service = service;
        this.wsdl = wsdl;
        this.settings = settings;
    }

    @Get(produces = TEXT_XML)
    public HttpResponse<String> wsdl() {
        return HttpResponse.ok(wsdl.text()).contentType(TEXT_XML);
    }

    /** Any content type is read as bytes, so even a wrongly labelled call is answered with a SOAP fault. */
    @Post(consumes = MediaType.ALL, produces = TEXT_XML)
    public HttpResponse<byte[]> call(HttpRequest<?> request, @Nullable @Body byte[] body) {
        try {
            if (body != null && body.length > settings.maxBodyBytes()) {
                throw new SoapFaultException(Fault.CLIENT, "The request is larger than " + settings.maxBodyBytes() + " bytes",
                        HttpStatus.REQUEST_ENTITY_TOO_LARGE.getCode());
            }
            return HttpResponse.ok(answer(codec.read(body), ClientAddress.of(request))).contentType(TEXT_XML);
        } catch (SoapFaultException fault) {
            return HttpResponse.<byte[]>status(HttpStatus.valueOf(fault.httpStatus())).body(codec.fault(fault)).contentType(TEXT_XML);
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("A Web Connector call failed (reference {})", reference, e);
            SoapFaultException fault = new SoapFaultException(Fault.SERVER,
                    "ml-connector could not process the call. Reference: " + reference, 500);
            return HttpResponse.<byte[]>status(HttpStatus.INTERNAL_SERVER_ERROR).body(codec.fault(fault)).contentType(TEXT_XML);
        }
    }

    private byte[] answer(QbwcCall call, String clientAddress) {
        String operation = call.operation();
        if (call instanceof QbwcCall.ServerVersion) {
            return codec.answer(operation, service.serverVersion());
        } else if (call instanceof QbwcCall.ClientVersion c) {
            return codec.answer(operation, service.clientVersion(c.strVersion));
        } else if (call instanceof QbwcCall.Authenticate c) {
            List<String> result = service.authenticate(c.strUserName, c.strPassword, clientAddress);
            return codec.answer(operation, ArrayOfString.of(result.toArray(String[]::new)));
        } else if (call instanceof QbwcCall.SendRequestXml c) {
            return codec.answer(operation, service.sendRequestXml(c.ticket, c.strHCPResponse, c.strCompanyFileName, c.qbXMLCountry,
                    c.qbXMLMajorVers, c.qbXMLMinorVers));
        } else if (call instanceof QbwcCall.ReceiveResponseXml c) {
            return codec.answer(operation, service.receiveResponseXml(c.ticket, c.response, c.hresult, c.message));
        } else if (call instanceof QbwcCall.ConnectionError c) {
            return codec.answer(operation, service.connectionError(c.ticket, c.hresult, c.message));
        } else if (call instanceof QbwcCall.GetLastError c) {
            return codec.answer(operation, service.getLastError(c.ticket));
        } else if (call instanceof QbwcCall.CloseConnection c) {
            return codec.answer(operation, service.closeConnection(c.ticket));
        } else if (call instanceof QbwcCall.GetInteractiveUrl) {
            // Interactive mode (a web page shown inside QuickBooks) is not used: no URL.
            return codec.answer(operation, "");
        } else if (call instanceof QbwcCall.InteractiveDone) {
            return codec.answer(operation, "Done");
        } else if (call instanceof QbwcCall.InteractiveRejected) {
            return codec.answer(operation, "ml-connector does not use interactive mode; nothing was lost.");
        }
        throw new IllegalStateException("No answer for operation " + operation);
    }

}
