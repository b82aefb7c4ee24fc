package dev.attentive.models.serve;

import java.util.List;

/**
 * A likely bug on one line and its fix.
 *
 * @param line 1-based line of the file
 * @param original that line's text
 * @param replacement the line with the fix applied
 * @param confidence p(location) x p(repair)
 * @param kind what the fix does ("operator", "literal", "variable", "swap", "negation", "method")
 * @param found the token the model flagged
 * @param fix the token the fix puts there (or a description for insert/delete/swap)
 * @param restedOn the tokens the last layer's attention from the flagged token weighed most
 */
public record Finding(int line, String original, String replacement, double confidence, String kind, String found,
    String fix, List<String> restedOn) {}
