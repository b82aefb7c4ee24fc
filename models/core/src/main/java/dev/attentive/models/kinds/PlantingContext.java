package dev.attentive.models.kinds;

import dev.attentive.models.code.RepairClasses;
import java.util.List;
import java.util.Map;

/**
 * What planting needs from the training corpus besides the window.
 *
 * @param classes the repair classes (a wrong method is planted only between methods that have one)
 * @param receiverMethods {@code receiver name -> method names} called on a receiver of that name in
 *     training files
 */
public record PlantingContext(RepairClasses classes, Map<String, List<String>> receiverMethods) {}
