package dev.attentive.reviewer.analysis.style;

import com.puppycrawl.tools.checkstyle.DefaultConfiguration;
import com.puppycrawl.tools.checkstyle.ThreadModeSettings;
import com.puppycrawl.tools.checkstyle.TreeWalkerFilter;
import com.puppycrawl.tools.checkstyle.api.AbstractCheck;
import com.puppycrawl.tools.checkstyle.api.Configuration;
import dev.attentive.reviewer.analysis.style.CheckstyleAllowlist.Module;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * A Checkstyle configuration that came from a repository (the team's file, or the checkout under
 * review on the command line), checked before anything of it is instantiated and turned into
 * Checkstyle's configuration tree without Checkstyle's loader.
 *
 * <p>Checkstyle's own loader expands {@code ${...}} from whatever properties it is given, resolves
 * the DOCTYPE (a network fetch for an unknown one), expands entities, and instantiates any class a
 * module names; modules such as Header read any file or URL and quote it back in violation
 * messages, which become review comments. Here instead:
 *
 * <ul>
 *   <li>the XML is parsed by the JDK's own SAX parser with external entities, external DTDs and
 *       XInclude off; a DOCTYPE is accepted only with Checkstyle's public id and is never fetched;
 *       any declaration inside it (an entity, so also "billion laughs") or any entity reference
 *       other than XML's five ({@code &amp;} ...) is refused;
 *   <li>size ({@link #MAX_CHARS}), nesting (Checker, TreeWalker, check, property: {@link
 *       #MAX_DEPTH} elements) and module count ({@link #MAX_MODULES}) are bounded while parsing;
 *   <li>every module must be one {@link CheckstyleAllowlist} allows, named as Checkstyle names it
 *       (no other class), in its place (checks under TreeWalker, file checks and filters under
 *       Checker);
 *   <li>every property and message passes {@link CheckstyleAllowlist#propertyProblem}: no {@code
 *       ${...}}, no location, values capped, XPath queries limited to functions that compute on the
 *       syntax tree.
 * </ul>
 *
 * Whatever is wrong is collected into one {@link Refused} exception, whose message names the
 * modules and properties (the configuration's own text, never anything read from elsewhere).
 */
public final class SafeCheckstyleConfig {

  /** Longest configuration accepted, in characters (ingest carries at most this much too). */
  public static final int MAX_CHARS = 256 * 1024;

  /** Element nesting Checkstyle needs: Checker, TreeWalker, a check, its property. */
  static final int MAX_DEPTH = 4;

  static final int MAX_MODULES = 1_000;
  private static final int MAX_ELEMENTS = 20_000;
  private static final int PROBLEMS_SHOWN = 5;
  private static final int NAME_SHOWN = 80;

  /**
   * The public ids of Checkstyle's configuration DTDs: the only DOCTYPEs accepted (and none is ever
   * read).
   */
  static final Set<String> PUBLIC_IDS =
      Set.of(
          "-//Puppy Crawl//DTD Check Configuration 1.0//EN",
              "-//Puppy Crawl//DTD Check Configuration 1.1//EN",
          "-//Puppy Crawl//DTD Check Configuration 1.2//EN",
              "-//Puppy Crawl//DTD Check Configuration 1.3//EN",
          "-//Checkstyle//DTD Checkstyle Configuration 1.0//EN",
              "-//Checkstyle//DTD Checkstyle Configuration 1.1//EN",
          "-//Checkstyle//DTD Checkstyle Configuration 1.2//EN",
              "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN");

  /** A configuration that is refused; {@link #getMessage()} says why in a sentence or a few. */
  public static final class Refused extends IllegalArgumentException {
    private final List<String> problems;

    Refused(List<String> problems) {
      super(summary(problems));
      this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
      return problems;
    }

    private static String summary(List<String> problems) {
      String shown =
          String.join("; ", problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
      return problems.size() > PROBLEMS_SHOWN
          ? shown + "; and " + (problems.size() - PROBLEMS_SHOWN) + " more"
          : shown;
    }
  }

  /** An element as parsed: module, property, message or metadata. */
  private record Element(
      String tag, Map<String, String> attributes, List<Element> children, int line) {}

  private SafeCheckstyleConfig() {}

  /**
   * The configuration tree of {@code xml}, whose modules are named by Checkstyle's class names.
   *
   * @throws Refused when anything in it is not allowed, or it is not a Checkstyle configuration
   */
  public static Configuration parse(String xml) {
    if (xml == null || xml.isBlank()) {
      throw new Refused(List.of("the configuration is empty"));
    }
    if (xml.length() > MAX_CHARS) {
      throw new Refused(
          List.of(
              "the configuration is "
                  + xml.length() / 1024
                  + " KiB; at most "
                  + MAX_CHARS / 1024
                  + " KiB are accepted"));
    }
    Element root = read(xml);
    // With an (unread) external DTD the parser quietly drops undeclared references in values;
    // refuse them instead.
    Matcher reference = ENTITY_REFERENCE.matcher(COMMENT.matcher(xml).replaceAll(""));
    while (reference.find()) {
      if (!PREDEFINED_ENTITIES.contains(reference.group(1))) {
        throw new Refused(
            List.of(
                "entities are not allowed in repository configurations ("
                    + shown(reference.group())
                    + ")"));
      }
    }
    List<String> problems = new ArrayList<>();
    Configuration configuration = build(root, null, problems);
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    return configuration;
  }

  private static Element read(String xml) {
    TreeReader reader = new TreeReader();
    try {
      SAXParserFactory factory =
          SAXParserFactory.newDefaultInstance(); // the JDK's, whatever else is on the path
      factory.setNamespaceAware(false);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      SAXParser parser = factory.newSAXParser();
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      parser.setProperty("http://xml.org/sax/properties/lexical-handler", reader);
      parser.setProperty("http://xml.org/sax/properties/declaration-handler", reader);
      XMLReader xmlReader = parser.getXMLReader();
      xmlReader.setContentHandler(reader);
      xmlReader.setErrorHandler(reader);
      xmlReader.setDTDHandler(reader);
      xmlReader.setEntityResolver(reader);
      xmlReader.parse(new InputSource(new StringReader(xml)));
    } catch (RefusedWhileParsing e) {
      throw new Refused(List.of(e.getMessage()));
    } catch (SAXParseException e) {
      throw new Refused(
          List.of("not well-formed XML (line " + e.getLineNumber() + ": " + e.getMessage() + ")"));
    } catch (SAXException | IOException e) {
      throw new Refused(List.of("not well-formed XML (" + e.getMessage() + ")"));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(
          "the JDK's XML parser lacks a safety feature: " + e.getMessage(), e);
    }
    if (reader.root == null) {
      throw new Refused(List.of("the configuration has no root module"));
    }
    return reader.root;
  }

  /**
   * The module and what is under it, as Checkstyle configuration; problems are added, not thrown.
   */
  private static DefaultConfiguration build(Element element, Module parent, List<String> problems) {
    String where = "line " + element.line() + ": ";
    if (!element.tag().equals("module")) {
      problems.add(where + "<" + shown(element.tag()) + "> where a <module> belongs");
      return null;
    }
    String name = element.attributes().getOrDefault("name", "");
    Module module = CheckstyleAllowlist.module(name);
    if (module == null) {
      problems.add(
          where
              + "module "
              + shown(name)
              + " is not a Checkstyle module; custom and third-party classes are"
              + " not allowed in repository configurations");
      return null;
    }
    if (!CheckstyleAllowlist.allowed(module)) {
      problems.add(where + "module " + module.name() + " is refused: it " + module.reason());
      return null;
    }
    Class<?> type;
    try {
      type = Class.forName(module.className(), false, SafeCheckstyleConfig.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      problems.add(where + "module " + module.name() + " is not in this Checkstyle version");
      return null;
    }
    String placement = placement(module, type, parent);
    if (placement != null) {
      problems.add(where + "module " + module.name() + " " + placement);
      return null;
    }
    DefaultConfiguration configuration =
        new DefaultConfiguration(
            module.className(), ThreadModeSettings.SINGLE_THREAD_MODE_INSTANCE);
    for (Element child : element.children()) {
      String at = "line " + child.line() + ": ";
      switch (child.tag()) {
        case "property" -> {
          String property = child.attributes().get("name");
          String value = child.attributes().get("value");
          if (property == null || value == null) {
            problems.add(at + "a <property> of " + module.name() + " needs a name and a value");
            continue;
          }
          String problem =
              CheckstyleAllowlist.SET_BY_REVIEWER.contains(property) && parent == null
                  ? null
                  : CheckstyleAllowlist.propertyProblem(type, property, value);
          if (problem != null) {
            problems.add(
                at + "property " + shown(property) + " of " + module.name() + " " + problem);
          } else {
            configuration.addProperty(property, value);
          }
        }
        case "message" -> {
          String key = child.attributes().get("key");
          String value = child.attributes().get("value");
          if (key == null || value == null) {
            problems.add(at + "a <message> of " + module.name() + " needs a key and a value");
          } else if (value.contains("${")) {
            problems.add(
                at
                    + "message "
                    + shown(key)
                    + " of "
                    + module.name()
                    + " uses ${...}: repository"
                    + " configurations are not expanded (no system properties or environment)");
          } else if (value.length() > CheckstyleAllowlist.MAX_VALUE_CHARS) {
            problems.add(
                at
                    + "message "
                    + shown(key)
                    + " of "
                    + module.name()
                    + " is longer than "
                    + CheckstyleAllowlist.MAX_VALUE_CHARS
                    + " characters");
          } else {
            configuration.addMessage(key, value);
          }
        }
        case "metadata" -> {} // documentation for tools; Checkstyle ignores it too
        case "module" -> {
          DefaultConfiguration built = build(child, module, problems);
          // Checkstyle's loader leaves out modules at severity "ignore"; so do we (they would
          // report nothing).
          if (built != null && !ignored(child)) {
            configuration.addChild(built);
          }
        }
        default ->
            problems.add(
                at + "<" + shown(child.tag()) + "> is not part of a Checkstyle configuration");
      }
    }
    return configuration;
  }

  /** Why the module cannot stand under {@code parent} (null: the root), or null when it can. */
  private static String placement(Module module, Class<?> type, Module parent) {
    boolean root = module.name().equals("Checker");
    if (parent == null) {
      return root ? null : "cannot be the root: a configuration starts with Checker";
    }
    if (root) {
      return "can only be the root";
    }
    boolean underTreeWalker =
        AbstractCheck.class.isAssignableFrom(type) || TreeWalkerFilter.class.isAssignableFrom(type);
    String expected = underTreeWalker ? "TreeWalker" : "Checker";
    return parent.name().equals(expected)
        ? null
        : "must stand directly under " + expected + ", not under " + parent.name();
  }

  private static boolean ignored(Element module) {
    return module.children().stream()
        .anyMatch(
            p ->
                p.tag().equals("property")
                    && "severity".equals(p.attributes().get("name"))
                    && "ignore".equals(p.attributes().get("value")));
  }

  /** A name from the configuration, shortened for a message. */
  private static String shown(String name) {
    String oneLine = name.replaceAll("\\s+", " ");
    return "`"
        + (oneLine.length() > NAME_SHOWN ? oneLine.substring(0, NAME_SHOWN) + "..." : oneLine)
        + "`";
  }

  private static final Pattern ENTITY_REFERENCE =
      Pattern.compile("&([\\p{L}_:][\\p{L}\\p{N}_.:\\-]*);");
  private static final Pattern COMMENT = Pattern.compile("(?s)<!--.*?-->");
  private static final Set<String> PREDEFINED_ENTITIES = Set.of("amp", "lt", "gt", "quot", "apos");

  /** A refusal raised inside the SAX callbacks, told apart from the parser's own errors. */
  private static final class RefusedWhileParsing extends SAXException {
    RefusedWhileParsing(String message) {
      super(message);
    }
  }

  /**
   * Builds the element tree; refuses DOCTYPE declarations, entities and excess while they are read.
   */
  private static final class TreeReader extends DefaultHandler2 {
    private final List<Element> open = new ArrayList<>();
    private Locator locator;
    private Element root;
    private int elements;
    private int modules;

    @Override
    public void setDocumentLocator(Locator locator) {
      this.locator = locator;
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
      if (!"module".equals(name) || publicId == null || !PUBLIC_IDS.contains(publicId)) {
        throw new RefusedWhileParsing(
            "a DOCTYPE other than Checkstyle's own (<!DOCTYPE module PUBLIC"
                + " \"-//Checkstyle//DTD Checkstyle Configuration 1.3//EN\" ...>) is not allowed");
      }
      // the system id is never fetched: external DTDs are off, and resolveEntity refuses
    }

    @Override
    public void internalEntityDecl(String name, String value) throws SAXException {
      throw declaration();
    }

    @Override
    public void externalEntityDecl(String name, String publicId, String systemId)
        throws SAXException {
      throw declaration();
    }

    @Override
    public void elementDecl(String name, String model) throws SAXException {
      throw declaration();
    }

    @Override
    public void attributeDecl(
        String element, String attribute, String type, String mode, String value)
        throws SAXException {
      throw declaration();
    }

    @Override
    public void notationDecl(String name, String publicId, String systemId) throws SAXException {
      throw declaration();
    }

    @Override
    public void unparsedEntityDecl(String name, String publicId, String systemId, String notation)
        throws SAXException {
      throw declaration();
    }

    @Override
    public void startEntity(String name) throws SAXException {
      throw new RefusedWhileParsing("entities are not allowed in repository configurations");
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
      throw new RefusedWhileParsing("entities are not allowed in repository configurations");
    }

    @Override
    public InputSource resolveEntity(String name, String publicId, String baseUri, String systemId)
        throws SAXException {
      throw new RefusedWhileParsing(
          "external entities and DTDs are never fetched for repository configurations");
    }

    @Override
    public InputSource getExternalSubset(String name, String baseUri) {
      return null;
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes attributes)
        throws SAXException {
      if (open.size() >= MAX_DEPTH) {
        throw new RefusedWhileParsing(
            "elements are nested deeper than a Checkstyle configuration has them (Checker,"
                + " TreeWalker, a check, its property: "
                + MAX_DEPTH
                + " levels)");
      }
      if (++elements > MAX_ELEMENTS || qName.equals("module") && ++modules > MAX_MODULES) {
        throw new RefusedWhileParsing(
            "the configuration has more than "
                + MAX_MODULES
                + " modules or "
                + MAX_ELEMENTS
                + " elements");
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < attributes.getLength(); i++) {
        values.put(attributes.getQName(i), attributes.getValue(i));
      }
      Element element =
          new Element(
              qName, values, new ArrayList<>(), locator == null ? 0 : locator.getLineNumber());
      if (open.isEmpty()) {
        root = element;
      } else {
        open.get(open.size() - 1).children().add(element);
      }
      open.add(element);
    }

    @Override
    public void endElement(String uri, String localName, String qName) {
      open.remove(open.size() - 1);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
      throw e;
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
      throw e;
    }

    private static SAXException declaration() {
      return new RefusedWhileParsing(
          "declarations inside the DOCTYPE (entities, elements, attributes) are not"
              + " allowed in repository configurations");
    }
  }
}
