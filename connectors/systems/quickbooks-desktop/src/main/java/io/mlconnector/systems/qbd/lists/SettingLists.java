package io.mlconnector.systems.qbd.lists;

import io.mlconnector.api.context.Choice;
import io.mlconnector.api.context.ConnectorContext;
import io.mlconnector.systems.qbd.xml.AccountRet;
import io.mlconnector.systems.qbd.xml.ItemNonInventoryRet;
import io.mlconnector.systems.qbd.xml.ItemOtherChargeRet;
import io.mlconnector.systems.qbd.xml.ItemRetBase;
import io.mlconnector.systems.qbd.xml.ItemServiceRet;
import io.mlconnector.systems.qbd.xml.PaymentMethodRet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The pick lists the settings that name QuickBooks objects offer, filled from QuickBooks' own lists.
 * Each entry's id is exactly what the setting stores and the plugin sends as the object's FullName;
 * its label is that name and its detail the kind of object. Every read replaces a list whole, so
 * objects deleted or made inactive in QuickBooks drop out.
 */
public final class SettingLists {

    public static final String PAYMENT_METHODS = "quickbooks-payment-methods";
    /** Items a credit memo line can carry as an amount alone (service, other charge, non-inventory). */
    public static final String REFUND_ITEMS = "quickbooks-refund-items";

    private SettingLists() {
    }

    /** Fills each account list with the active accounts fit for its purpose. */
    static Map<AccountPurpose, Integer> storeAccounts(ConnectorContext ctx, List<AccountRet> accounts) {
        Map<AccountPurpose, List<Choice>> lists = new EnumMap<>(AccountPurpose.class);
        for (AccountPurpose purpose : AccountPurpose.values()) {
            lists.put(purpose, new ArrayList<>());
        }
        for (AccountRet account : accounts) {
            String name = fullName(account.getFullName(), account.getName());
            if (name == null || Boolean.FALSE.equals(account.isIsActive())) {
                continue;
            }
            String type = account.getAccountType() == null ? null : account.getAccountType().strip();
            Choice choice = new Choice(name, name, accountTypeLabel(type));
            for (AccountPurpose purpose : AccountPurpose.values()) {
                if (purpose.accepts(type, account.getSpecialAccountType())) {
                    lists.get(purpose).add(choice);
                }
            }
        }
        Map<AccountPurpose, Integer> sizes = new EnumMap<>(AccountPurpose.class);
        lists.forEach((purpose, choices) -> {
            ctx.pickLists().replace(purpose.pickList(), choices);
            sizes.put(purpose, choices.size());
        });
        return sizes;
    }

    /** Payment methods have no parents: the name is the full name. */
    public static int storePaymentMethods(ConnectorContext ctx, List<PaymentMethodRet> methods) {
        List<Choice> choices = new ArrayList<>();
        for (PaymentMethodRet method : methods) {
            String name = fullName(method.getName(), null);
            if (name != null && !Boolean.FALSE.equals(method.isIsActive())) {
                choices.add(new Choice(name, name, paymentMethodTypeLabel(method.getPaymentMethodType())));
            }
        }
        ctx.pickLists().replace(PAYMENT_METHODS, choices);
        return choices.size();
    }

    /**
     * The items a credit memo line can carry as an amount alone: service, other charge and
     * non-inventory items (their income account takes the refund). Inventory would put stock back,
     * discount, payment, subtotal, sales-tax and group items do not take a plain amount.
     */
    public static int storeRefundItems(ConnectorContext ctx, List<ItemRetBase> items) {
        List<Choice> choices = new ArrayList<>();
        for (ItemRetBase item : items) {
            String kind = refundItemKind(item);
            String name = fullName(item.getFullName(), item.getName());
            if (kind != null && name != null && !Boolean.FALSE.equals(item.isIsActive())) {
                choices.add(new Choice(name, name, kind));
            }
        }
        ctx.pickLists().replace(REFUND_ITEMS, choices);
        return choices.size();
    }

    private static String refundItemKind(ItemRetBase item) {
        if (item instanceof ItemServiceRet) {
            return "Service item";
        }
        if (item instanceof ItemOtherChargeRet) {
            return "Other charge item";
        }
        if (item instanceof ItemNonInventoryRet) {
            return "Non-inventory item";
        }
        return null;
    }

    private static String fullName(String fullName, String name) {
        String text = fullName != null && !fullName.isBlank() ? fullName : name;
        if (text == null || text.isBlank() || text.strip().length() > Choice.MAX_ID) {
            return null;
        }
        return text.strip();
    }

    /** How QuickBooks' chart of accounts names an account type. */
    public static String accountTypeLabel(String accountType) {
        if (accountType == null) {
            return null;
        }
        return switch (accountType) {
            case "AccountsPayable" -> "Accounts payable";
            case "AccountsReceivable" -> "Accounts receivable";
            case "Bank" -> "Bank";
            case "CostOfGoodsSold" -> "Cost of goods sold";
            case "CreditCard" -> "Credit card";
            case "Equity" -> "Equity";
            case "Expense" -> "Expense";
            case "FixedAsset" -> "Fixed asset";
            case "Income" -> "Income";
            case "LongTermLiability" -> "Long term liability";
            case "NonPosting" -> "Non-posting";
            case "OtherAsset" -> "Other asset";
            case "OtherCurrentAsset" -> "Other current asset";
            case "OtherCurrentLiability" -> "Other current liability";
            case "OtherExpense" -> "Other expense";
            case "OtherIncome" -> "Other income";
            default -> accountType;
        };
    }

    public static String paymentMethodTypeLabel(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return switch (type.strip()) {
            case "AmericanExpress" -> "American Express";
            case "DebitCard" -> "Debit card";
            case "ECheck" -> "E-check";
            case "GiftCard" -> "Gift card";
            case "OtherCreditCard" -> "Other credit card";
            default -> type.strip();
        };
    }
}
