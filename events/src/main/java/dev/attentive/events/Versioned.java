package dev.attentive.events;

/**
 * Every event carries the version of its schema so consumers can refuse what they do not
 * understand.
 */
public interface Versioned {
  int schemaVersion();
}
