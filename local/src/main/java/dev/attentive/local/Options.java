package dev.attentive.local;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} and {@code --flag} options plus positional words. */
record Options(Map<String, String> named, List<String> positional) {

  static Options parse(String[] args) {
    Map<String, String> named = new HashMap<>();
    List<String> positional = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String name = args[i].substring(2);
        if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
          named.put(name, args[++i]);
        } else {
          named.put(name, "true");
        }
      } else {
        positional.add(args[i]);
      }
    }
    return new Options(named, positional);
  }

  String get(String name, String fallback) {
    return named.getOrDefault(name, fallback);
  }

  int getInt(String name, int fallback) {
    String v = named.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " wants a number, got '" + v + "'");
    }
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(named.getOrDefault(name, "false"));
  }
}
