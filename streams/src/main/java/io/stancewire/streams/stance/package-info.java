/**
 * Stance of a quote on a target such as China's AI competitiveness: FAVOR, AGAINST, NEUTRAL or NONE, with a
 * calibrated confidence and the phrases that decided it. Plain Java, no Kafka: {@link
 * io.stancewire.streams.stance.StanceClassifier} is built once per process and shared by stream threads.
 *
 * <p>Pipeline per quote: tokenise (English and Urdu) → match the cue lexicons ({@code stance/cues-*.tsv}) and the
 * target's entity terms → orient each cue (agent is the rival? negated? small or large distance? gap closing or
 * widening? hedged, conditional, counterfactual, conceded, refuted?) → features (oriented cue counts and their
 * flags, cue identities, relevance, words and word pairs) → relevance gate → softmax regression → temperature.
 * Training data and its provenance: {@code stance/TRAINING.md}. Quality: {@link
 * io.stancewire.streams.stance.StanceEvaluation}; speed: {@code StanceBenchmark} in the test sources.
 */
package io.stancewire.streams.stance;
