package dev.attentive.reviewer.analysis.style;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a repository's Checkstyle configuration may use: every module of Checkstyle 12.3.1 is either
 * allowed, with why it is safe, or refused, with why not; anything else (a custom class, a
 * third-party check, a module a later Checkstyle adds) is refused until someone reviews it.
 * docs/security.md lists the same table.
 *
 * <p>Properties are decided by the type of the module's setter, so that a property Checkstyle adds
 * later is refused when it could take a location: flags, numbers, keywords (enums) and regular
 * expressions are safe; free text ({@code String}, {@code String[]}) only under a name reviewed
 * here ({@link #TEXT_PROPERTIES}); anything else (a {@code URI}, {@code File}, class loader, ...)
 * is refused. Values are capped in length, never expanded, and XPath queries may only call
 * functions that compute on the syntax tree.
 */
final class CheckstyleAllowlist {

  /** An entry of the table: the name a configuration uses, Checkstyle's class for it, and why. */
  record Module(String name, String className, String reason) {}

  /** Longest property or message value: bounds what a pattern or query can cost to compile. */
  static final int MAX_VALUE_CHARS = 2_000;

  static final String CHECKSTYLE_PACKAGE = "com.puppycrawl.tools.checkstyle.";

  // Why allowed modules are safe, by kind.
  static final String ROOT =
      "the root module; the reviewer sets charset and locale itself, and refuses basedir and"
          + " cacheFile (locations)";
  static final String TREE_WALKER =
      "parses the file under review into a syntax tree for the checks below it; its"
          + " properties are flags, numbers and file extensions";
  static final String TREE =
      "inspects only the syntax tree and comments of the file under review; its properties"
          + " are flags, numbers, keywords, token and name lists and regular expressions (length-capped)";
  static final String TEXT =
      "reads only the text or the name of the file under review; its properties are flags,"
          + " numbers, file extensions and regular expressions (length-capped)";
  static final String PROPERTIES_FILES =
      "checks .properties files, which the reviewer never gives Checkstyle (Java"
          + " files only); reads nothing but the file it is given";
  static final String HEADER =
      "compares the first lines of the file under review with the header given inline in"
          + " `header` (a regular expression per line for RegexpHeader); `headerFile`, a file or URL, is refused";
  static final String XPATH =
      "evaluates an XPath query over the syntax tree of the file under review; the query may"
          + " only call functions that compute on the tree (no doc(), unparsed-text(), environment-variable(), ...)";
  static final String PACKAGE_INFO =
      "only asks whether package-info.java or package.html exists beside the file"
          + " under review, which is alone in the reviewer's private temporary folder (so it flags every file, as with the"
          + " bundled sun_checks.xml); reads nothing";
  static final String FILTER =
      "decides on violations from the configuration's own patterns and from the comments,"
          + " annotations or name of the file under review";

  static final Map<String, Module> ALLOWED;
  static final Map<String, Module> REFUSED;

  static {
    Map<String, Module> allowed = new LinkedHashMap<>();
    add(allowed, "", ROOT, "Checker");
    add(allowed, "", TREE_WALKER, "TreeWalker");
    checks(
        allowed,
        "annotation",
        TREE,
        "AnnotationLocation",
        "AnnotationOnSameLine",
        "AnnotationUseStyle",
        "MissingDeprecated",
        "MissingOverride",
        "PackageAnnotation",
        "SuppressWarnings");
    checks(
        allowed,
        "blocks",
        TREE,
        "AvoidNestedBlocks",
        "EmptyBlock",
        "EmptyCatchBlock",
        "LeftCurly",
        "NeedBraces",
        "RightCurly");
    checks(
        allowed,
        "coding",
        TREE,
        "ArrayTrailingComma",
        "AvoidDoubleBraceInitialization",
        "AvoidInlineConditionals",
        "AvoidNoArgumentSuperConstructorCall",
        "ConstructorsDeclarationGrouping",
        "CovariantEquals",
        "DeclarationOrder",
        "DefaultComesLast",
        "EmptyStatement",
        "EqualsAvoidNull",
        "EqualsHashCode",
        "ExplicitInitialization",
        "FallThrough",
        "FinalLocalVariable",
        "HiddenField",
        "IllegalCatch",
        "IllegalInstantiation",
        "IllegalThrows",
        "IllegalToken",
        "IllegalTokenText",
        "IllegalType",
        "InnerAssignment",
        "MagicNumber",
        "MissingCtor",
        "MissingNullCaseInSwitch",
        "MissingSwitchDefault",
        "ModifiedControlVariable",
        "MultipleStringLiterals",
        "MultipleVariableDeclarations",
        "NestedForDepth",
        "NestedIfDepth",
        "NestedTryDepth",
        "NoArrayTrailingComma",
        "NoClone",
        "NoEnumTrailingComma",
        "NoFinalizer",
        "OneStatementPerLine",
        "OverloadMethodsDeclarationOrder",
        "PackageDeclaration",
        "ParameterAssignment",
        "PatternVariableAssignment",
        "RequireThis",
        "ReturnCount",
        "SimplifyBooleanExpression",
        "SimplifyBooleanReturn",
        "StringLiteralEquality",
        "SuperClone",
        "SuperFinalize",
        "TextBlockGoogleStyleFormatting",
        "UnnecessaryNullCheckWithInstanceOf",
        "UnnecessaryParentheses",
        "UnnecessarySemicolonAfterOuterTypeDeclaration",
        "UnnecessarySemicolonAfterTypeMemberDeclaration",
        "UnnecessarySemicolonInEnumeration",
        "UnnecessarySemicolonInTryWithResources",
        "UnusedCatchParameterShouldBeUnnamed",
        "UnusedLambdaParameterShouldBeUnnamed",
        "UnusedLocalVariable",
        "VariableDeclarationUsageDistance",
        "WhenShouldBeUsed");
    checks(allowed, "coding", XPATH, "MatchXpath");
    checks(
        allowed,
        "design",
        TREE,
        "DesignForExtension",
        "FinalClass",
        "HideUtilityClassConstructor",
        "InnerTypeLast",
        "InterfaceIsType",
        "MutableException",
        "OneTopLevelClass",
        "SealedShouldHavePermitsList",
        "ThrowsCount",
        "VisibilityModifier");
    checks(allowed, "header", HEADER, "Header", "RegexpHeader");
    checks(
        allowed,
        "imports",
        TREE,
        "AvoidStarImport",
        "AvoidStaticImport",
        "CustomImportOrder",
        "IllegalImport",
        "ImportOrder",
        "RedundantImport",
        "UnusedImports");
    checks(allowed, "indentation", TREE, "CommentsIndentation", "Indentation");
    checks(
        allowed,
        "javadoc",
        TREE,
        "AtclauseOrder",
        "InvalidJavadocPosition",
        "JavadocBlockTagLocation",
        "JavadocContentLocation",
        "JavadocLeadingAsteriskAlign",
        "JavadocMethod",
        "JavadocMissingLeadingAsterisk",
        "JavadocMissingWhitespaceAfterAsterisk",
        "JavadocParagraph",
        "JavadocStyle",
        "JavadocTagContinuationIndentation",
        "JavadocType",
        "JavadocVariable",
        "MissingJavadocMethod",
        "MissingJavadocPackage",
        "MissingJavadocType",
        "NonEmptyAtclauseDescription",
        "RequireEmptyLineBeforeBlockTagGroup",
        "SingleLineJavadoc",
        "SummaryJavadoc",
        "WriteTag");
    checks(allowed, "javadoc", PACKAGE_INFO, "JavadocPackage");
    checks(
        allowed,
        "metrics",
        TREE,
        "BooleanExpressionComplexity",
        "ClassDataAbstractionCoupling",
        "ClassFanOutComplexity",
        "CyclomaticComplexity",
        "JavaNCSS",
        "NPathComplexity");
    checks(
        allowed,
        "modifier",
        TREE,
        "ClassMemberImpliedModifier",
        "InterfaceMemberImpliedModifier",
        "ModifierOrder",
        "RedundantModifier");
    checks(
        allowed,
        "naming",
        TREE,
        "AbbreviationAsWordInName",
        "AbstractClassName",
        "CatchParameterName",
        "ClassTypeParameterName",
        "ConstantName",
        "IllegalIdentifierName",
        "InterfaceTypeParameterName",
        "LambdaParameterName",
        "LocalFinalVariableName",
        "LocalVariableName",
        "MemberName",
        "MethodName",
        "MethodTypeParameterName",
        "PackageName",
        "ParameterName",
        "PatternVariableName",
        "RecordComponentName",
        "RecordTypeParameterName",
        "StaticVariableName",
        "TypeName");
    checks(allowed, "regexp", TREE, "Regexp", "RegexpSinglelineJava");
    checks(allowed, "regexp", TEXT, "RegexpMultiline", "RegexpOnFilename", "RegexpSingleline");
    checks(
        allowed,
        "sizes",
        TREE,
        "AnonInnerLength",
        "ExecutableStatementCount",
        "LambdaBodyLength",
        "MethodCount",
        "MethodLength",
        "OuterTypeNumber",
        "ParameterNumber",
        "RecordComponentNumber");
    checks(allowed, "sizes", TEXT, "FileLength", "LineLength");
    checks(
        allowed,
        "whitespace",
        TREE,
        "EmptyForInitializerPad",
        "EmptyForIteratorPad",
        "EmptyLineSeparator",
        "GenericWhitespace",
        "MethodParamPad",
        "NoLineWrap",
        "NoWhitespaceAfter",
        "NoWhitespaceBeforeCaseDefaultColon",
        "NoWhitespaceBefore",
        "OperatorWrap",
        "ParenPad",
        "SeparatorWrap",
        "SingleSpaceSeparator",
        "TypecastParenPad",
        "WhitespaceAfter",
        "WhitespaceAround");
    checks(allowed, "whitespace", TEXT, "FileTabCharacter");
    checks(
        allowed,
        "",
        TREE,
        "ArrayTypeStyle",
        "AvoidEscapedUnicodeCharacters",
        "DescendantToken",
        "FinalParameters",
        "HexLiteralCase",
        "NoCodeInFile",
        "OuterTypeFilename",
        "TodoComment",
        "TrailingComment",
        "UncommentedMain",
        "UpperEll");
    checks(allowed, "", TEXT, "NewlineAtEndOfFile");
    checks(allowed, "", PROPERTIES_FILES, "OrderedProperties", "UniqueProperties");
    add(allowed, "checks.", FILTER, "SuppressWarningsHolder");
    add(
        allowed,
        "filters.",
        FILTER,
        "SeverityMatchFilter",
        "SuppressWarningsFilter",
        "SuppressWithNearbyCommentFilter",
        "SuppressWithNearbyTextFilter",
        "SuppressWithPlainTextCommentFilter",
        "SuppressionCommentFilter",
        "SuppressionSingleFilter");
    add(allowed, "filters.", XPATH, "SuppressionXpathSingleFilter");
    add(allowed, "filefilters.", FILTER, "BeforeExecutionExclusionFileFilter");
    ALLOWED = Collections.unmodifiableMap(allowed);

    Map<String, Module> refused = new LinkedHashMap<>();
    add(
        refused,
        "filters.",
        "reads suppressions from the file or URL in `file`; write them into the configuration"
            + " (SuppressionSingleFilter, SuppressionXpathSingleFilter) or the code (@SuppressWarnings with"
            + " SuppressWarningsHolder and SuppressWarningsFilter)",
        "SuppressionFilter",
        "SuppressionXpathFilter");
    checks(refused, "imports", "reads its rules from the file or URL in `file`", "ImportControl");
    checks(
        refused,
        "header",
        "reads the header files listed in `headerFiles`; use RegexpHeader with an inline"
            + " `header`",
        "MultiFileRegexpHeader");
    checks(refused, "", "reads the other .properties files beside the one checked", "Translation");
    REFUSED = Collections.unmodifiableMap(refused);
  }

  /**
   * Free-text properties that were reviewed: they hold names, keywords, patterns or messages, never
   * locations.
   */
  static final Map<String, String> TEXT_PROPERTIES;

  /**
   * Properties refused whatever their module, with why: they name files (to read or write) or
   * folders.
   */
  static final Map<String, String> REFUSED_PROPERTIES =
      Map.of(
          "basedir", "names a folder of the reviewer's file system",
          "cacheFile", "names a file Checkstyle reads and writes",
          "file", "names a file or URL to read",
          "headerFile", "names a file or URL to read",
          "headerFiles", "names files or URLs to read",
          "requiredTranslations", "names other files to read");

  /**
   * Checker properties the reviewer decides itself: accepted and then replaced (see
   * CheckstyleRunner).
   */
  static final Set<String> SET_BY_REVIEWER = Set.of("charset", "localeLanguage", "localeCountry");

  static {
    Map<String, String> text = new LinkedHashMap<>();
    String names =
        "names (of classes, packages, annotations, tokens, tags, modifiers, file extensions) compared with"
            + " the code under review; never resolved or loaded";
    for (String name :
        List.of(
            "aliasList",
            "allowedAbbreviations",
            "allowedAnnotations",
            "classes",
            "constantWaiverParentToken",
            "customImportOrderRules",
            "excludedClasses",
            "excludedPackages",
            "excludes",
            "fileExtensions",
            "groups",
            "ignoreAnnotatedBy",
            "ignoreAnnotationCanonicalNames",
            "ignoreOccurrenceContext",
            "ignoredAnnotations",
            "ignoredMethodNames",
            "ignoredTags",
            "illegalClassNames",
            "illegalClasses",
            "illegalModules",
            "illegalPkgs",
            "immutableClassCanonicalNames",
            "javadocTokens",
            "legalAbstractClassNames",
            "limitedTokens",
            "memberModifiers",
            "skipAnnotations",
            "staticGroups",
            "tagOrder",
            "tags",
            "target",
            "tokens")) {
      text.put(name, names);
    }
    String keywords = "a keyword from a fixed set (Checkstyle rejects anything else)";
    for (String name :
        List.of(
            "option",
            "elementStyle",
            "closingParens",
            "trailingArrayComma",
            "location",
            "lineSeparator",
            "jdkVersion",
            "severity",
            "charset",
            "localeLanguage",
            "localeCountry")) {
      text.put(name, keywords);
    }
    String patterns =
        "a regular expression, or a list or range of numbers, matched against the code, its comments"
            + " or its violations (length-capped)";
    for (String name :
        List.of(
            "format",
            "checkFormat",
            "idFormat",
            "messageFormat",
            "influenceFormat",
            "checkPattern",
            "idPattern",
            "messagePattern",
            "checks",
            "files",
            "lineRange",
            "lines",
            "columns",
            "header")) {
      text.put(name, patterns);
    }
    String messages = "text shown in a violation or a rule's name (the configuration's own text)";
    for (String name :
        List.of("message", "maximumMessage", "minimumMessage", "tag", "period", "id")) {
      text.put(name, messages);
    }
    text.put(
        "query",
        "an XPath query over the syntax tree, limited to functions that compute on the tree");
    TEXT_PROPERTIES = Collections.unmodifiableMap(text);
  }

  /** Setter types whose values are inert: a flag, a number, a keyword or a regular expression. */
  private static final Set<Class<?>> INERT_TYPES =
      Set.of(
          boolean.class,
          int.class,
          long.class,
          double.class,
          int[].class,
          double[].class,
          Pattern.class,
          Pattern[].class);

  /**
   * XPath functions (and keywords written like calls) that only compute on their arguments and the
   * tree.
   */
  static final Set<String> XPATH_FUNCTIONS =
      Set.of(
          // kind tests and keywords followed by a parenthesis
          "node",
          "text",
          "comment",
          "element",
          "attribute",
          "if",
          "and",
          "or",
          "div",
          "idiv",
          "mod",
          "union",
          "intersect",
          "except",
          "return",
          "then",
          "else",
          "in",
          "satisfies",
          "to",
          "eq",
          "ne",
          "lt",
          "le",
          "gt",
          "ge",
          "is",
          // functions on nodes, sequences, strings and numbers
          "not",
          "true",
          "false",
          "boolean",
          "count",
          "exists",
          "empty",
          "position",
          "last",
          "name",
          "local-name",
          "string",
          "string-length",
          "normalize-space",
          "concat",
          "contains",
          "starts-with",
          "ends-with",
          "substring",
          "substring-before",
          "substring-after",
          "lower-case",
          "upper-case",
          "translate",
          "string-join",
          "matches",
          "number",
          "sum",
          "min",
          "max",
          "abs",
          "floor",
          "ceiling",
          "round",
          "distinct-values",
          "head",
          "tail",
          "reverse",
          "data");

  private static final Pattern XPATH_CALL =
      Pattern.compile(
          "([\\p{L}_][\\p{L}\\p{N}_.\\-]*(?::[\\p{L}_]" + "[\\p{L}\\p{N}_.\\-]*)?)\\s*\\(");

  private static final Map<String, Module> BY_CLASS_NAME = new HashMap<>();

  static {
    ALLOWED.values().forEach(m -> BY_CLASS_NAME.put(m.className(), m));
    REFUSED.values().forEach(m -> BY_CLASS_NAME.put(m.className(), m));
  }

  private static final Map<Class<?>, Map<String, Class<?>>> SETTERS = new ConcurrentHashMap<>();

  private CheckstyleAllowlist() {}

  /**
   * The table entry a configuration's module name means, by Checkstyle's naming rules (a short
   * name, the same with "Check", or Checkstyle's fully qualified class name); null when it names
   * nothing in the table.
   */
  static Module module(String name) {
    if (name.startsWith(CHECKSTYLE_PACKAGE)) {
      return BY_CLASS_NAME.get(name);
    }
    if (name.contains(".")) {
      return null;
    }
    for (String key :
        List.of(name, name.endsWith("Check") ? name.substring(0, name.length() - 5) : name)) {
      Module module = ALLOWED.containsKey(key) ? ALLOWED.get(key) : REFUSED.get(key);
      if (module != null) {
        return module;
      }
    }
    return null;
  }

  static boolean allowed(Module module) {
    return ALLOWED.get(module.name()) == module;
  }

  /**
   * Why {@code property = value} of a module of class {@code type} is refused, or null when it is
   * allowed.
   */
  static String propertyProblem(Class<?> type, String property, String value) {
    if (value.contains("${")) {
      return "uses ${...}: repository configurations are not expanded (no system properties or environment)";
    }
    if (value.length() > MAX_VALUE_CHARS) {
      return "is "
          + value.length()
          + " characters long; at most "
          + MAX_VALUE_CHARS
          + " are allowed";
    }
    if (REFUSED_PROPERTIES.containsKey(property)) {
      return "is refused: it " + REFUSED_PROPERTIES.get(property);
    }
    Class<?> setter = setters(type).get(property);
    if (setter == null) {
      return "does not exist";
    }
    if (INERT_TYPES.contains(setter)
        || setter.isEnum()
        || setter.isArray() && setter.getComponentType().isEnum()) {
      return null;
    }
    if (setter == String.class || setter == String[].class) {
      if (!TEXT_PROPERTIES.containsKey(property)) {
        return "is refused: it takes free text that has not been reviewed as safe (it could name a location)";
      }
      return property.equals("query") ? xpathProblem(value) : null;
    }
    return "is refused: it takes a "
        + setter.getSimpleName()
        + ", which can name a file, URL or class";
  }

  /** Why an XPath query is refused, or null: it may only call {@link #XPATH_FUNCTIONS}. */
  static String xpathProblem(String query) {
    String code = withoutLiteralsAndComments(query);
    if (code == null) {
      return "is not a well-formed XPath query (an unclosed string or comment)";
    }
    if (code.contains("#") || code.contains("Q{")) {
      return "is refused: XPath function references and URI-qualified names are not allowed";
    }
    Matcher call = XPATH_CALL.matcher(code);
    while (call.find()) {
      String function = call.group(1);
      if (!XPATH_FUNCTIONS.contains(function)) {
        return "is refused: it calls "
            + function
            + "(), which is not among the XPath functions allowed here (those"
            + " that compute on the tree: not, count, contains, starts-with, matches, string-length, ...)";
      }
    }
    return null;
  }

  /** The query with string literals emptied and comments blanked; null if one is not closed. */
  private static String withoutLiteralsAndComments(String query) {
    StringBuilder out = new StringBuilder(query.length());
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (c == '\'' || c == '"') {
        int j = i + 1;
        while (true) {
          if (j >= query.length()) {
            return null;
          }
          if (query.charAt(j) == c) {
            if (j + 1 < query.length() && query.charAt(j + 1) == c) {
              j += 2; // a doubled quote stands for one
              continue;
            }
            break;
          }
          j++;
        }
        out.append(c).append(c);
        i = j + 1;
      } else if (c == '(' && i + 1 < query.length() && query.charAt(i + 1) == ':') {
        int depth = 0;
        int j = i;
        do {
          if (j + 1 >= query.length()) {
            return null;
          }
          if (query.charAt(j) == '(' && query.charAt(j + 1) == ':') {
            depth++;
            j += 2;
          } else if (query.charAt(j) == ':' && query.charAt(j + 1) == ')') {
            depth--;
            j += 2;
          } else {
            j++;
          }
        } while (depth > 0);
        out.append(' ');
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /**
   * A module's writable properties (as Checkstyle sets them, through JavaBeans setters) and their
   * types.
   */
  static Map<String, Class<?>> setters(Class<?> type) {
    return SETTERS.computeIfAbsent(
        type,
        t -> {
          Map<String, Class<?>> out = new HashMap<>();
          try {
            for (PropertyDescriptor p : Introspector.getBeanInfo(t).getPropertyDescriptors()) {
              if (p.getWriteMethod() != null) {
                out.put(p.getName(), p.getWriteMethod().getParameterTypes()[0]);
              }
            }
          } catch (IntrospectionException e) {
            throw new IllegalStateException("cannot list the properties of " + t.getName(), e);
          }
          return Map.copyOf(out);
        });
  }

  private static void checks(
      Map<String, Module> table, String pkg, String reason, String... names) {
    for (String name : names) {
      String className =
          CHECKSTYLE_PACKAGE + "checks." + (pkg.isEmpty() ? "" : pkg + ".") + name + "Check";
      table.put(name, new Module(name, className, reason));
    }
  }

  private static void add(Map<String, Module> table, String pkg, String reason, String... names) {
    for (String name : names) {
      table.put(name, new Module(name, CHECKSTYLE_PACKAGE + pkg + name, reason));
    }
  }
}
