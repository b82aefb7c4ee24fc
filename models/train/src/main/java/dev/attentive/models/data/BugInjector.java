package dev.attentive.models.data;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.kinds.Planted;
import dev.attentive.models.kinds.PlantingContext;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Plants exactly one single-statement bug of a ManySStuBs4J-like kind into the tokens of a window
 * and says where it is and what repairs it; each kind's planting lives in its class ({@link
 * BugKinds}).
 */
public final class BugInjector {

  private final PlantingContext context;

  public BugInjector(RepairClasses classes, Map<String, List<String>> receiverMethods) {
    this.context = new PlantingContext(classes, receiverMethods);
  }

  /**
   * Plants a bug at {@code site}, whose token is {@code at} in {@code window}; null when that site
   * cannot take one here (no alternative name in the window, literal out of range, ...).
   */
  public Planted plant(
      List<CodeToken> window, MutationSite site, int at, int other, Random random) {
    return BugKinds.at(site.kind()).plant(window, at, other, random, context).orElse(null);
  }
}
