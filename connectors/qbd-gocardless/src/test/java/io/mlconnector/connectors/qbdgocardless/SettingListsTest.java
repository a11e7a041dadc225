package io.mlconnector.connectors.qbdgocardless;

import io.mlconnector.systems.qbd.lists.SettingLists;
import io.mlconnector.systems.qbd.lists.SettingListsRead;
import io.mlconnector.systems.qbd.lists.AccountPurpose;
import io.mlconnector.api.context.Choice;
import io.mlconnector.api.qbd.QuickBooksRequest;
import io.mlconnector.api.spec.CheckResult;
import io.mlconnector.systems.qbd.QbXml;
import io.mlconnector.systems.qbd.xml.AccountQueryRq;
import io.mlconnector.systems.qbd.xml.ActiveStatus;
import io.mlconnector.systems.qbd.xml.ItemQueryRq;
import io.mlconnector.systems.qbd.xml.OnError;
import io.mlconnector.systems.qbd.xml.PaymentMethodQueryRq;
import io.mlconnector.testkit.context.QuickBooksSession;
import io.mlconnector.testkit.qbd.SimulatedCompanyFile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings that name QuickBooks objects offer what the company file really has, each only the
 * kinds it can use, read at the first Web Connector session and kept current by later reads.
 */
class SettingListsTest {

    private static final String DEPOSIT = AccountPurpose.DEPOSIT.pickList();
    private static final String BANK = AccountPurpose.PAYOUT_BANK.pickList();
    private static final String FEES = AccountPurpose.FEES.pickList();
    private static final String CLEARING = AccountPurpose.CLEARING.pickList();
    private static final String RECEIVABLES = AccountPurpose.RECEIVABLES.pickList();

    /**
     * Besides what every Scenario company has (Checking, Undeposited Funds, Accounts Receivable,
     * Services, Bank Service Charges, GoCardless Fees, GoCardless Clearing; Cash, Check, Visa,
     * MasterCard, GoCardless; the items Services and GoCardless Refund): more kinds of account, and
     * an inactive account and payment method.
     */
    private static Scenario companyWithManyAccounts() {
        Scenario s = Scenario.gbp();
        s.books.addAccount("Merchant Fees", "OtherExpense");
        s.books.addAccount("Card Processing", "CostOfGoodsSold");
        s.books.addAccount("Sales Ledger EUR", "AccountsReceivable");
        s.books.addAccount("Company Card", "CreditCard");
        s.books.addAccount("Trade Creditors", "AccountsPayable");
        s.books.addAccount("Savings", "Bank");
        add(s.books, "<AccountAddRq><AccountAdd><Name>Old Bank</Name><IsActive>false</IsActive>"
                + "<AccountType>Bank</AccountType></AccountAdd></AccountAddRq>");
        add(s.books, "<PaymentMethodAddRq><PaymentMethodAdd><Name>Old Cheques</Name><IsActive>false</IsActive>"
                + "<PaymentMethodType>Check</PaymentMethodType></PaymentMethodAdd></PaymentMethodAddRq>");
        return s;
    }

    /** Something a person did in QuickBooks, as QuickBooks' own screens would save it. */
    private static void add(SimulatedCompanyFile books, String fragment) {
        String answer;
        try {
            answer = books.process(QbXml.requestDocument("13.0", OnError.STOP_ON_ERROR, List.of(fragment)));
        } catch (Exception e) {
            throw new AssertionError("QuickBooks refused " + fragment, e);
        }
        assertTrue(answer.contains("statusCode=\"0\""), answer);
    }

    private static List<String> ids(Scenario s, String list) {
        return s.ctx.pickLists().search(list, "", 1000).stream().map(Choice::id).toList();
    }

    private static void readLists(Scenario s) {
        s.connector.runSchedule(QbdGoCardlessSpec.QUICKBOOKS_LISTS, s.ctx);
    }

    @Test
    void aSessionFillsEachSettingsListWithTheQuickBooksObjectsFitForIt() {
        try (Scenario s = companyWithManyAccounts()) {
            readLists(s);
            s.poll();

            assertEquals(List.of("Checking", "GoCardless Clearing", "Savings", "Undeposited Funds"), ids(s, DEPOSIT),
                    "payments go to Undeposited Funds, a bank or another current asset");
            assertEquals(List.of("Checking", "Savings"), ids(s, BANK), "payouts reach a bank account");
            assertEquals(List.of("Bank Service Charges", "Card Processing", "GoCardless Fees", "Merchant Fees"),
                    ids(s, FEES), "expense, other expense and cost of goods sold accounts");
            assertEquals(List.of("Checking", "GoCardless Clearing", "Savings"), ids(s, CLEARING),
                    "not Undeposited Funds, which holds the payments the payouts deposit");
            assertEquals(List.of("Accounts Receivable", "Sales Ledger EUR"), ids(s, RECEIVABLES));
            assertEquals(List.of("Cash", "Check", "GoCardless", "MasterCard", "Visa"),
                    ids(s, SettingLists.PAYMENT_METHODS), "active payment methods only");
            assertEquals(List.of("GoCardless Refund", "Services"), ids(s, SettingLists.REFUND_ITEMS));

            assertTrue(ids(s, FEES).contains("GoCardless Fees"));
            assertFalse(ids(s, DEPOSIT).contains("GoCardless Fees"), "an expense account is no place for payments");
            assertFalse(ids(s, DEPOSIT).contains("Old Bank"), "inactive accounts are not offered");

            Choice fees = s.ctx.pickLists().find(FEES, "GoCardless Fees").orElseThrow();
            assertEquals("GoCardless Fees", fees.label());
            assertEquals("Expense", fees.detail());
            assertEquals("Cost of goods sold", s.ctx.pickLists().find(FEES, "Card Processing").orElseThrow().detail());
            assertEquals("Other current asset",
                    s.ctx.pickLists().find(DEPOSIT, "Undeposited Funds").orElseThrow().detail());
            assertEquals("Other", s.ctx.pickLists().find(SettingLists.PAYMENT_METHODS, "GoCardless").orElseThrow().detail());
            assertEquals("Service item",
                    s.ctx.pickLists().find(SettingLists.REFUND_ITEMS, "GoCardless Refund").orElseThrow().detail());
            assertTrue(s.ctx.audit().steps(SettingListsRead.CORRELATION).containsAll(
                    List.of("lists.accounts-read", "lists.payment-methods-read", "lists.items-read")));
        }
    }

    @Test
    void theReadsAskQuickBooksForActiveObjectsOnlyWithJustTheElementsTheListsNeed() {
        try (Scenario s = Scenario.gbp()) {
            readLists(s);
            List<QuickBooksRequest> waiting = s.ctx.quickBooks().waiting();

            assertEquals(3, waiting.size(), "accounts, payment methods and items, one request each");
            AccountQueryRq accounts = (AccountQueryRq) QbXml.parseRequest(waiting.get(0).fragment());
            assertEquals(ActiveStatus.ACTIVE_ONLY, accounts.getActiveStatus());
            assertEquals(List.of("FullName", "IsActive", "AccountType", "SpecialAccountType"),
                    accounts.getIncludeRetElement());
            PaymentMethodQueryRq methods = (PaymentMethodQueryRq) QbXml.parseRequest(waiting.get(1).fragment());
            assertEquals(ActiveStatus.ACTIVE_ONLY, methods.getActiveStatus());
            ItemQueryRq items = (ItemQueryRq) QbXml.parseRequest(waiting.get(2).fragment());
            assertEquals(ActiveStatus.ACTIVE_ONLY, items.getActiveStatus());
            assertNull(items.getIterator(), "a short list, read whole");
        }
    }

    @Test
    void theRefundItemIsChosenOnlyFromItemsACreditMemoLineCanCarryAsAnAmount() {
        try (Scenario s = Scenario.gbp()) {
            readLists(s);
            // QuickBooks answers with every kind of item; the simulated file only makes service items,
            // so the other kinds are added to its answer as QuickBooks would write them.
            s.poll(document -> {
                String answer = s.books.process(document);
                return !document.contains("<ItemQueryRq") ? answer : answer.replace("</ItemQueryRs>",
                        item("ItemInventoryRet", "Widgets") + item("ItemOtherChargeRet", "Refunds:Direct Debit")
                                + item("ItemNonInventoryRet", "Sundries") + item("ItemDiscountRet", "Loyalty Discount")
                                + item("ItemSubtotalRet", "Subtotal") + item("ItemPaymentRet", "Deposit Taken")
                                + item("ItemSalesTaxRet", "VAT") + item("ItemGroupRet", "Bundle")
                                + "</ItemQueryRs>");
            });

            assertEquals(List.of("GoCardless Refund", "Refunds:Direct Debit", "Services", "Sundries"),
                    ids(s, SettingLists.REFUND_ITEMS));
            assertEquals("Other charge item",
                    s.ctx.pickLists().find(SettingLists.REFUND_ITEMS, "Refunds:Direct Debit").orElseThrow().detail());
            assertEquals("Non-inventory item",
                    s.ctx.pickLists().find(SettingLists.REFUND_ITEMS, "Sundries").orElseThrow().detail());
        }
    }

    private static String item(String kind, String fullName) {
        String name = fullName.substring(fullName.lastIndexOf(':') + 1);
        return "<" + kind + "><Name>" + name + "</Name><FullName>" + fullName + "</FullName><IsActive>true</IsActive></"
                + kind + ">";
    }

    @Test
    void aLaterReadDropsWhatWasDeletedOrMadeInactiveInQuickBooksAndAddsWhatIsNew() {
        try (Scenario s = companyWithManyAccounts()) {
            readLists(s);
            s.poll();
            assertTrue(ids(s, FEES).contains("Merchant Fees"));
            assertTrue(ids(s, BANK).contains("Savings"));

            // The same books an hour later: Merchant Fees and the GoCardless payment method deleted,
            // Savings made inactive, a new fee account created.
            SimulatedCompanyFile later = SimulatedCompanyFile.builder().country("UK").companyName("Acme UK Ltd").build();
            later.addAccount("GoCardless Fees", "Expense");
            later.addAccount("GoCardless Clearing", "OtherCurrentAsset");
            later.addAccount("Card Processing", "CostOfGoodsSold");
            later.addAccount("Sales Ledger EUR", "AccountsReceivable");
            later.addAccount("Stripe Fees", "Expense");
            add(later, "<AccountAddRq><AccountAdd><Name>Savings</Name><IsActive>false</IsActive>"
                    + "<AccountType>Bank</AccountType></AccountAdd></AccountAddRq>");
            later.addServiceItem("GoCardless Refund", "Services");
            s.books.clock().advance(Duration.ofHours(1));
            readLists(s);
            s.poll(later::process);

            assertEquals(List.of("Bank Service Charges", "Card Processing", "GoCardless Fees", "Stripe Fees"),
                    ids(s, FEES));
            assertEquals(List.of("Checking"), ids(s, BANK));
            assertEquals(List.of("Checking", "GoCardless Clearing", "Undeposited Funds"), ids(s, DEPOSIT));
            assertEquals(List.of("Cash", "Check", "MasterCard", "Visa"), ids(s, SettingLists.PAYMENT_METHODS));
        }
    }

    @Test
    void nothingIsQueuedAgainWhileAReadIsPendingAndALostAnswerIsAskedForAgain() {
        try (Scenario s = Scenario.gbp()) {
            readLists(s);
            readLists(s);
            assertEquals(3, s.ctx.quickBooks().waiting().size(), "the second run found the first read waiting");

            s.ctx.quickBooks().loseAnswerOfNext(rq -> rq.fragment().contains("<AccountQueryRq"));
            QuickBooksSession dead = s.poll();
            assertTrue(dead.killed());
            readLists(s);
            assertEquals(3, s.ctx.quickBooks().size(), "still waiting for the lost answer and the two unsent reads");
            assertEquals(0, s.ctx.pickLists().size(FEES));

            s.poll();

            assertEquals(0, s.ctx.quickBooks().size());
            assertEquals(List.of("Bank Service Charges", "GoCardless Fees"), ids(s, FEES),
                    "the account read whose answer was lost was sent again");
            assertEquals(List.of("lists.read", "lists.read", "lists.read"), s.ctx.audit().steps(SettingListsRead.CORRELATION)
                    .stream().filter(step -> step.equals("lists.read")).toList());
            assertTrue(s.ctx.audit().steps(SettingListsRead.CORRELATION).contains("lists.accounts-retried"));

            readLists(s);
            assertEquals(3, s.ctx.quickBooks().waiting().size(), "once answered, the next scheduled read goes out");
        }
    }

    @Test
    void testConnectionSaysWhenASettingNamesAnAccountQuickBooksDoesNotOffer() {
        try (Scenario s = Scenario.gbp(Map.of(Keys.FEE_ACCOUNT, "Stripe Fees", Keys.BANK_ACCOUNT, "checking"))) {
            s.poll();
            CheckResult.SideCheck before = quickBooksSide(s);
            assertTrue(before.ok(), "the lists are not read yet: nothing to compare with: " + before.message());

            readLists(s);
            s.poll();
            CheckResult.SideCheck after = quickBooksSide(s);

            assertFalse(after.ok());
            assertTrue(after.message().contains("Account for GoCardless fees: QuickBooks has no active \"Stripe Fees\""),
                    after.message());
            assertFalse(after.message().contains("Bank account for payouts"),
                    "QuickBooks does not mind the case of a name: " + after.message());
            assertFalse(after.message().contains("clearing account"),
                    "the default GoCardless Clearing exists: " + after.message());
        }
    }

    private static CheckResult.SideCheck quickBooksSide(Scenario s) {
        return s.connector.check(s.ctx).sides().stream().filter(c -> c.system().equals("quickbooks-desktop"))
                .findFirst().orElseThrow();
    }
}
