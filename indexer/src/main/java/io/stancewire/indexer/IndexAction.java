package io.stancewire.indexer;

/** One document to put at a deterministic id, so a record seen twice overwrites itself instead of duplicating. */
public record IndexAction(String index, String id, Object document, RecordOrigin origin) {}
