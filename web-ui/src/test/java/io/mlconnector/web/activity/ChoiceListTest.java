package io.mlconnector.web.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mlconnector.api.context.Choice;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChoiceListTest {

    static List<Choice> customers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> new Choice("8000-" + i, "Customer " + i, null)).toList();
    }

    @Test
    void aLongListShowsTwentyAndSaysHowManyMoreThereAre() {
        ChoiceList all = new ChoiceList("", customers(143), false, 143, "customers");

        assertEquals(20, all.shown().size());
        assertEquals("20 of 143 customers shown.", all.summary());
        assertEquals("123 more — refine your search", all.more());
    }

    @Test
    void aBlankSearchCountsTheWholeListEvenWhenOnlyPartOfItWasRead() {
        ChoiceList all = new ChoiceList("", customers(200), true, 1500, "customers");

        assertEquals("1480 more — refine your search", all.more());
    }

    @Test
    void aNarrowSearchShowsEveryMatchInWords() {
        assertEquals("1 customer matches “ada”.", new ChoiceList(" ada ", customers(1), false, 143, "customers").summary());
        assertEquals("3 customers match “ltd”.", new ChoiceList("ltd", customers(3), false, 143, "customers").summary());
        assertEquals("No customer matches “zzz”.", new ChoiceList("zzz", List.of(), false, 143, "customers").summary());
        assertNull(new ChoiceList("ltd", customers(3), false, 143, "customers").more());
    }

    @Test
    void aSearchThatStoppedCountingSaysAtLeast() {
        ChoiceList wide = new ChoiceList("e", customers(200), true, 5000, "customers");

        assertEquals("At least 200 customers match “e”; the first 20 are shown.", wide.summary());
        assertEquals("At least 180 more — refine your search", wide.more());
    }

    @Test
    void aSearchUnderTheBoundCountsExactly() {
        ChoiceList some = new ChoiceList("customer", customers(57), false, 143, "customers");

        assertEquals("57 customers match “customer”; the first 20 are shown.", some.summary());
        assertEquals("37 more — refine your search", some.more());
    }
}
