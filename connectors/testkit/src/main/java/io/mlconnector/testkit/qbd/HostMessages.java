package io.mlconnector.testkit.qbd;

import java.util.Map;
import org.w3c.dom.Element;

/** HostQuery, CompanyQuery and PreferencesQuery: what QuickBooks says about itself and the company. */
final class HostMessages {

    private HostMessages() {
    }

    static void register(Map<String, MessageHandler> handlers) {
        handlers.put("HostQueryRq", (rq, ctx, response) -> response.add(hostRet(response, ctx.profile)));
        handlers.put("CompanyQueryRq", (rq, ctx, response) -> response.add(companyRet(response, ctx.profile)));
        handlers.put("PreferencesQueryRq", (rq, ctx, response) -> response.add(preferencesRet(response)));
    }

    static Element hostRet(QbResponse response, CompanyProfile profile) {
        RetWriter w = response.ret("HostRet")
                .leaf("ProductName", profile.productName())
                .leaf("MajorVersion", profile.majorVersion())
                .leaf("MinorVersion", "0")
                .leaf("Country", profile.country());
        for (String version : profile.supportedQbXmlVersions()) {
            w.leaf("SupportedQBXMLVersion", version);
        }
        return w.leaf("IsAutomaticLogin", false).leaf("QBFileMode", "SingleUser").root();
    }

    static Element companyRet(QbResponse response, CompanyProfile profile) {
        return response.ret("CompanyRet")
                .leaf("IsSampleCompany", false)
                .leaf("CompanyName", profile.companyName())
                .leaf("LegalCompanyName", profile.companyName())
                .leaf("FirstMonthFiscalYear", "January")
                .leaf("FirstMonthIncomeTaxYear", "January")
                .leaf("CompanyType", "GeneralBusiness")
                .root();
    }

    static Element preferencesRet(QbResponse response) {
        return response.ret("PreferencesRet")
                .open("AccountingPreferences")
                .leaf("IsUsingAccountNumbers", false)
                .leaf("IsRequiringAccounts", true)
                .leaf("IsUsingClassTracking", false)
                .leaf("IsUsingAuditTrail", true)
                .leaf("IsAssigningJournalEntryNumbers", true)
                .close()
                .open("JobsAndEstimatesPreferences")
                .leaf("IsUsingEstimates", true)
                .leaf("IsUsingProgressInvoicing", false)
                .leaf("IsPrintingItemsWithZeroAmounts", false)
                .close()
                .open("MultiCurrencyPreferences")
                .leaf("IsMultiCurrencyOn", false)
                .close()
                .open("PurchasesAndVendorsPreferences")
                .leaf("IsUsingInventory", false)
                .leaf("DaysBillsAreDue", 10)
                .leaf("IsAutomaticallyUsingDiscounts", false)
                .close()
                .open("ReportsPreferences")
                .leaf("AgingReportBasis", "AgeFromDueDate")
                .leaf("SummaryReportBasis", "Accrual")
                .close()
                .open("SalesAndCustomersPreferences")
                .leaf("IsTrackingReimbursedExpensesAsIncome", false)
                .leaf("IsAutoApplyingPayments", true)
                .close()
                .open("CurrentAppAccessRights")
                .leaf("IsAutomaticLoginAllowed", true)
                .leaf("AutomaticLoginUserName", "Admin")
                .leaf("IsPersonalDataAccessAllowed", false)
                .close()
                .root();
    }
}
