package dev.attentive.models.kinds;

import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every bug kind the model knows, one per mutation site kind. */
public final class BugKinds {

  public static final List<BugKind> ALL =
      List.of(
          new ChangedOperator(),
          new ChangedIntLiteral(),
          new FlippedBoolean(),
          new WrongVariable(),
          new SwappedArguments(),
          new DroppedNot(),
          new AddedNot(),
          new WrongMethod());

  private static final Map<MutationSite.Kind, BugKind> BY_SITE =
      new EnumMap<>(MutationSite.Kind.class);

  static {
    for (BugKind kind : ALL) {
      if (BY_SITE.put(kind.site(), kind) != null) {
        throw new IllegalStateException("two bug kinds plant at " + kind.site());
      }
    }
    if (BY_SITE.size() != MutationSite.Kind.values().length) {
      throw new IllegalStateException("a mutation site kind has no bug kind");
    }
  }

  private BugKinds() {}

  /** The kind planted at sites of this kind. */
  public static BugKind at(MutationSite.Kind site) {
    return BY_SITE.get(site);
  }

  /**
   * The edit the model's repair makes at a token, by whichever kind the repair belongs to (each
   * repair class belongs to one kind, and a pointer is a swap exactly when it is not a wrong
   * variable, so at most one kind decodes it).
   */
  public static Optional<Edit> decode(
      Window window, int tokenIndex, int repair, RepairClasses classes) {
    for (BugKind kind : ALL) {
      Optional<Edit> edit = kind.decode(window, tokenIndex, repair, classes);
      if (edit.isPresent()) {
        return edit;
      }
    }
    return Optional.empty();
  }
}
