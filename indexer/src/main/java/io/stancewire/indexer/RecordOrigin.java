package io.stancewire.indexer;

/** Where a document came from in Kafka, for dead letters that point back at the input. */
public record RecordOrigin(String topic, int partition, long offset, String key, byte[] value) {}
