package dev.attentive.conventions;

/** A file of a repository as read: its path from the repository root and its text. */
public record SourceFile(String path, String text) {}
