package io.mlconnector.testkit.qbd;

import io.mlconnector.api.money.Money;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/** CustomerAdd, CustomerMod and CustomerQuery. */
final class CustomerMessages {

    private CustomerMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("CustomerAddRq", CustomerMessages::add);
        handlers.put("CustomerModRq", CustomerMessages::mod);
        handlers.put("CustomerQueryRq", CustomerMessages::query);
    }

    private static void add(Element rq, MessageContext ctx, QbResponse response) {
        Element add = Xml.child(rq, "CustomerAdd");
        CustomerEntity customer = new CustomerEntity();
        customer.name = Xml.text(add, "Name");
        Element parentRef = Xml.child(add, "ParentRef");
        if (parentRef != null) {
            customer.parentListId = ctx.customer(parentRef, "Customer").listId;
        }
        requireUniqueFullName(ctx, customer, null);
        apply(add, ctx, customer);
        String open = Xml.text(add, "OpenBalance");
        if (open != null) {
            customer.openBalance = ctx.amount(open);
        }
        ctx.data.stampNew(customer);
        ctx.data.customers.put(customer.listId, customer);
        response.add(ret(response, ctx, customer));
    }

    private static void mod(Element rq, MessageContext ctx, QbResponse response) {
        Element mod = Xml.child(rq, "CustomerMod");
        CustomerEntity customer = ListChecks.forMod(ctx.data.customers, Xml.text(mod, "ListID"),
                Xml.text(mod, "EditSequence"));
        String name = Xml.text(mod, "Name");
        Element parentRef = Xml.child(mod, "ParentRef");
        if (name != null || parentRef != null) {
            CustomerEntity renamed = customer.copy();
            if (name != null) {
                renamed.name = name;
            }
            if (parentRef != null) {
                renamed.parentListId = ctx.customer(parentRef, "Customer").listId;
            }
            requireUniqueFullName(ctx, renamed, customer);
            customer.name = renamed.name;
            customer.parentListId = renamed.parentListId;
        }
        apply(mod, ctx, customer);
        ctx.data.touch(customer);
        response.add(ret(response, ctx, customer));
    }

    /** Fields Add and Mod share; absent elements leave the stored value unchanged. */
    private static void apply(Element source, MessageContext ctx, CustomerEntity c) {
        String active = Xml.text(source, "IsActive");
        if (active != null) {
            c.active = QbValues.bool(active, "IsActive");
        }
        c.companyName = keep(source, "CompanyName", c.companyName);
        c.salutation = keep(source, "Salutation", c.salutation);
        c.firstName = keep(source, "FirstName", c.firstName);
        c.middleName = keep(source, "MiddleName", c.middleName);
        c.lastName = keep(source, "LastName", c.lastName);
        c.jobTitle = keep(source, "JobTitle", c.jobTitle);
        Element bill = Xml.child(source, "BillAddress");
        if (bill != null) {
            c.billAddress = QbAddress.from(bill);
        }
        Element ship = Xml.child(source, "ShipAddress");
        if (ship != null) {
            c.shipAddress = QbAddress.from(ship);
        }
        c.phone = keep(source, "Phone", c.phone);
        c.altPhone = keep(source, "AltPhone", c.altPhone);
        c.fax = keep(source, "Fax", c.fax);
        c.email = keep(source, "Email", c.email);
        c.contact = keep(source, "Contact", c.contact);
        c.resaleNumber = keep(source, "ResaleNumber", c.resaleNumber);
        c.accountNumber = keep(source, "AccountNumber", c.accountNumber);
        String creditLimit = Xml.text(source, "CreditLimit");
        if (creditLimit != null) {
            c.creditLimit = ctx.amount(creditLimit);
        }
        c.notes = keep(source, "Notes", c.notes);
        c.externalGuid = keep(source, "ExternalGUID", c.externalGuid);
    }

    private static String keep(Element source, String name, String current) {
        String value = Xml.text(source, name);
        return value != null ? value : current;
    }

    /** Customer names (full names, with the parent path) are unique, ignoring case. */
    private static void requireUniqueFullName(MessageContext ctx, CustomerEntity candidate, CustomerEntity self) {
        String fullName = candidate.parentListId == null ? candidate.name
                : ctx.data.customerFullName(ctx.data.customers.get(candidate.parentListId)) + ":" + candidate.name;
        for (CustomerEntity other : ctx.data.customers.values()) {
            if (other != self && ctx.data.customerFullName(other).equalsIgnoreCase(fullName)) {
                throw QbStatusException.nameInUse(candidate.name);
            }
        }
    }

    private static void query(Element rq, MessageContext ctx, QbResponse response) {
        Element balanceFilter = Xml.child(rq, "TotalBalanceFilter");
        Selection<CustomerEntity> selection = ListFilters.select(rq, ctx.data.customers.values(),
                ctx.data::customerFullName, ctx,
                c -> balanceFilter == null || compare(ctx.ledger.customerTotalBalance(c), balanceFilter, ctx));
        List<String> ids = selection.items().stream().map(c -> c.listId).toList();
        QueryResults.respond(response, rq, "CustomerQueryRq", ctx, ids, id -> {
            CustomerEntity customer = ctx.data.customers.get(id);
            return customer == null ? null : ret(response, ctx, customer);
        }, selection.missing());
    }

    private static boolean compare(Money balance, Element filter, MessageContext ctx) {
        String operator = Xml.text(filter, "Operator");
        int cmp = balance.compareTo(ctx.amount(Xml.text(filter, "Amount")));
        return switch (operator) {
            case "LessThan" -> cmp < 0;
            case "LessThanEqual" -> cmp <= 0;
            case "Equal" -> cmp == 0;
            case "GreaterThan" -> cmp > 0;
            case "GreaterThanEqual" -> cmp >= 0;
            default -> throw ListFilters.unsupportedEnum(operator, "Operator");
        };
    }

    static Element ret(QbResponse response, MessageContext ctx, CustomerEntity c) {
        RetWriter w = response.ret("CustomerRet");
        w.leaf("ListID", c.listId)
                .leaf("TimeCreated", QbValues.dateTime(c.timeCreated, ctx.data.zone()))
                .leaf("TimeModified", QbValues.dateTime(c.timeModified, ctx.data.zone()))
                .leaf("EditSequence", c.editSequence)
                .leaf("Name", c.name)
                .leaf("FullName", ctx.data.customerFullName(c))
                .leaf("IsActive", c.active);
        ctx.ref(w, "ParentRef", c.parentListId);
        w.leaf("Sublevel", ctx.data.sublevel(c))
                .leaf("CompanyName", c.companyName)
                .leaf("Salutation", c.salutation)
                .leaf("FirstName", c.firstName)
                .leaf("MiddleName", c.middleName)
                .leaf("LastName", c.lastName)
                .leaf("JobTitle", c.jobTitle);
        if (c.billAddress != null) {
            c.billAddress.write(w, "BillAddress");
        }
        if (c.shipAddress != null) {
            c.shipAddress.write(w, "ShipAddress");
        }
        w.leaf("Phone", c.phone)
                .leaf("AltPhone", c.altPhone)
                .leaf("Fax", c.fax)
                .leaf("Email", c.email)
                .leaf("Contact", c.contact)
                .leaf("Balance", ctx.amount(ctx.ledger.customerBalance(c)))
                .leaf("TotalBalance", ctx.amount(ctx.ledger.customerTotalBalance(c)))
                .leaf("ResaleNumber", c.resaleNumber)
                .leaf("AccountNumber", c.accountNumber)
                .leaf("CreditLimit", c.creditLimit == null ? null : ctx.amount(c.creditLimit))
                .leaf("JobStatus", "None")
                .leaf("Notes", c.notes)
                .leaf("PreferredDeliveryMethod", "None")
                .leaf("ExternalGUID", c.externalGuid);
        return w.root();
    }
}
