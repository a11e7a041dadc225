package io.mlconnector.systems.zuora;

import io.mlconnector.api.money.Money;

/** The part of a payment applied to one invoice. */
public record ZuoraPaymentApplication(String invoiceId, Money appliedAmount) {
}
