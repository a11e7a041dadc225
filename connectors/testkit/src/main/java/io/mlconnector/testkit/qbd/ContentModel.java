package io.mlconnector.testkit.qbd;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.w3c.dom.Element;

/**
 * A tiny grammar for element content (sequence, choice, repetition), enough to express the qbXML
 * content models QuickBooks enforces. QuickBooks validates order strictly: an element in the wrong
 * place or an element it does not know fails the whole message.
 */
abstract class ContentModel {

    /** Positions in {@code kids} where matching {@code this} from {@code from} can end. */
    abstract Set<Integer> ends(List<Element> kids, int from, Validation validation);

    /** Text content rules for leaf elements. */
    enum TextType { ANY, BOOL, AMOUNT, INT, DECIMAL }

    static ContentModel leaf(String name) {
        return new Elem(name, null, TextType.ANY);
    }

    static ContentModel leaf(String name, TextType type) {
        return new Elem(name, null, type);
    }

    static ContentModel element(String name, ContentModel content) {
        return new Elem(name, content, TextType.ANY);
    }

    static ContentModel seq(ContentModel... parts) {
        return new Seq(List.of(parts));
    }

    static ContentModel choice(ContentModel... parts) {
        return new Choice(List.of(parts));
    }

    static ContentModel repeat(ContentModel part, int min, int max) {
        return new Repeat(part, min, max);
    }

    static ContentModel any() {
        return new Any();
    }

    /** Validates the children of {@code element} against {@code model}; throws on the first violation. */
    static void validate(Element element, ContentModel model) {
        new Validation().check(element, model);
    }

    static final class Validation {
        private final Set<Element> validated = Collections.newSetFromMap(new IdentityHashMap<>());

        void check(Element element, ContentModel model) {
            if (!validated.add(element)) {
                return;
            }
            if (model instanceof Any) {
                return;
            }
            if (!Xml.hasOnlyWhitespaceText(element)) {
                throw new SchemaViolation("<" + Xml.name(element) + "> must not contain text");
            }
            List<Element> kids = Xml.children(element);
            Set<Integer> ends = model.ends(kids, 0, this);
            if (!ends.contains(kids.size())) {
                int reached = ends.isEmpty() ? 0 : Collections.max(ends);
                String where = reached < kids.size()
                        ? "unexpected <" + Xml.name(kids.get(reached)) + "> at position " + (reached + 1)
                        : "a required element is missing at the end";
                throw new SchemaViolation("<" + Xml.name(element) + ">: " + where);
            }
        }
    }

    /** The content of an element does not follow its model. */
    static final class SchemaViolation extends RuntimeException {
        SchemaViolation(String message) {
            super(message);
        }
    }

    private static final class Elem extends ContentModel {
        private final String name;
        private final ContentModel content;
        private final TextType type;

        Elem(String name, ContentModel content, TextType type) {
            this.name = name;
            this.content = content;
            this.type = type;
        }

        @Override
        Set<Integer> ends(List<Element> kids, int from, Validation validation) {
            if (from >= kids.size() || !name.equals(Xml.name(kids.get(from)))) {
                return Set.of();
            }
            Element kid = kids.get(from);
            if (content != null) {
                validation.check(kid, content);
            } else {
                checkLeaf(kid);
            }
            return Set.of(from + 1);
        }

        private void checkLeaf(Element kid) {
            if (!Xml.children(kid).isEmpty()) {
                throw new SchemaViolation("<" + name + "> must not contain elements");
            }
            String value = kid.getTextContent().trim();
            if (type == TextType.BOOL && !value.equals("true") && !value.equals("false")) {
                // Leave the conversion error to the message handler (status 3010), as QuickBooks does.
                return;
            }
            if (type == TextType.AMOUNT && !QbValues.isAmount(value)) {
                throw new SchemaViolation("<" + name + "> is not an amount: " + value);
            }
            if (type == TextType.DECIMAL && !value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
                throw new SchemaViolation("<" + name + "> is not a number: " + value);
            }
            if (type == TextType.INT && !value.matches("[+-]?\\d{1,9}")) {
                throw new SchemaViolation("<" + name + "> is not an integer: " + value);
            }
        }
    }

    private static final class Seq extends ContentModel {
        private final List<ContentModel> parts;

        Seq(List<ContentModel> parts) {
            this.parts = parts;
        }

        @Override
        Set<Integer> ends(List<Element> kids, int from, Validation validation) {
            Set<Integer> current = Set.of(from);
            for (ContentModel part : parts) {
                Set<Integer> next = new TreeSet<>();
                for (int position : current) {
                    next.addAll(part.ends(kids, position, validation));
                }
                if (next.isEmpty()) {
                    return Set.of();
                }
                current = next;
            }
            return current;
        }
    }

    private static final class Choice extends ContentModel {
        private final List<ContentModel> parts;

        Choice(List<ContentModel> parts) {
            this.parts = parts;
        }

        @Override
        Set<Integer> ends(List<Element> kids, int from, Validation validation) {
            Set<Integer> result = new TreeSet<>();
            for (ContentModel part : parts) {
                result.addAll(part.ends(kids, from, validation));
            }
            return result;
        }
    }

    private static final class Repeat extends ContentModel {
        private final ContentModel part;
        private final int min;
        private final int max;

        Repeat(ContentModel part, int min, int max) {
            this.part = part;
            this.min = min;
            this.max = max;
        }

        @Override
        Set<Integer> ends(List<Element> kids, int from, Validation validation) {
            Set<Integer> result = new LinkedHashSet<>();
            if (min == 0) {
                result.add(from);
            }
            Set<Integer> current = Set.of(from);
            for (int count = 1; count <= max && !current.isEmpty(); count++) {
                Set<Integer> next = new TreeSet<>();
                for (int position : current) {
                    for (int end : part.ends(kids, position, validation)) {
                        if (end > position) {
                            next.add(end);
                        }
                    }
                }
                if (count >= min) {
                    result.addAll(next);
                }
                current = next;
            }
            return new TreeSet<>(result);
        }
    }

    /** Accepts any content: used for aggregates the simulator accepts but does not interpret. */
    private static final class Any extends ContentModel {
        @Override
        Set<Integer> ends(List<Element> kids, int from, Validation validation) {
            return Set.of(kids.size());
        }
    }

}
