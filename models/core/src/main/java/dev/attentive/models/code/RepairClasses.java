package dev.attentive.models.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The repair head's closed vocabulary: operators, boolean and small-literal edits, inserting or
 * deleting a {@code !}, and the most common method names. Repairs to another token of the window
 * (wrong variable, swapped arguments) are a pointer instead and come after these classes in the
 * model's repair output.
 */
public final class RepairClasses {

  public static final String LITERAL_PLUS_ONE = "<lit+1>";
  public static final String LITERAL_MINUS_ONE = "<lit-1>";
  public static final String INSERT_NOT = "<insert!>";
  public static final String DELETE_TOKEN = "<delete>";
  public static final List<String> FIXED =
      List.of(
          "<",
          "<=",
          ">",
          ">=",
          "==",
          "!=",
          "&&",
          "||",
          "+",
          "-",
          "true",
          "false",
          "0",
          "1",
          LITERAL_PLUS_ONE,
          LITERAL_MINUS_ONE,
          INSERT_NOT,
          DELETE_TOKEN);
  public static final String METHOD_PREFIX = "method:";

  private final List<String> classes;
  private final Map<String, Integer> ids = new HashMap<>();

  public RepairClasses(List<String> classes) {
    this.classes = List.copyOf(classes);
    for (int i = 0; i < classes.size(); i++) {
      ids.put(classes.get(i), i);
    }
  }

  public static RepairClasses withMethods(List<String> methodNames) {
    List<String> all = new ArrayList<>(FIXED);
    methodNames.forEach(m -> all.add(METHOD_PREFIX + m));
    return new RepairClasses(all);
  }

  /** The class id, or -1 when not in the vocabulary. */
  public int id(String repair) {
    return ids.getOrDefault(repair, -1);
  }

  public String name(int id) {
    return classes.get(id);
  }

  public int size() {
    return classes.size();
  }

  public List<String> classes() {
    return classes;
  }

  public boolean hasMethod(String name) {
    return ids.containsKey(METHOD_PREFIX + name);
  }
}
