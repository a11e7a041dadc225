package io.mlconnector.testkit.qbd;

import java.time.Instant;

/** The ListCore every list object carries, plus its name and active flag. */
abstract class ListEntity {
    String listId;
    Instant timeCreated;
    Instant timeModified;
    String editSequence;
    String name;
    boolean active = true;

    abstract ListEntity copy();

    <T extends ListEntity> T copyCoreInto(T target) {
        target.listId = listId;
        target.timeCreated = timeCreated;
        target.timeModified = timeModified;
        target.editSequence = editSequence;
        target.name = name;
        target.active = active;
        return target;
    }
}
