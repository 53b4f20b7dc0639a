package org.newsflow.enrich.eval;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

/**
 * XML parsers for gold files that are not ours: no DTD, no external entities, no XInclude (XXE). A gold file is
 * plain data; a DOCTYPE in one is refused outright rather than half-processed, so a crafted file can neither read
 * local files into the report nor make the evaluation fetch URLs (OWASP XXE prevention, the JAXP settings).
 */
final class SafeXml {
    private SafeXml() {}

    static DocumentBuilder documentBuilder() {
        try {
            // the JDK's own parser, not newInstance(): CoreNLP brings an old Apache Xerces onto the classpath, which
            // newInstance() would pick and which knows neither the JAXP 1.5 access properties nor all of these features
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            // the JDK's parser knows all of these; another one that does not must not be used unprotected
            throw new IllegalStateException("XML parser without XXE protection: " + e.getMessage(), e);
        }
    }
}
