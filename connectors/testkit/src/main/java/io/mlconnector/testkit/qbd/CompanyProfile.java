package io.mlconnector.testkit.qbd;

import java.util.List;

/** What QuickBooks reports about itself and the company (HostQuery, CompanyQuery). */
record CompanyProfile(String companyName, String country, String productName, String majorVersion,
        List<String> supportedQbXmlVersions, String companyFilePath) {
}
