package org.inkstone.export;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written with the JDK's {@link XMLStreamWriter} one element a line, indented
 * two spaces a level, in one namespace with its prefix (empty for the default namespace); an
 * element may also be started in another namespace with that namespace's own prefix.
 */
final class IndentedXml {

    private final XMLStreamWriter w;
    private final String prefix;
    private final String ns;
    private int depth;

    /**
     * @param w      the writer
     * @param prefix the prefix of the document's namespace, empty for the default namespace
     * @param ns     the document's namespace
     */
    IndentedXml(XMLStreamWriter w, String prefix, String ns) {
        this.w = w;
        this.prefix = prefix;
        this.ns = ns;
    }

    /** Starts an element of the document's namespace on a new line, its content indented. */
    void start(String name) throws XMLStreamException {
        start(prefix, ns, name);
    }

    /** Starts an element of another namespace on a new line, its content indented. */
    void start(String otherPrefix, String otherNs, String name) throws XMLStreamException {
        newline();
        if (otherPrefix.isEmpty()) {
            w.writeStartElement(otherNs, name);
        } else {
            w.writeStartElement(otherPrefix, name, otherNs);
        }
        depth++;
    }

    /** An empty element of the document's namespace on a new line. */
    void empty(String name) throws XMLStreamException {
        newline();
        if (prefix.isEmpty()) {
            w.writeEmptyElement(ns, name);
        } else {
            w.writeEmptyElement(prefix, name, ns);
        }
    }

    /** Ends the current element on a new line. */
    void end() throws XMLStreamException {
        depth--;
        newline();
        w.writeEndElement();
    }

    /** Ends the current element, which holds only text, on its line. */
    void endInline() throws XMLStreamException {
        depth--;
        w.writeEndElement();
    }

    /** One more level of indentation, for the content of a root element started by the caller. */
    void indent() {
        depth++;
    }

    /** One level less. */
    void outdent() {
        depth--;
    }

    /** A line break and the indentation of the current level. */
    void newline() throws XMLStreamException {
        w.writeCharacters("\n" + "  ".repeat(depth));
    }
}
