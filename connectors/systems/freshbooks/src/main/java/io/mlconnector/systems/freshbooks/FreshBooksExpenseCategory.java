package io.mlconnector.systems.freshbooks;

/** An expense category (FreshBooks' list is read-only). */
public record FreshBooksExpenseCategory(String id, String name) {
}
