package io.stancewire.indexer;

/**
 * One document to put at a deterministic id, so a record seen twice overwrites itself instead of duplicating; or,
 * with no document, the id to delete (a tombstone in a compacted topic).
 */
public record IndexAction(String index, String id, Object document, RecordOrigin origin) {

    public static IndexAction delete(String index, String id, RecordOrigin origin) {
        return new IndexAction(index, id, null, origin);
    }

    public boolean isDelete() {
        return document == null;
    }
}
