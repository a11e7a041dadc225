package io.mlconnector.testkit.qbd;

import org.w3c.dom.Element;

/** A qbXML address block (BillAddress, ShipAddress, Address); unused fields are null. */
public record QbAddress(String addr1, String addr2, String addr3, String addr4, String addr5, String city,
        String state, String postalCode, String country, String note) {

    static QbAddress from(Element element) {
        if (element == null) {
            return null;
        }
        return new QbAddress(Xml.text(element, "Addr1"), Xml.text(element, "Addr2"), Xml.text(element, "Addr3"),
                Xml.text(element, "Addr4"), Xml.text(element, "Addr5"), Xml.text(element, "City"),
                Xml.text(element, "State"), Xml.text(element, "PostalCode"), Xml.text(element, "Country"),
                Xml.text(element, "Note"));
    }

    void write(RetWriter writer, String name) {
        writer.open(name);
        writer.leaf("Addr1", addr1).leaf("Addr2", addr2).leaf("Addr3", addr3).leaf("Addr4", addr4)
                .leaf("Addr5", addr5).leaf("City", city).leaf("State", state).leaf("PostalCode", postalCode)
                .leaf("Country", country).leaf("Note", note);
        writer.close();
    }
}
