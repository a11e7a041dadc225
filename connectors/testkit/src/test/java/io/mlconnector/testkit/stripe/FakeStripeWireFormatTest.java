package io.mlconnector.testkit.stripe;

import com.stripe.StripeClient;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.model.BalanceTransaction;
import com.stripe.model.Charge;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.BalanceTransactionListParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.CustomerListParams;
import io.mlconnector.testkit.gocardless.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The official stripe-java client, unchanged, against the fake: the fake speaks Stripe's wire format. */
class FakeStripeWireFormatTest {

    private final FakeStripe stripe = FakeStripe.start();

    @AfterEach
    void stop() {
        stripe.close();
    }

    private StripeClient client(String key, int retries) {
        return StripeClient.builder().setApiKey(key).setApiBase(stripe.apiBase()).setMaxNetworkRetries(retries)
                .build();
    }

    @Test
    void sameIdempotencyKeyAndBodyGivesTheSameCustomerAndAnotherBodyIsRefused() throws Exception {
        StripeClient client = client(stripe.testSecretKey(), 0);
        RequestOptions key = RequestOptions.builder().setIdempotencyKey("qbd-customer-80000001").build();
        CustomerCreateParams ada = CustomerCreateParams.builder().setName("Ada").setEmail("ada@example.com").build();

        Customer first = client.v1().customers().create(ada, key);
        Customer again = client.v1().customers().create(ada, key);

        assertEquals(first.getId(), again.getId());
        assertEquals(1, stripe.objects("customer").size());
        RecordedRequest replayed = stripe.requests().get(1);
        assertEquals("qbd-customer-80000001", replayed.header("Idempotency-Key"));
        assertThrows(IdempotencyException.class, () -> client.v1().customers()
                .create(CustomerCreateParams.builder().setName("Grace").build(), key));
        assertEquals(1, stripe.objects("customer").size());
    }

    @Test
    void listsArePagedNewestFirstWithStartingAfter() throws Exception {
        for (int i = 0; i < 25; i++) {
            stripe.customer("Customer " + i, "c" + i + "@example.com");
        }
        StripeClient client = client(stripe.testSecretKey(), 0);
        List<String> names = new ArrayList<>();
        client.v1().customers().list(CustomerListParams.builder().setLimit(10L).build())
                .autoPagingIterable().forEach(c -> names.add(c.getName()));

        assertEquals(25, names.size());
        assertEquals("Customer 24", names.get(0));
        assertEquals(25, new HashSet<>(names).size());
        long pages = stripe.requests().stream().filter(r -> r.path().equals("/v1/customers")).count();
        assertEquals(3, pages);
        assertTrue(stripe.requests().get(1).query().containsKey("starting_after"));
    }

    @Test
    void aThrottleStripeAsksToRetryIsRetriedAndOneWithoutTheHeaderIsNot() throws Exception {
        StripeClient client = client(stripe.testSecretKey(), 2);
        String cus = stripe.customer("Ada", "ada@example.com");

        stripe.throttleNext(1, true);
        assertEquals(cus, client.v1().customers().retrieve(cus).getId());

        stripe.throttleNext(1, null);
        assertThrows(RateLimitException.class, () -> client.v1().customers().retrieve(cus));

        stripe.failNext(2, 503);
        assertEquals(cus, client.v1().customers().retrieve(cus).getId());
        assertEquals(4, stripe.faultsAnswered());
    }

    @Test
    void aRestrictedKeyIsRefusedWhatItsPermissionsDoNotAllowAndTellsWhich() throws Exception {
        String key = stripe.restrictedTestKey("rak_customer_write");
        StripeClient client = client(key, 0);
        client.v1().customers().create(CustomerCreateParams.builder().setName("Ada").build());
        client.v1().customers().list(CustomerListParams.builder().build());

        PermissionException refused = assertThrows(PermissionException.class,
                () -> client.v1().payouts().list());
        assertEquals(403, refused.getStatusCode());
        assertTrue(refused.getMessage().contains("rak_payout_read"), refused.getMessage());
        assertFalse(refused.getMessage().contains(key), "the key is shown masked");
    }

    @Test
    void liveKeysMakeLiveObjects() throws Exception {
        Customer live = client(stripe.liveSecretKey(), 0).v1().customers()
                .create(CustomerCreateParams.builder().setName("Ada").build());
        Customer test = client(stripe.testSecretKey(), 0).v1().customers()
                .create(CustomerCreateParams.builder().setName("Ada").build());
        assertTrue(live.getLivemode());
        assertFalse(test.getLivemode());
    }

    @Test
    void aPayoutsTransactionsAddUpToThePayoutAndExpandToTheirSources() throws Exception {
        String cus = stripe.customer("Ada", "ada@example.com");
        String pi1 = stripe.succeedPayment(cus, 10_000, "usd", Map.of("qbd_invoice", "1-2"));
        String pi2 = stripe.succeedPayment(cus, 5_000, "usd", Map.of());
        stripe.refund(stripe.chargeOf(pi2), 1_000);
        String po = stripe.payout("usd");

        StripeClient client = client(stripe.testSecretKey(), 0);
        long payout = client.v1().payouts().retrieve(po).getAmount();
        long sum = 0;
        Set<String> types = new HashSet<>();
        for (BalanceTransaction t : client.v1().balanceTransactions().list(BalanceTransactionListParams.builder()
                .setPayout(po).setLimit(2L).addExpand("data.source").build()).autoPagingIterable()) {
            types.add(t.getType());
            if (!"payout".equals(t.getType())) {
                sum += t.getNet();
            }
            if ("charge".equals(t.getType())) {
                assertTrue(t.getSourceObject() instanceof Charge, "data.source is expanded");
            }
        }
        assertEquals(Set.of("charge", "refund", "payout"), types);
        assertEquals(payout, sum);
        assertEquals(15_000 - 1_000 - FakeStripe.standardFee(10_000) - FakeStripe.standardFee(5_000), payout);

        PaymentIntent intent = client.v1().paymentIntents().retrieve(pi1);
        assertEquals("succeeded", intent.getStatus());
        assertEquals("1-2", intent.getMetadata().get("qbd_invoice"));
        Charge charge = client.v1().charges().retrieve(intent.getLatestCharge());
        assertEquals(pi1, charge.getPaymentIntent());
    }
}
