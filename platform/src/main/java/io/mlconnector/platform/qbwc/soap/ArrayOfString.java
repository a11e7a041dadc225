package io.mlconnector.platform.qbwc.soap;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.List;

/** The authenticate result: a sequence of {@code <string>} elements. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ArrayOfString")
public class ArrayOfString {

    @XmlElement(name = "string", nillable = true)
    public List<String> string = new ArrayList<>();

    public static ArrayOfString of(String... values) {
        ArrayOfString array = new ArrayOfString();
        array.string.addAll(List.of(values));
        return array;
    }
}
