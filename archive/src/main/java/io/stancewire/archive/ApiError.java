package io.stancewire.archive;

/** Every error the API answers with: a stable code for programs and a message for people. */
public record ApiError(String error, String message) {}
