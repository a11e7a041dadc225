package io.mlconnector.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormFieldsTest {

    @Test
    void theTokenIsReadFromAnywhereInTheFormAndDecoded() {
        assertEquals(Optional.of("a+b/c=="), FormFields.field("name=Ann&csrfToken=a%2Bb%2Fc%3D%3D&x=1", "csrfToken"));
        assertEquals(Optional.of("first"), FormFields.field("csrfToken=first&csrfToken=second", "csrfToken"));
    }

    @Test
    void aMissingOrEmptyTokenIsNoToken() {
        assertEquals(Optional.empty(), FormFields.field("name=Ann", "csrfToken"));
        assertEquals(Optional.empty(), FormFields.field("csrfToken=&name=Ann", "csrfToken"));
        assertEquals(Optional.empty(), FormFields.field("", "csrfToken"));
        assertEquals(Optional.empty(), FormFields.field("csrfTokenX=abc", "csrfToken"));
    }
}
