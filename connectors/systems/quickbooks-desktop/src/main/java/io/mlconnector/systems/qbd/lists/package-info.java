/**
 * The QuickBooks lists that a QBD pair's settings offer: accounts by
 * {@link io.mlconnector.systems.qbd.lists.AccountPurpose}, payment methods and items, read by
 * {@link io.mlconnector.systems.qbd.lists.SettingListsRead} into pick lists
 * ({@link io.mlconnector.systems.qbd.lists.SettingLists}), and checked by "Test connection" with
 * {@link io.mlconnector.systems.qbd.lists.SettingsInBooks}.
 */
package io.mlconnector.systems.qbd.lists;
