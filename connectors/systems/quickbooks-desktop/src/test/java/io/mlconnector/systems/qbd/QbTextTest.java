package io.mlconnector.systems.qbd;

import io.mlconnector.systems.qbd.QbText.Overflow;
import io.mlconnector.systems.qbd.xml.CustomerQueryRq;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QbTextTest {

    @Test
    void appliesEachOverflowPolicy() {
        assertEquals("abcde", QbText.fit("f", "abcdefgh", 5, Overflow.TRUNCATE));
        assertEquals("defgh", QbText.fit("f", "abcdefgh", 5, Overflow.KEEP_END));
        assertNull(QbText.fit("f", "abcdefgh", 5, Overflow.OMIT));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> QbText.fit("RefNumber", "abcdefgh", 5, Overflow.REFUSE));
        assertTrue(e.getMessage().contains("RefNumber"));
        assertEquals("abc", QbText.fit("f", "abc", 5, Overflow.REFUSE));
    }

    @Test
    void countsCharactersNotUtf16UnitsAndNeverSplitsAPair() {
        String text = "a😀b😀c";
        assertEquals(text, QbText.fit("f", text, 5, Overflow.REFUSE));
        assertEquals("a😀", QbText.fit("f", text, 2, Overflow.TRUNCATE));
        assertEquals("😀c", QbText.fit("f", text, 2, Overflow.KEEP_END));
    }

    @Test
    void removesCharactersXmlCannotCarry() {
        assertEquals("ab c", QbText.clean("a\u0000b\u0007 c\uFFFE"));
        assertNull(QbText.clean(" \u0001 "));
    }

    @Test
    void theCodecEscapesMarkupAndRefusesRawControlCharacters() {
        String xml = QbXml.toFragment(QbRequests.customerQuery("q").fullNames("Smith & Sons <UK>").build());
        assertTrue(xml.contains("Smith &amp; Sons &lt;UK&gt;"), xml);
        assertEquals("Smith & Sons <UK>", ((CustomerQueryRq) QbXml.parseRequest(xml)).getFullName().get(0));

        CustomerQueryRq raw = new CustomerQueryRq();
        raw.getFullName().add("bad\u0001name");
        assertThrows(QbXmlException.class, () -> QbXml.toFragment(raw));
    }

    @Test
    void theCodecRefusesARequestThatBreaksTheSchema() {
        CustomerQueryRq mixed = new CustomerQueryRq();
        mixed.getListID().add("8-1");
        mixed.setMaxReturned(5);

        QbXmlException e = assertThrows(QbXmlException.class, () -> QbXml.toFragment(mixed));
        assertTrue(e.getMessage().startsWith("CustomerQueryRq breaks the qbXML schema"), e.getMessage());
    }

    @Test
    void referencesAreStableForLaterSearches() {
        assertEquals("PM0012ABCDEF", QbText.reference("PM0012ABCDEF", 20));
        assertEquals(QbText.reference("pi_3MtwBwLkdIwHu7ix28a3tqPa", 20), QbText.reference(" pi_3MtwBwLkdIwHu7ix28a3tqPa ", 20));
        assertThrows(IllegalArgumentException.class, () -> QbText.reference("  ", 20));
    }
}
