package io.mlconnector.testkit.qbd;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.ProcessingInstruction;
import org.xml.sax.SAXException;

/**
 * Runs one qbXML request document against the company data, the way QuickBooks does: the whole
 * document is parsed and checked against the schema first (any fault rejects all of it), then the
 * requests run in order with onError deciding what happens after a failed one.
 */
final class QbXmlProcessor {

    private static final Pattern VERSION = Pattern.compile("version\\s*=\\s*\"([^\"]*)\"");
    private static final Set<String> ON_ERROR = Set.of("stopOnError", "continueOnError", "rollbackOnError");
    private static final Set<String> MSGS_ATTRIBUTES =
            Set.of("onError", "responseData", "newMessageSetID", "oldMessageSetID");

    private final Map<String, MessageHandler> handlers = new HashMap<>();

    QbXmlProcessor() {
        HostMessages.register(handlers);
        AccountMessages.register(handlers);
        CustomerMessages.register(handlers);
        PaymentMethodMessages.register(handlers);
        ItemMessages.register(handlers);
        InvoiceMessages.register(handlers);
        CreditMemoMessages.register(handlers);
        ReceivePaymentMessages.register(handlers);
        DepositMessages.register(handlers);
        RefundMessages.register(handlers);
        CheckMessages.register(handlers);
        TxnDelMessages.register(handlers);
    }

    String process(String requestXml, MessageContext ctx) throws QbXmlParseException {
        Element msgsRq = parseAndValidate(requestXml, ctx.profile.supportedQbXmlVersions());
        String onError = msgsRq.getAttribute("onError");
        boolean includeNone = "includeNone".equals(msgsRq.getAttribute("responseData"));

        Document out = Xml.newDocument();
        Element root = out.createElement("QBXML");
        out.appendChild(root);
        Element msgsRs = out.createElement("QBXMLMsgsRs");
        root.appendChild(msgsRs);

        CompanyData before = onError.equals("rollbackOnError") ? ctx.data.copy() : null;
        for (Element rq : Xml.children(msgsRq)) {
            QbResponse response = run(rq, ctx, out);
            if (includeNone && !response.isError()) {
                QueryResults.removeChildren(response.rs);
            }
            msgsRs.appendChild(response.rs);
            if (response.isError() && !onError.equals("continueOnError")) {
                if (before != null) {
                    ctx.data.restore(before);
                }
                break;
            }
        }
        return "<?xml version=\"1.0\" ?>\n" + Xml.serialize(root, false);
    }

    /** One request; a failed Add/Mod/Del leaves the company file exactly as it was. */
    private QbResponse run(Element rq, MessageContext ctx, Document out) {
        String name = Xml.name(rq);
        String requestId = rq.hasAttribute("requestID") ? rq.getAttribute("requestID") : null;
        QbResponse response = new QbResponse(out, name.substring(0, name.length() - 2) + "Rs", requestId);
        if (requestId != null && requestId.length() > 50) {
            response.status(1060, "Error", "The request ID \"" + requestId + "\" is invalid, possibly too long. "
                    + "(The maximum is 50 characters.)");
            return response;
        }
        boolean changes = !name.endsWith("QueryRq");
        CompanyData snapshot = changes ? ctx.data.copy() : null;
        try {
            handlers.get(name).handle(rq, ctx, response);
        } catch (QbStatusException e) {
            if (snapshot != null) {
                ctx.data.restore(snapshot);
            }
            response.fail(e);
        }
        return response;
    }

    private static Element parseAndValidate(String requestXml, List<String> supportedVersions)
            throws QbXmlParseException {
        if (requestXml == null || requestXml.isBlank()) {
            throw QbXmlParseException.parseError("empty request");
        }
        Document document;
        try {
            document = Xml.parse(requestXml, false);
        } catch (SAXException e) {
            throw QbXmlParseException.parseError("not well-formed XML: " + e.getMessage());
        }
        String version = qbxmlVersion(document);
        if (version == null) {
            throw QbXmlParseException.parseError("missing <?qbxml version=\"...\"?> processing instruction");
        }
        if (!supportedVersions.contains(version)) {
            throw QbXmlParseException.unsupportedVersion(version);
        }
        Element root = document.getDocumentElement();
        List<Element> kids = Xml.children(root);
        if (!"QBXML".equals(Xml.name(root)) || kids.size() != 1 || !"QBXMLMsgsRq".equals(Xml.name(kids.get(0)))) {
            throw QbXmlParseException.parseError("the document must be <QBXML><QBXMLMsgsRq>...");
        }
        Element msgsRq = kids.get(0);
        checkAttributes(msgsRq, MSGS_ATTRIBUTES);
        if (!ON_ERROR.contains(msgsRq.getAttribute("onError"))) {
            throw QbXmlParseException.parseError("QBXMLMsgsRq needs onError=stopOnError|continueOnError|rollbackOnError");
        }
        String responseData = msgsRq.getAttribute("responseData");
        if (!responseData.isEmpty() && !responseData.equals("includeAll") && !responseData.equals("includeNone")) {
            throw QbXmlParseException.parseError("responseData must be includeAll or includeNone");
        }
        if (!Xml.hasOnlyWhitespaceText(msgsRq)) {
            throw QbXmlParseException.parseError("<QBXMLMsgsRq> must not contain text");
        }
        for (Element rq : Xml.children(msgsRq)) {
            validateRequest(rq);
        }
        return msgsRq;
    }

    private static void validateRequest(Element rq) throws QbXmlParseException {
        String name = Xml.name(rq);
        QbXml13Schema.RequestDef def = QbXml13Schema.requests().get(name);
        if (def == null) {
            throw QbXmlParseException.parseError("unknown or unsupported request <" + name + ">");
        }
        Set<String> allowed = def.iterator() ? Set.of("requestID", "metaData", "iterator", "iteratorID")
                : def.metaData() ? Set.of("requestID", "metaData") : Set.of("requestID");
        checkAttributes(rq, allowed);
        String metaData = rq.getAttribute("metaData");
        if (!metaData.isEmpty() && !Set.of("NoMetaData", "MetaDataOnly", "MetaDataAndResponseData").contains(metaData)) {
            throw QbXmlParseException.parseError("bad metaData value " + metaData);
        }
        String iterator = rq.getAttribute("iterator");
        if (!iterator.isEmpty() && !Set.of("Start", "Continue", "Stop").contains(iterator)) {
            throw QbXmlParseException.parseError("bad iterator value " + iterator);
        }
        try {
            ContentModel.validate(rq, def.model());
        } catch (ContentModel.SchemaViolation e) {
            throw QbXmlParseException.parseError(e.getMessage());
        }
    }

    private static void checkAttributes(Element element, Set<String> allowed) throws QbXmlParseException {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String name = ((Attr) attributes.item(i)).getName();
            if (!allowed.contains(name)) {
                throw QbXmlParseException.parseError("unexpected attribute " + name + " on <" + Xml.name(element) + ">");
            }
        }
    }

    private static String qbxmlVersion(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof ProcessingInstruction pi && pi.getTarget().equals("qbxml")) {
                Matcher m = VERSION.matcher(pi.getData());
                return m.find() ? m.group(1) : null;
            }
        }
        return null;
    }
}
