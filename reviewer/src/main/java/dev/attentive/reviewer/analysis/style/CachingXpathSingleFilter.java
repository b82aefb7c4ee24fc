package dev.attentive.reviewer.analysis.style;

import com.puppycrawl.tools.checkstyle.TreeWalkerAuditEvent;
import com.puppycrawl.tools.checkstyle.api.DetailAST;
import com.puppycrawl.tools.checkstyle.filters.SuppressionXpathSingleFilter;
import com.puppycrawl.tools.checkstyle.filters.XpathFilterElement;
import com.puppycrawl.tools.checkstyle.utils.XpathUtil;
import com.puppycrawl.tools.checkstyle.xpath.AbstractNode;
import com.puppycrawl.tools.checkstyle.xpath.RootNode;
import java.util.HashSet;
import java.util.Set;

/**
 * Checkstyle's {@code SuppressionXpathSingleFilter}, with its query evaluated once per file instead
 * of once per violation.
 *
 * <p>The stock filter runs its XPath query over the whole syntax tree for every violation of the
 * checks it names, so its cost grows with violations times file size: with google_checks.xml,
 * Checkstyle took 5 s instead of 0.1 s on a 1,000-line file with many spacing violations
 * (measured). The query's result does not depend on the violation, so this filter computes the set
 * of matching nodes once per syntax tree and looks violations up in it. Same properties ({@code
 * files}, {@code checks}, {@code message}, {@code id}, {@code query}) and same decisions.
 *
 * <p>{@link CheckstyleRunner} substitutes it for {@code SuppressionXpathSingleFilter} in every
 * configuration it loads. Public only because Checkstyle instantiates modules reflectively; not an
 * API. Not thread-safe, like the Checker that owns it.
 */
public final class CachingXpathSingleFilter extends SuppressionXpathSingleFilter {

  private String files;
  private String checks;
  private String message;
  private String id;
  private String query;

  /** The filter without its query: decides whether a violation is one the query is about. */
  private XpathFilterElement criteria;

  private DetailAST lastRoot;
  private Set<NodeKey> matches = Set.of();

  private record NodeKey(int tokenType, int line, int column) {}

  @Override
  public void setFiles(String files) {
    super.setFiles(files);
    this.files = files;
  }

  @Override
  public void setChecks(String checks) {
    super.setChecks(checks);
    this.checks = checks;
  }

  @Override
  public void setMessage(String message) {
    super.setMessage(message);
    this.message = message;
  }

  @Override
  public void setId(String id) {
    super.setId(id);
    this.id = id;
  }

  @Override
  public void setQuery(String query) {
    super.setQuery(query);
    this.query = query;
  }

  @Override
  protected void finishLocalSetup() {
    super.finishLocalSetup(); // validates the query as the stock filter does
    criteria = new XpathFilterElement(files, checks, message, id, null);
  }

  @Override
  public boolean accept(TreeWalkerAuditEvent event) {
    if (criteria.accept(event)) {
      return true; // not a violation this filter is about
    }
    if (query == null || event.getRootAst() == null) {
      return query != null; // no query: suppress everything that matches the criteria
    }
    return !matchesOf(event.getRootAst())
        .contains(new NodeKey(event.getTokenType(), event.getLine(), event.getColumnCharIndex()));
  }

  private Set<NodeKey> matchesOf(DetailAST root) {
    if (root != lastRoot) {
      Set<NodeKey> found = new HashSet<>();
      try {
        for (var item : XpathUtil.getXpathItems(query, new RootNode(root))) {
          if (item instanceof AbstractNode node) {
            found.add(
                new NodeKey(node.getTokenType(), node.getLineNumber(), node.getColumnNumber()));
          }
        }
      } catch (Exception e) {
        throw new IllegalStateException(
            "Cannot initialize context and evaluate query: " + query, e);
      }
      matches = found;
      lastRoot = root;
    }
    return matches;
  }
}
