package io.mlconnector.web.connections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.spec.SettingField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsFormTest {

    static final Choice BANK = new Choice("Bank", "Bank", "Bank account");
    static final Choice CASH = new Choice("Cash", "Cash", null);
    static final SettingsForm.Option NONE = new SettingsForm.Option("", "None", false);

    @Test
    void aRequiredSettingWithNothingStoredAsksForAChoiceFirst() {
        SettingField field = SettingField.text("bank", "Bank account", "Where payouts go.", null).offering("accounts");

        SettingsForm.Input input = only(field, Map.of(), Map.of());

        assertTrue(input.picking());
        assertEquals(List.of(new SettingsForm.Option("", "Choose one…", true), new SettingsForm.Option("Bank", "Bank — Bank account", false),
                new SettingsForm.Option("Cash", "Cash", false)), input.options());
        assertNull(input.listNote());
    }

    @Test
    void anOptionalSettingWithoutDefaultCanBeSetBackToNone() {
        SettingField field = new SettingField("ar", "A/R account", "Only if not the default one.", SettingField.Type.TEXT, false, null, List.of())
                .offering("accounts");

        SettingsForm.Input input = only(field, Map.of("ar", "Cash"), Map.of());

        assertEquals(NONE, input.options().get(0));
        assertEquals(List.of("Cash"), input.options().stream().filter(SettingsForm.Option::selected).map(SettingsForm.Option::value).toList());
    }

    @Test
    void aValueSentThatIsNotAnEntryIsNotShownAgainButTheStoredOneIs() {
        SettingField field = SettingField.text("bank", "Bank account", "Where payouts go.", null).offering("accounts");

        SettingsForm.Input input = only(field, Map.of("bank", "Cash"), Map.of("bank", "Forged"));

        assertEquals("Cash", input.value());
        assertFalse(input.options().stream().anyMatch(o -> o.label().contains("Forged")));
    }

    @Test
    void aSettingWhoseListIsTooLongIsTypedAndSaysWhy() {
        SettingField field = SettingField.text("bank", "Bank account", "Where payouts go.", null).offering("accounts");
        SettingLists.Offered offered = new SettingLists.Offered(Map.of(), Set.of("bank"), "Pay or Books", Map.of());

        SettingsForm.Input input = SettingsForm.of(List.of(field), Map.of("bank", "Cash"), Map.of(), Map.of(), offered).get(0);

        assertFalse(input.picking());
        assertEquals("Cash", input.value());
        assertEquals("There are too many choices in Pay or Books to list here: type it exactly as it is there.", input.listNote());
    }

    @Test
    void aSettingThatNamesItsListsSystemSaysWhereTheChoicesComeFrom() {
        SettingField field = SettingField.text("bank", "Bank account", "Where payouts go.", null).offering("accounts", "books");
        SettingLists.Offered offered = new SettingLists.Offered(Map.of(), Set.of(), "Pay or Books", Map.of("pay", "Pay", "books", "Books"));

        SettingsForm.Input input = SettingsForm.of(List.of(field), Map.of(), Map.of(), Map.of(), offered).get(0);

        assertTrue(input.listNote().contains("read the choices from Books."), input.listNote());
    }

    private static SettingsForm.Input only(SettingField field, Map<String, String> stored, Map<String, String> typed) {
        SettingLists.Offered offered = new SettingLists.Offered(Map.of(field.key(), List.of(BANK, CASH)), Set.of(), "Pay or Books", Map.of());
        return SettingsForm.of(List.of(field), stored, typed, Map.of(), offered).get(0);
    }
}
