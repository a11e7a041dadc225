package io.mlconnector.testkit.qbd;

/** A service item (ItemService); the only item type the simulator creates. */
final class ItemEntity extends ListEntity {
    String desc;
    String price;
    String accountListId;

    @Override
    ItemEntity copy() {
        ItemEntity i = copyCoreInto(new ItemEntity());
        i.desc = desc;
        i.price = price;
        i.accountListId = accountListId;
        return i;
    }
}
