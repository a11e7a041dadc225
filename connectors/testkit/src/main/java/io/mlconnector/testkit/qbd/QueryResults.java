package io.mlconnector.testkit.qbd;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Turns a query's matching objects into the response: MaxReturned, iterators (Start, Continue,
 * Stop), metaData, IncludeRetElement, and status 1 ("no match") or 500 (some requested objects
 * missing).
 */
final class QueryResults {

    private QueryResults() {
    }

    /**
     * @param ids        identifiers of all matching objects, in response order
     * @param render     renders one object; may return null when the object disappeared meanwhile
     * @param missing    the first identifier or name that was asked for explicitly but not found
     */
    static void respond(QbResponse response, Element rq, String requestName, MessageContext ctx, List<String> ids,
            Function<String, Element> render, String missing) {
        String iterator = rq.getAttribute("iterator");
        String iteratorId = rq.getAttribute("iteratorID");
        Integer max = maxReturned(rq);
        Set<String> include = new HashSet<>(Xml.texts(rq, "IncludeRetElement"));

        if (iterator.equals("Stop")) {
            ctx.iterators.stop(iteratorId, requestName);
            return;
        }
        List<String> page;
        if (iterator.equals("Continue")) {
            page = ctx.iterators.next(iteratorId, requestName, max == null ? Integer.MAX_VALUE : max);
            response.attribute("iteratorRemainingCount", Integer.toString(ctx.iterators.remaining(iteratorId)));
            response.attribute("iteratorID", iteratorId);
        } else {
            int size = max == null ? ids.size() : Math.min(max, ids.size());
            page = ids.subList(0, size);
            if (iterator.equals("Start")) {
                List<String> rest = ids.subList(size, ids.size());
                String id = ctx.iterators.start(requestName, rest);
                if (rest.isEmpty()) {
                    ctx.iterators.stop(id, requestName);
                }
                response.attribute("iteratorRemainingCount", Integer.toString(rest.size()));
                response.attribute("iteratorID", id);
            }
        }

        String metaData = rq.getAttribute("metaData");
        if (metaData.equals("MetaDataOnly") || metaData.equals("MetaDataAndResponseData")) {
            response.attribute("retCount", Integer.toString(ids.size()));
        }
        if (!metaData.equals("MetaDataOnly")) {
            for (String id : page) {
                Element ret = render.apply(id);
                if (ret != null) {
                    response.add(include.isEmpty() ? ret : keepOnly(ret, include));
                }
            }
        }
        if (missing != null) {
            response.status(500, "Warn", "The query request has not been fully completed. There was a required "
                    + "element (\"" + missing + "\") that could not be found in QuickBooks.");
        } else if (ids.isEmpty() && !iterator.equals("Continue")) {
            response.status(1, "Info", QbResponse.NO_MATCH_MESSAGE);
        }
    }

    static Integer maxReturned(Element rq) {
        String text = Xml.text(rq, "MaxReturned");
        return text == null ? null : Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
    }

    private static Element keepOnly(Element ret, Set<String> include) {
        for (Element child : Xml.children(ret)) {
            if (!include.contains(Xml.name(child))) {
                ret.removeChild(child);
            }
        }
        return ret;
    }

    static boolean flag(Element rq, String name) {
        return "true".equals(Xml.text(rq, name));
    }

    static void removeChildren(Element element) {
        Node child;
        while ((child = element.getFirstChild()) != null) {
            element.removeChild(child);
        }
    }
}
