package io.stancewire.streams.nlp;

/**
 * The analysis of one text failed. It carries the language that was detected before the failure, so that the
 * article can still be indexed with it while the failure goes to the dead-letter topic.
 */
public final class AnalysisException extends RuntimeException {
    private final String language;

    AnalysisException(String language, String message, Throwable cause) {
        super(message, cause);
        this.language = language;
    }

    public String language() {
        return language;
    }
}
