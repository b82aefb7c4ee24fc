package dev.attentive.streams;

/**
 * A value on its way to a sink, for a processor that computes all of a record's output before
 * sending any.
 */
public record Outgoing<V>(Sink<V> sink, String key, V value) {}
