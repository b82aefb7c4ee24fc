package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import java.util.List;

/**
 * A planted bug: the window's tokens with it in, the bug's token, and the repair — a repair class,
 * or (null class) the tokens a pointer may name.
 */
public record Planted(
    List<CodeToken> tokens,
    int bugToken,
    String repairClass,
    List<Integer> pointerTokens,
    MutationSite.Kind kind) {}
