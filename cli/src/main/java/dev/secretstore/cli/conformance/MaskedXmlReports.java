package dev.secretstore.cli.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.Text;
import org.xml.sax.SAXException;

/**
 * Copies the JUnit XML reports of a kit run into the user's report directory with the configs' credentials
 * masked, as they are on the command line: a report is what a CI server keeps and shows to everyone who can
 * see the build. Only text and attribute values are masked, never markup, so a credential that happens to
 * spell an element name cannot break the report.
 */
final class MaskedXmlReports {

    private MaskedXmlReports() {
    }

    /**
     * @param from the directory the JUnit report writer filled (private to this run)
     * @param to   the user's report directory
     * @param mask the configs' credentials
     */
    static void copy(Path from, Path to, CredentialMask mask) throws IOException {
        try (DirectoryStream<Path> reports = Files.newDirectoryStream(from, "*.xml")) {
            for (Path report : reports) {
                Path target = to.resolve(report.getFileName());
                Path partial = Files.createTempFile(to, ".masking-", ".xml");
                try {
                    try (InputStream in = Files.newInputStream(report); OutputStream out = Files.newOutputStream(partial)) {
                        write(masked(parse(in), mask), out);
                    }
                    move(partial, target);
                } finally {
                    Files.deleteIfExists(partial);
                }
            }
        }
    }

    private static Document parse(InputStream in) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("the JUnit XML report could not be read back for masking: " + e.getClass().getSimpleName());
        }
    }

    private static Document masked(Document document, CredentialMask mask) {
        maskTree(document.getDocumentElement(), mask);
        return document;
    }

    private static void maskTree(Node node, CredentialMask mask) {
        if (node instanceof Text text) {
            text.setData(mask.apply(text.getData()));
        }
        NamedNodeMap attributes = node.getAttributes();
        if (attributes != null) {
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                attribute.setValue(mask.apply(attribute.getValue()));
            }
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            maskTree(child, mask);
        }
    }

    private static void write(Document document, OutputStream out) throws IOException {
        try {
            TransformerFactory factory = TransformerFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            Transformer transformer = factory.newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(document), new StreamResult(out));
        } catch (TransformerException e) {
            throw new IOException("the masked JUnit XML report could not be written: " + e.getClass().getSimpleName());
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
