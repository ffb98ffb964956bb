package io.stancewire.model;

/** A span of an article's text; {@code begin}/{@code end} are Java String (UTF-16) offsets. */
public record Mention(int begin, int end, String text) {}
