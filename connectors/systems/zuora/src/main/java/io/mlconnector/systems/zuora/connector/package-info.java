/**
 * Zuora for any connector pair: the credential and setting fields a connection needs
 * ({@link io.mlconnector.systems.zuora.connector.ZuoraFields}), the API client built from them
 * ({@link io.mlconnector.systems.zuora.connector.ZuoraClients}), and callouts received, checked and
 * turned into inbox events ({@link io.mlconnector.systems.zuora.connector.ZuoraCalloutReceiver}).
 */
package io.mlconnector.systems.zuora.connector;
