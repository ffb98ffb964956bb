package io.stancewire.launcher;

import io.stancewire.producer.Backfill;

/** One progress line of a backfill: a bar of the files done, then the counts so far. */
final class BackfillProgress {
    private static final int WIDTH = 24;

    private BackfillProgress() {}

    static String line(Backfill.Progress p) {
        int filled = p.filesTotal() == 0 ? WIDTH : (int) ((long) WIDTH * p.filesDone() / p.filesTotal());
        return String.format("backfill [%s%s] %d/%d files (%d failed) · %d items · %d published · %d duplicates · %d dead letters",
                "#".repeat(filled), ".".repeat(WIDTH - filled), p.filesDone(), p.filesTotal(), p.filesFailed(),
                p.total().itemsSeen(), p.total().published(), p.total().duplicatesSkipped(), p.total().deadLetters());
    }
}
