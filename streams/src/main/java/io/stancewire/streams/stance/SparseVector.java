package io.stancewire.streams.stance;

/** Feature indices with their values; indices are unique. */
record SparseVector(int[] indices, double[] values) {}
