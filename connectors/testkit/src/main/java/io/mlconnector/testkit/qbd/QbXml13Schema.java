package io.mlconnector.testkit.qbd;

import static io.mlconnector.testkit.qbd.ContentModel.TextType.AMOUNT;
import static io.mlconnector.testkit.qbd.ContentModel.TextType.BOOL;
import static io.mlconnector.testkit.qbd.ContentModel.TextType.DECIMAL;
import static io.mlconnector.testkit.qbd.ContentModel.TextType.INT;
import static io.mlconnector.testkit.qbd.ContentModel.choice;
import static io.mlconnector.testkit.qbd.ContentModel.element;
import static io.mlconnector.testkit.qbd.ContentModel.leaf;
import static io.mlconnector.testkit.qbd.ContentModel.repeat;
import static io.mlconnector.testkit.qbd.ContentModel.seq;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Content models of the qbXML 13.0 requests the simulated company file understands, written from
 * the element orders of Intuit's qbXML 13.0 schema. Only the messages listed in {@link #requests()}
 * are supported; anything else is rejected the way QuickBooks rejects an unknown element.
 */
final class QbXml13Schema {

    private static final int UNBOUNDED = Integer.MAX_VALUE;

    /** A supported request: its content model and which query attributes it accepts. */
    record RequestDef(String name, ContentModel model, boolean metaData, boolean iterator) {
    }

    private static final Map<String, RequestDef> REQUESTS = new LinkedHashMap<>();

    private QbXml13Schema() {
    }

    static Map<String, RequestDef> requests() {
        return REQUESTS;
    }

    static Set<String> supportedRequestNames() {
        return REQUESTS.keySet();
    }

    // ---- small vocabulary -------------------------------------------------------------------

    private static ContentModel o(String name) {
        return repeat(leaf(name), 0, 1);
    }

    private static ContentModel r(String name) {
        return leaf(name);
    }

    private static ContentModel oAmount(String name) {
        return repeat(leaf(name, AMOUNT), 0, 1);
    }

    private static ContentModel oBool(String name) {
        return repeat(leaf(name, BOOL), 0, 1);
    }

    private static ContentModel opt(ContentModel model) {
        return repeat(model, 0, 1);
    }

    private static ContentModel star(ContentModel model) {
        return repeat(model, 0, UNBOUNDED);
    }

    private static ContentModel plus(ContentModel model) {
        return repeat(model, 1, UNBOUNDED);
    }

    private static final ContentModel LIST_REF_CONTENT = seq(o("ListID"), o("FullName"));

    private static ContentModel ref(String name) {
        return element(name, LIST_REF_CONTENT);
    }

    private static ContentModel oRef(String name) {
        return opt(ref(name));
    }

    private static final ContentModel ADDRESS_CONTENT = seq(o("Addr1"), o("Addr2"), o("Addr3"), o("Addr4"),
            o("Addr5"), o("City"), o("State"), o("PostalCode"), o("Country"), o("Note"));

    private static ContentModel oAddress(String name) {
        return opt(element(name, ADDRESS_CONTENT));
    }

    private static final ContentModel SHIP_TO_ADDRESS = element("ShipToAddress", seq(r("Name"), o("Addr1"),
            o("Addr2"), o("Addr3"), o("Addr4"), o("Addr5"), o("City"), o("State"), o("PostalCode"), o("Country"),
            o("Note"), oBool("DefaultShipTo")));
    private static final ContentModel PERSON_NAME = seq(o("Salutation"), o("FirstName"), o("MiddleName"),
            o("LastName"), o("Suffix"));
    private static final ContentModel COMM_INFO = seq(o("Phone"), o("Mobile"), o("Pager"), o("AltPhone"),
            o("Fax"), o("Email"), o("Cc"), o("Contact"), o("AltContact"));
    private static final ContentModel ADDITIONAL_CONTACT_REF =
            element("AdditionalContactRef", seq(r("ContactName"), r("ContactValue")));
    private static final ContentModel CONTACT_INFO = seq(o("Salutation"), r("FirstName"), o("MiddleName"),
            o("LastName"), o("JobTitle"), repeat(ADDITIONAL_CONTACT_REF, 0, 5));
    private static final ContentModel CREDIT_CARD_INFO = element("CreditCardInfo", seq(o("CreditCardNumber"),
            o("ExpirationMonth"), o("ExpirationYear"), o("NameOnCard"), o("CreditCardAddress"),
            o("CreditCardPostalCode")));
    private static final ContentModel DATA_EXT = element("DataExt",
            seq(r("OwnerID"), r("DataExtName"), r("DataExtValue")));
    // Card processing details are accepted but not interpreted.
    private static final ContentModel CREDIT_CARD_TXN_INFO = element("CreditCardTxnInfo", ContentModel.any());
    private static final ContentModel INCLUDE_RET = star(leaf("IncludeRetElement"));
    private static final ContentModel OWNER_ID = star(leaf("OwnerID"));

    // ---- filters ----------------------------------------------------------------------------

    private static final ContentModel LIST_FILTER = seq(repeat(leaf("MaxReturned", INT), 0, 1), o("ActiveStatus"),
            o("FromModifiedDate"), o("ToModifiedDate"),
            opt(choice(element("NameFilter", seq(r("MatchCriterion"), r("Name"))),
                    element("NameRangeFilter", seq(o("FromName"), o("ToName"))))));

    private static ContentModel idFilter(String name) {
        return element(name, choice(plus(leaf("ListID")), plus(leaf("FullName")), leaf("ListIDWithChildren"),
                leaf("FullNameWithChildren")));
    }

    private static final ContentModel CURRENCY_FILTER =
            element("CurrencyFilter", choice(plus(leaf("ListID")), plus(leaf("FullName"))));
    private static final ContentModel MODIFIED_DATE_RANGE =
            element("ModifiedDateRangeFilter", seq(o("FromModifiedDate"), o("ToModifiedDate")));
    private static final ContentModel TXN_DATE_RANGE = element("TxnDateRangeFilter",
            choice(seq(o("FromTxnDate"), o("ToTxnDate")), leaf("DateMacro")));
    private static final ContentModel TXN_FILTER = seq(repeat(leaf("MaxReturned", INT), 0, 1),
            opt(choice(MODIFIED_DATE_RANGE, TXN_DATE_RANGE)), opt(idFilter("EntityFilter")),
            opt(idFilter("AccountFilter")),
            opt(choice(element("RefNumberFilter", seq(r("MatchCriterion"), r("RefNumber"))),
                    element("RefNumberRangeFilter", seq(o("FromRefNumber"), o("ToRefNumber"))))),
            opt(CURRENCY_FILTER));

    private static ContentModel listQuery(ContentModel filter, boolean ownerId) {
        ContentModel head = opt(choice(plus(leaf("ListID")), plus(leaf("FullName")), filter));
        return ownerId ? seq(head, INCLUDE_RET, OWNER_ID) : seq(head, INCLUDE_RET);
    }

    private static ContentModel txnQuery(ContentModel filter, boolean includeLinkedTxns) {
        ContentModel head = opt(choice(plus(leaf("TxnID")), plus(leaf("RefNumber")),
                plus(leaf("RefNumberCaseSensitive")), filter));
        return includeLinkedTxns
                ? seq(head, oBool("IncludeLineItems"), oBool("IncludeLinkedTxns"), INCLUDE_RET, OWNER_ID)
                : seq(head, oBool("IncludeLineItems"), INCLUDE_RET, OWNER_ID);
    }

    // ---- transaction lines ------------------------------------------------------------------

    private static final ContentModel SERIAL_OR_LOT = opt(choice(leaf("SerialNumber"), leaf("LotNumber")));
    private static final ContentModel LINK_TO_TXN = element("LinkToTxn", seq(r("TxnID"), r("TxnLineID")));
    private static final ContentModel TXN_LINE_CORE_PRICE_LEVEL_ADD = seq(oRef("ItemRef"), o("Desc"),
            repeat(leaf("Quantity", DECIMAL), 0, 1), o("UnitOfMeasure"), opt(choice(leaf("Rate", DECIMAL), leaf("RatePercent"), ref("PriceLevelRef"))),
            oRef("ClassRef"), oAmount("Amount"), oAmount("TaxAmount"));
    private static final ContentModel TXN_LINE_CORE_PRICE_LEVEL = seq(oRef("ItemRef"), o("Desc"), repeat(leaf("Quantity", DECIMAL), 0, 1),
            o("UnitOfMeasure"), oRef("OverrideUOMSetRef"),
            opt(choice(leaf("Rate", DECIMAL), leaf("RatePercent"), ref("PriceLevelRef"))), oRef("ClassRef"),
            oAmount("Amount"), oAmount("TaxAmount"));
    private static final ContentModel SET_CREDIT = element("SetCredit", seq(r("CreditTxnID"), o("TxnLineID"),
            leaf("AppliedAmount", AMOUNT), oBool("Override")));
    private static final ContentModel DISCOUNT_LINE_ADD = element("DiscountLineAdd",
            seq(opt(choice(leaf("Amount", AMOUNT), leaf("RatePercent"))), oBool("IsTaxable"), oRef("AccountRef")));
    private static final ContentModel SALES_TAX_LINE_ADD = element("SalesTaxLineAdd",
            seq(opt(choice(leaf("Amount", AMOUNT), leaf("RatePercent"))), oRef("AccountRef")));
    private static final ContentModel SHIPPING_LINE_ADD = element("ShippingLineAdd",
            seq(leaf("Amount", AMOUNT), oRef("AccountRef")));

    private static ContentModel salesLineGroupAdd(String name) {
        return element(name, seq(ref("ItemGroupRef"), o("Desc"), repeat(leaf("Quantity", DECIMAL), 0, 1), o("UnitOfMeasure"),
                o("ServiceDate"), oRef("InventorySiteRef"), oRef("InventorySiteLocationRef"), star(DATA_EXT)));
    }

    private static final ContentModel INVOICE_LINE_ADD = element("InvoiceLineAdd", seq(
            TXN_LINE_CORE_PRICE_LEVEL_ADD, o("OptionForPriceRuleConflict"), oRef("InventorySiteRef"),
            oRef("InventorySiteLocationRef"), SERIAL_OR_LOT, o("ServiceDate"), oRef("SalesTaxCodeRef"),
            oBool("IsTaxable"), oRef("OverrideItemAccountRef"), o("Other1"), o("Other2"), opt(LINK_TO_TXN),
            star(DATA_EXT)));
    private static final ContentModel INVOICE_LINE_MOD = element("InvoiceLineMod", seq(r("TxnLineID"),
            TXN_LINE_CORE_PRICE_LEVEL, o("OptionForPriceRuleConflict"), oRef("InventorySiteRef"),
            oRef("InventorySiteLocationRef"), SERIAL_OR_LOT, o("ServiceDate"), oRef("SalesTaxCodeRef"),
            oRef("OverrideItemAccountRef"), o("Other1"), o("Other2")));
    private static final ContentModel INVOICE_LINE_GROUP_MOD = element("InvoiceLineGroupMod", seq(r("TxnLineID"),
            oRef("ItemGroupRef"), repeat(leaf("Quantity", DECIMAL), 0, 1), o("UnitOfMeasure"), oRef("OverrideUOMSetRef"),
            star(INVOICE_LINE_MOD)));
    private static final ContentModel CREDIT_MEMO_LINE_ADD = element("CreditMemoLineAdd", seq(
            TXN_LINE_CORE_PRICE_LEVEL_ADD, oRef("InventorySiteRef"), oRef("InventorySiteLocationRef"),
            SERIAL_OR_LOT, o("ServiceDate"), oRef("SalesTaxCodeRef"), oBool("IsTaxable"),
            oRef("OverrideItemAccountRef"), o("Other1"), o("Other2"), opt(CREDIT_CARD_TXN_INFO), star(DATA_EXT)));
    private static final ContentModel EXPENSE_LINE_ADD = element("ExpenseLineAdd", seq(oRef("AccountRef"),
            oAmount("Amount"), oAmount("TaxAmount"), o("Memo"), oRef("CustomerRef"), oRef("ClassRef"),
            oRef("SalesTaxCodeRef"), o("BillableStatus"), oRef("SalesRepRef"), star(DATA_EXT)));
    private static final ContentModel ITEM_LINE_ADD = element("ItemLineAdd", seq(oRef("ItemRef"),
            oRef("InventorySiteRef"), oRef("InventorySiteLocationRef"), SERIAL_OR_LOT, o("Desc"), repeat(leaf("Quantity", DECIMAL), 0, 1),
            o("UnitOfMeasure"), o("Cost"), oAmount("Amount"), oAmount("TaxAmount"), oRef("CustomerRef"),
            oRef("ClassRef"), oRef("SalesTaxCodeRef"), o("BillableStatus"), oRef("OverrideItemAccountRef"),
            opt(LINK_TO_TXN), oRef("SalesRepRef"), star(DATA_EXT)));
    private static final ContentModel ITEM_GROUP_LINE_ADD = element("ItemGroupLineAdd", seq(ref("ItemGroupRef"),
            o("Desc"), repeat(leaf("Quantity", DECIMAL), 0, 1), o("UnitOfMeasure"), oRef("InventorySiteRef"),
            oRef("InventorySiteLocationRef"), star(DATA_EXT)));

    // ---- list objects -----------------------------------------------------------------------

    private static final ContentModel CUSTOMER_ADD = seq(r("Name"), oBool("IsActive"), oRef("ClassRef"),
            oRef("ParentRef"), o("CompanyName"), PERSON_NAME, o("JobTitle"), oAddress("BillAddress"),
            oAddress("ShipAddress"), repeat(SHIP_TO_ADDRESS, 0, 50), o("PrintAs"), COMM_INFO,
            repeat(ADDITIONAL_CONTACT_REF, 0, 8), star(element("Contacts", CONTACT_INFO)), oRef("CustomerTypeRef"),
            oRef("TermsRef"), oRef("SalesRepRef"), oAmount("OpenBalance"), o("OpenBalanceDate"),
            oRef("SalesTaxCodeRef"), oRef("ItemSalesTaxRef"), o("SalesTaxCountry"), o("ResaleNumber"),
            o("AccountNumber"), oAmount("CreditLimit"), oRef("PreferredPaymentMethodRef"), opt(CREDIT_CARD_INFO),
            o("JobStatus"), o("JobStartDate"), o("JobProjectedEndDate"), o("JobEndDate"), o("JobDesc"),
            oRef("JobTypeRef"), o("Notes"), star(element("AdditionalNotes", r("Note"))),
            oBool("IsStatementWithParent"), o("DeliveryMethod"), o("PreferredDeliveryMethod"),
            oRef("PriceLevelRef"), o("ExternalGUID"), o("TaxRegistrationNumber"), oRef("CurrencyRef"));

    private static final ContentModel CUSTOMER_MOD = seq(r("ListID"), r("EditSequence"), o("Name"),
            oBool("IsActive"), oRef("ClassRef"), oRef("ParentRef"), o("CompanyName"), PERSON_NAME, o("JobTitle"),
            oAddress("BillAddress"), oAddress("ShipAddress"), repeat(SHIP_TO_ADDRESS, 0, 50), o("PrintAs"),
            COMM_INFO, repeat(ADDITIONAL_CONTACT_REF, 0, 8),
            star(element("ContactsMod", seq(o("ListID"), o("EditSequence"), CONTACT_INFO))),
            oRef("CustomerTypeRef"), oRef("TermsRef"), oRef("SalesRepRef"), oRef("SalesTaxCodeRef"),
            oRef("ItemSalesTaxRef"), o("SalesTaxCountry"), o("ResaleNumber"), o("AccountNumber"),
            oAmount("CreditLimit"), oRef("PreferredPaymentMethodRef"), opt(CREDIT_CARD_INFO), o("JobStatus"),
            o("JobStartDate"), o("JobProjectedEndDate"), o("JobEndDate"), o("JobDesc"), oRef("JobTypeRef"),
            o("Notes"), star(element("AdditionalNotesMod", seq(r("NoteID"), r("Note")))),
            oBool("IsStatementWithParent"), o("DeliveryMethod"), o("PreferredDeliveryMethod"),
            oRef("PriceLevelRef"), o("TaxRegistrationNumber"), oRef("CurrencyRef"));

    private static final ContentModel ACCOUNT_ADD = seq(r("Name"), oBool("IsActive"), oRef("ParentRef"),
            r("AccountType"), o("DetailAccountType"), o("AccountNumber"), o("BankNumber"), o("Desc"),
            oAmount("OpenBalance"), o("OpenBalanceDate"), oRef("SalesTaxCodeRef"), o("TaxLineID"),
            oRef("CurrencyRef"));

    private static final ContentModel PAYMENT_METHOD_ADD = seq(r("Name"), oBool("IsActive"),
            o("PaymentMethodType"));

    private static final ContentModel ITEM_SERVICE_ADD = seq(r("Name"),
            opt(element("BarCode", seq(o("BarCodeValue"), oBool("AssignEvenIfUsed"), oBool("AllowOverride")))),
            oBool("IsActive"), oRef("ClassRef"), oRef("ParentRef"), oRef("UnitOfMeasureSetRef"),
            oBool("IsTaxIncluded"), oRef("SalesTaxCodeRef"),
            choice(element("SalesOrPurchase", seq(o("Desc"), opt(choice(leaf("Price", DECIMAL), leaf("PricePercent"))),
                            oRef("AccountRef"))),
                    element("SalesAndPurchase", seq(o("SalesDesc"), o("SalesPrice"), oRef("IncomeAccountRef"),
                            o("PurchaseDesc"), o("PurchaseCost"), oRef("PurchaseTaxCodeRef"),
                            oRef("ExpenseAccountRef"), oRef("PrefVendorRef")))),
            o("ExternalGUID"));

    // ---- transactions -----------------------------------------------------------------------

    private static final ContentModel INVOICE_ADD = seq(ref("CustomerRef"), oRef("ClassRef"),
            oRef("ARAccountRef"), oRef("TemplateRef"), o("TxnDate"), o("RefNumber"), oAddress("BillAddress"),
            oAddress("ShipAddress"), oBool("IsPending"), oBool("IsFinanceCharge"), o("PONumber"),
            oRef("TermsRef"), o("DueDate"), oRef("SalesRepRef"), o("FOB"), o("ShipDate"), oRef("ShipMethodRef"),
            oRef("ItemSalesTaxRef"), o("Memo"), oRef("CustomerMsgRef"), oBool("IsToBePrinted"),
            oBool("IsToBeEmailed"), oBool("IsTaxIncluded"), oRef("CustomerSalesTaxCodeRef"), o("Other"),
            o("ExchangeRate"), o("ExternalGUID"), star(leaf("LinkToTxnID")), star(SET_CREDIT),
            star(choice(INVOICE_LINE_ADD, salesLineGroupAdd("InvoiceLineGroupAdd"))), opt(DISCOUNT_LINE_ADD),
            opt(SALES_TAX_LINE_ADD), opt(SHIPPING_LINE_ADD));

    private static final ContentModel INVOICE_MOD = seq(r("TxnID"), r("EditSequence"), oRef("CustomerRef"),
            oRef("ClassRef"), oRef("ARAccountRef"), oRef("TemplateRef"), o("TxnDate"), o("RefNumber"),
            oAddress("BillAddress"), oAddress("ShipAddress"), oBool("IsPending"), o("PONumber"), oRef("TermsRef"),
            o("DueDate"), oRef("SalesRepRef"), o("FOB"), o("ShipDate"), oRef("ShipMethodRef"),
            oRef("ItemSalesTaxRef"), o("Memo"), oRef("CustomerMsgRef"), oBool("IsToBePrinted"),
            oBool("IsToBeEmailed"), oBool("IsTaxIncluded"), oRef("CustomerSalesTaxCodeRef"), o("Other"),
            o("ExchangeRate"), star(SET_CREDIT), star(choice(INVOICE_LINE_MOD, INVOICE_LINE_GROUP_MOD)));

    private static final ContentModel CREDIT_MEMO_ADD = seq(ref("CustomerRef"), oRef("ClassRef"),
            oRef("ARAccountRef"), oRef("TemplateRef"), o("TxnDate"), o("RefNumber"), oAddress("BillAddress"),
            oAddress("ShipAddress"), oBool("IsPending"), o("PONumber"), oRef("TermsRef"), o("DueDate"),
            oRef("SalesRepRef"), o("FOB"), o("ShipDate"), oRef("ShipMethodRef"), oRef("ItemSalesTaxRef"),
            o("Memo"), oRef("CustomerMsgRef"), oBool("IsToBePrinted"), oBool("IsToBeEmailed"),
            oBool("IsTaxIncluded"), oRef("CustomerSalesTaxCodeRef"), o("Other"), o("ExchangeRate"),
            o("ExternalGUID"), plus(choice(CREDIT_MEMO_LINE_ADD, salesLineGroupAdd("CreditMemoLineGroupAdd"))),
            opt(DISCOUNT_LINE_ADD), opt(SALES_TAX_LINE_ADD), opt(SHIPPING_LINE_ADD));

    private static final ContentModel APPLIED_TO_TXN_ADD = element("AppliedToTxnAdd", seq(r("TxnID"),
            oAmount("PaymentAmount"), star(element("TxnLineDetail", seq(r("TxnLineID"), leaf("Amount", AMOUNT)))),
            star(SET_CREDIT), oAmount("DiscountAmount"), oRef("DiscountAccountRef"), oRef("DiscountClassRef")));

    private static final ContentModel RECEIVE_PAYMENT_ADD = seq(ref("CustomerRef"), oRef("ARAccountRef"),
            o("TxnDate"), o("RefNumber"), oAmount("TotalAmount"), o("ExchangeRate"), oRef("PaymentMethodRef"),
            o("Memo"), oRef("DepositToAccountRef"), opt(CREDIT_CARD_TXN_INFO), o("ExternalGUID"),
            choice(leaf("IsAutoApply", BOOL), plus(APPLIED_TO_TXN_ADD)));

    private static final ContentModel RECEIVE_PAYMENT_MOD = seq(r("TxnID"), r("EditSequence"),
            oRef("CustomerRef"), oRef("ARAccountRef"), o("TxnDate"), o("RefNumber"), oAmount("TotalAmount"),
            o("ExchangeRate"), oRef("PaymentMethodRef"), o("Memo"), oRef("DepositToAccountRef"),
            opt(element("CreditCardTxnInfoMod", ContentModel.any())),
            star(element("AppliedToTxnMod", seq(r("TxnID"), oAmount("PaymentAmount"), star(SET_CREDIT),
                    oAmount("DiscountAmount"), oRef("DiscountAccountRef"), oRef("DiscountClassRef")))));

    private static final ContentModel DEPOSIT_LINE_ADD = element("DepositLineAdd", choice(
            seq(r("PaymentTxnID"), o("PaymentTxnLineID"), o("OverrideMemo"), o("OverrideCheckNumber"),
                    oRef("OverrideClassRef")),
            seq(oRef("EntityRef"), ref("AccountRef"), o("Memo"), o("CheckNumber"), oRef("PaymentMethodRef"),
                    oRef("ClassRef"), oAmount("Amount"))));

    private static final ContentModel DEPOSIT_ADD = seq(o("TxnDate"), ref("DepositToAccountRef"), o("Memo"),
            opt(element("CashBackInfoAdd", seq(ref("AccountRef"), o("Memo"), oAmount("Amount")))),
            oRef("CurrencyRef"), o("ExchangeRate"), o("ExternalGUID"), star(DEPOSIT_LINE_ADD));

    private static final ContentModel AR_REFUND_CREDIT_CARD_ADD = seq(ref("CustomerRef"),
            oRef("RefundFromAccountRef"), oRef("ARAccountRef"), o("TxnDate"), o("RefNumber"), oAddress("Address"),
            oRef("PaymentMethodRef"), o("Memo"), opt(CREDIT_CARD_TXN_INFO), o("ExchangeRate"), o("ExternalGUID"),
            plus(element("RefundAppliedToTxnAdd", seq(r("TxnID"), leaf("RefundAmount", AMOUNT)))));

    private static final ContentModel CHECK_ADD = seq(ref("AccountRef"), oRef("PayeeEntityRef"), o("RefNumber"),
            o("TxnDate"), o("Memo"), oAddress("Address"), oBool("IsToBePrinted"), oBool("IsTaxIncluded"),
            oRef("SalesTaxCodeRef"), o("ExchangeRate"), o("ExternalGUID"),
            star(element("ApplyCheckToTxnAdd", seq(r("TxnID"), oAmount("Amount")))), star(EXPENSE_LINE_ADD),
            star(choice(ITEM_LINE_ADD, ITEM_GROUP_LINE_ADD)));

    private static final ContentModel DEPOSIT_QUERY = seq(
            opt(choice(plus(leaf("TxnID")), seq(repeat(leaf("MaxReturned", INT), 0, 1), opt(choice(MODIFIED_DATE_RANGE, TXN_DATE_RANGE)),
                    opt(idFilter("EntityFilter")), opt(idFilter("AccountFilter")), opt(CURRENCY_FILTER)))),
            oBool("IncludeLineItems"), INCLUDE_RET, OWNER_ID);

    private static void add(String name, ContentModel body) {
        REQUESTS.put(name + "AddRq", new RequestDef(name + "AddRq", seq(element(name + "Add", body), INCLUDE_RET),
                false, false));
    }

    private static void mod(String name, ContentModel body) {
        REQUESTS.put(name + "ModRq", new RequestDef(name + "ModRq", seq(element(name + "Mod", body), INCLUDE_RET),
                false, false));
    }

    private static void query(String name, ContentModel body, boolean iterator) {
        REQUESTS.put(name + "QueryRq", new RequestDef(name + "QueryRq", body, true, iterator));
    }

    /** Host, Company and Preferences queries take no metaData or iterator attributes. */
    private static void plainQuery(String name, ContentModel body) {
        REQUESTS.put(name + "QueryRq", new RequestDef(name + "QueryRq", body, false, false));
    }

    static {
        plainQuery("Host", seq(opt(element("IncludeListMetaData", r("IncludeMaxCapacity"))), INCLUDE_RET));
        plainQuery("Company", seq(INCLUDE_RET, OWNER_ID));
        plainQuery("Preferences", INCLUDE_RET);

        add("Account", ACCOUNT_ADD);
        query("Account", listQuery(seq(LIST_FILTER, star(leaf("AccountType")), opt(CURRENCY_FILTER)), true), false);

        add("Customer", CUSTOMER_ADD);
        mod("Customer", CUSTOMER_MOD);
        query("Customer", listQuery(seq(LIST_FILTER,
                opt(element("TotalBalanceFilter", seq(r("Operator"), leaf("Amount", AMOUNT)))),
                opt(CURRENCY_FILTER), opt(idFilter("ClassFilter"))), true), true);

        add("PaymentMethod", PAYMENT_METHOD_ADD);
        query("PaymentMethod", listQuery(seq(LIST_FILTER, star(leaf("PaymentMethodType"))), false), false);

        add("ItemService", ITEM_SERVICE_ADD);
        query("Item", listQuery(LIST_FILTER, true), true);

        add("Invoice", INVOICE_ADD);
        mod("Invoice", INVOICE_MOD);
        query("Invoice", txnQuery(seq(TXN_FILTER, o("PaidStatus")), true), true);

        add("CreditMemo", CREDIT_MEMO_ADD);
        query("CreditMemo", txnQuery(TXN_FILTER, true), true);

        add("ReceivePayment", RECEIVE_PAYMENT_ADD);
        mod("ReceivePayment", RECEIVE_PAYMENT_MOD);
        query("ReceivePayment", txnQuery(TXN_FILTER, false), true);

        add("Check", CHECK_ADD);
        query("Check", txnQuery(TXN_FILTER, true), true);

        add("Deposit", DEPOSIT_ADD);
        query("Deposit", DEPOSIT_QUERY, true);

        add("ARRefundCreditCard", AR_REFUND_CREDIT_CARD_ADD);
        query("ARRefundCreditCard", txnQuery(TXN_FILTER, false), true);

        REQUESTS.put("TxnDelRq", new RequestDef("TxnDelRq", seq(r("TxnDelType"), r("TxnID")), false, false));
    }
}
