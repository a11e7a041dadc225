/**
 * QuickBooks Desktop (qbXML 13.0) for ml-connector plugins.
 *
 * <p>The contract plugins use:
 * <ul>
 *   <li>{@link io.mlconnector.systems.qbd.QbRequests}: builders for the requests plugins send most
 *       (receive payment, deposit with fees, refund, customer add/mod/query, invoice query, delete);
 *       every other message is a plain object of {@code io.mlconnector.systems.qbd.xml}.</li>
 *   <li>{@link io.mlconnector.systems.qbd.QbXml}: a request object to its XML fragment (validated
 *       against the schema), and response fragments or documents back to typed objects.</li>
 *   <li>{@link io.mlconnector.systems.qbd.QbStatus}: what a response's status means and whether to
 *       proceed, re-query, retry later or park.</li>
 *   <li>{@link io.mlconnector.systems.qbd.QbAmounts}, {@link io.mlconnector.systems.qbd.QbDates},
 *       {@link io.mlconnector.systems.qbd.QbText}: money, dates and text made to fit qbXML.</li>
 *   <li>{@link io.mlconnector.systems.qbd.QbVersionNegotiation}: which qbXML version to speak with a
 *       given QuickBooks, and which messages it lacks.</li>
 *   <li>{@link io.mlconnector.systems.qbd.QbIterators}: paging large queries.</li>
 * </ul>
 * The kit every QuickBooks Desktop pair builds on, in sub-packages:
 * <ul>
 *   <li>{@code queue}: requests queued for the Web Connector with the step their answer continues,
 *       the answers read once, and a router from steps to handlers;</li>
 *   <li>{@code posting}: the exactly-once posting protocol, generic over the transaction type;</li>
 *   <li>{@code customers}: the customer pick list, its poll, and the lookup of a payer's customer;</li>
 *   <li>{@code lists}: the accounts, payment methods and items the settings offer.</li>
 * </ul>
 * See {@code docs/writing-a-connector.md} for a pair using it.
 *
 * <p>The generated bindings in {@code io.mlconnector.systems.qbd.xml} come from
 * {@code src/main/resources/qbxml/qbxml-ml.xsd} at build time.
 */
package io.mlconnector.systems.qbd;
