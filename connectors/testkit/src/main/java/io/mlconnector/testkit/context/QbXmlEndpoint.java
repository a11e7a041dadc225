package io.mlconnector.testkit.context;

/**
 * Something that answers a qbXML request document with a response document, as QuickBooks does
 * behind the Web Connector; e.g. {@code companyFile::process} of a
 * {@link io.mlconnector.testkit.qbd.SimulatedCompanyFile}. Throwing means QuickBooks refused the whole
 * document.
 */
@FunctionalInterface
public interface QbXmlEndpoint {

    String process(String requestDocument) throws Exception;
}
