package io.mlconnector.testkit.context;

import io.mlconnector.api.Connector;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.api.qbd.QuickBooksDesktop;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.api.qbd.QuickBooksResponse;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

/**
 * A connection's QuickBooks Desktop queue in memory, with a stand-in for the Web Connector:
 * {@link #runSession} hands the queued requests one by one to a {@link QbXmlEndpoint} (such as a
 * {@code SimulatedCompanyFile}) and routes each answer back to the connector's
 * {@code onQuickBooksResponse}, including requests the connector queues while answering, until the
 * queue is empty.
 *
 * <p>It behaves as the platform promises connectors: each request gets its own {@code requestID};
 * {@link #pending} counts requests queued or sent but not answered, and a request no longer counts
 * once its answer is being handed over; a request whose answer was lost with its session is answered
 * at the start of the next session with {@code errorMessage} set and no fragment, because nobody can
 * know whether QuickBooks applied it. {@link #loseAnswerOfNext} kills a session that way. With
 * {@link LostAnswers#SENT_AGAIN} such a request is instead sent again as it was, at least once, the
 * harsher behaviour a connector should survive too.
 */
public final class InMemoryQuickBooksDesktop implements QuickBooksDesktop {

    /** What the connector is told when the session that carried its request died. */
    public static final String SESSION_LOST = "The Web Connector session ended before QuickBooks answered; "
            + "QuickBooks may or may not have carried out the request";

    private static final Pattern OPENING_TAG = Pattern.compile("^\\s*<([A-Za-z0-9]+)([^>]*?)(/?)>");
    private static final Pattern REQUEST_ID = Pattern.compile("\\srequestID=\"[^\"]*\"");
    private static final int MAX_REQUESTS_PER_SESSION = 100_000;

    /** What becomes of a request whose session died after it was sent. */
    public enum LostAnswers {
        /** The connector is told, with {@link #SESSION_LOST}, at the start of the next session. */
        REPORTED,
        /** It goes back in the queue and is sent again in the next session, as it was. */
        SENT_AGAIN
    }

    private static final class Entry {
        final String requestId;
        final QuickBooksRequest request;
        boolean sent;

        Entry(String requestId, QuickBooksRequest request) {
            this.requestId = requestId;
            this.request = request;
        }
    }

    private final Clock clock;
    private final List<Entry> queue = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Instant lastPolledAt;
    private volatile String qbxmlVersion = "13.0";
    private Predicate<QuickBooksRequest> loseAnswer;
    private volatile LostAnswers lostAnswers = LostAnswers.REPORTED;

    public InMemoryQuickBooksDesktop(Clock clock) {
        this.clock = clock;
    }

    // ------------------------------------------------------------------ the connector's side

    @Override
    public synchronized String enqueue(QuickBooksRequest request) {
        String requestId = "rq-" + ids.incrementAndGet();
        queue.add(new Entry(requestId, new QuickBooksRequest(withRequestId(request.fragment(), requestId),
                request.purpose(), request.correlation(), request.independent())));
        return requestId;
    }

    @Override
    public synchronized List<String> enqueueInOrder(List<QuickBooksRequest> requests) {
        return requests.stream().map(this::enqueue).toList();
    }

    @Override
    public synchronized int pending(String correlation) {
        return (int) queue.stream().filter(e -> correlation.equals(e.request.correlation())).count();
    }

    @Override
    public Optional<Instant> lastPolledAt() {
        return Optional.ofNullable(lastPolledAt);
    }

    @Override
    public Optional<String> qbxmlVersion() {
        return Optional.ofNullable(qbxmlVersion);
    }

    // ------------------------------------------------------------------ the test's side

    /** The requests queued and not yet sent, in order. */
    public synchronized List<QuickBooksRequest> waiting() {
        return queue.stream().filter(e -> !e.sent).map(e -> e.request).toList();
    }

    /** Requests queued or sent and not answered. */
    public synchronized int size() {
        return queue.size();
    }

    /** The version the simulated QuickBooks reported (null: not known yet). */
    public void setQbxmlVersion(String version) {
        this.qbxmlVersion = version;
    }

    public void setLastPolledAt(Instant instant) {
        this.lastPolledAt = instant;
    }

    /**
     * The next request matching {@code which} reaches QuickBooks and is carried out, but the session
     * dies before its answer comes back: that session ends there.
     */
    public synchronized void loseAnswerOfNext(Predicate<QuickBooksRequest> which) {
        this.loseAnswer = which;
    }

    public void whenSessionDies(LostAnswers behaviour) {
        this.lostAnswers = behaviour;
    }

    /**
     * One Web Connector session: requests left without an answer by a dead session are answered as
     * lost, then every queued request (including those queued meanwhile) goes to {@code quickBooks},
     * one request per message, and its answer to {@code connector}.
     */
    public QuickBooksSession runSession(QbXmlEndpoint quickBooks, Connector connector, ConnectorContext context) {
        return runSession(quickBooks, connector::onQuickBooksResponse, context);
    }

    /** One Web Connector session whose answers go to {@code answers}, e.g. a kit's router in a library's test. */
    public QuickBooksSession runSession(QbXmlEndpoint quickBooks, BiConsumer<QuickBooksResponse, ConnectorContext> answers,
                                        ConnectorContext context) {
        lastPolledAt = clock.instant();
        int sent = 0;
        int routed = 0;
        List<String> refusals = new ArrayList<>();
        if (lostAnswers == LostAnswers.SENT_AGAIN) {
            resendSentEntries();
        }
        for (Entry lost : takeSentEntries()) {
            answers.accept(new QuickBooksResponse(lost.requestId, lost.request.purpose(),
                    lost.request.correlation(), null, SESSION_LOST), context);
            routed++;
        }
        while (sent < MAX_REQUESTS_PER_SESSION) {
            Entry next = nextToSend();
            if (next == null) {
                break;
            }
            sent++;
            String answer;
            try {
                answer = quickBooks.process(envelope(next.request.fragment()));
            } catch (Exception refused) {
                refusals.add(refused.toString());
                remove(next);
                answers.accept(new QuickBooksResponse(next.requestId, next.request.purpose(),
                        next.request.correlation(), null, "QuickBooks refused the request: " + refused.getMessage()),
                        context);
                routed++;
                continue;
            }
            if (shouldLose(next.request)) {
                return new QuickBooksSession(sent, routed, true, refusals);
            }
            String fragment = responseFragment(answer, next.requestId);
            remove(next);
            answers.accept(new QuickBooksResponse(next.requestId, next.request.purpose(),
                    next.request.correlation(), fragment, fragment == null ? "QuickBooks sent no answer for "
                    + next.requestId : null), context);
            routed++;
        }
        return new QuickBooksSession(sent, routed, false, refusals);
    }

    private synchronized void resendSentEntries() {
        queue.forEach(e -> e.sent = false);
    }

    private synchronized List<Entry> takeSentEntries() {
        List<Entry> sent = new ArrayList<>();
        for (Iterator<Entry> it = queue.iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.sent) {
                sent.add(e);
                it.remove();
            }
        }
        return sent;
    }

    private synchronized Entry nextToSend() {
        for (Entry e : queue) {
            if (!e.sent) {
                e.sent = true;
                return e;
            }
        }
        return null;
    }

    private synchronized void remove(Entry entry) {
        queue.remove(entry);
    }

    private synchronized boolean shouldLose(QuickBooksRequest request) {
        if (loseAnswer != null && loseAnswer.test(request)) {
            loseAnswer = null;
            return true;
        }
        return false;
    }

    private String envelope(String fragment) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><?qbxml version=\"" + (qbxmlVersion == null ? "13.0"
                : qbxmlVersion) + "\"?><QBXML><QBXMLMsgsRq onError=\"stopOnError\">" + fragment
                + "</QBXMLMsgsRq></QBXML>";
    }

    /** Sets (or replaces) the requestID attribute on the request element. */
    static String withRequestId(String fragment, String requestId) {
        Matcher tag = OPENING_TAG.matcher(fragment);
        if (!tag.find()) {
            throw new IllegalArgumentException("Not a qbXML request element: " + fragment);
        }
        String attributes = REQUEST_ID.matcher(tag.group(2)).replaceAll("");
        String opening = "<" + tag.group(1) + " requestID=\"" + requestId + "\"" + attributes + tag.group(3) + ">";
        return opening + fragment.substring(tag.end());
    }

    /** The {@code …Rs} element of the response document that answers {@code requestId}, or null. */
    static String responseFragment(String responseDocument, String requestId) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Document document = factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(responseDocument.strip())));
            Element messages = firstChild(document.getDocumentElement(), "QBXMLMsgsRs");
            if (messages == null) {
                return null;
            }
            for (Node n = messages.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element rs && requestId.equals(rs.getAttribute("requestID"))) {
                    Transformer transformer = TransformerFactory.newInstance().newTransformer();
                    transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
                    StringWriter out = new StringWriter();
                    transformer.transform(new DOMSource(rs), new StreamResult(out));
                    return out.toString();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable qbXML response document: " + e.getMessage(), e);
        }
    }

    private static Element firstChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
