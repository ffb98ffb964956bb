package io.stancewire.model;

/**
 * Who said a quote.
 *
 * @param id          canonical speaker id (registry), null when unknown
 * @param name        best full name
 * @param mention     the mention in the text the quote was attributed from (may be a pronoun or surname)
 * @param affiliation organisation, e.g. "DGA Group"
 * @param role        e.g. "partner"
 * @param type        PERSON or ORGANIZATION
 */
public record Speaker(String id, String name, Mention mention, String affiliation, String role, String type) {}
