/**
 * QuickBooks Online accounting API (v3) for connector plugins, over plain HTTP with our own small
 * types. Start at {@link io.mlconnector.systems.qbo.QuickBooksOnline} (typed operations) or
 * {@link io.mlconnector.systems.qbo.QboClient} (entities as JSON); webhooks go through
 * {@link io.mlconnector.systems.qbo.QboWebhookVerifier} and {@link io.mlconnector.systems.qbo.QboWebhookParser}.
 */
package io.mlconnector.systems.qbo;
