/**
 * QuickBooks customers for any QBD pair: the pick list people choose from
 * ({@link io.mlconnector.systems.qbd.customers.CustomerPickList}), kept current by
 * {@link io.mlconnector.systems.qbd.customers.CustomerPoll}, and the lookup of a payer's customer by
 * e-mail, then name ({@link io.mlconnector.systems.qbd.customers.CustomerScan} with
 * {@link io.mlconnector.systems.qbd.customers.CustomerMatch}), which asks a person when it finds none
 * or several.
 */
package io.mlconnector.systems.qbd.customers;
