package io.stancewire.launcher;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;

import java.io.PrintStream;

/** One line of counts for long runs, read from the stages' Micrometer counters. */
final class Progress {
    private final MeterRegistry meters;
    private String last = "";

    Progress(MeterRegistry meters) {
        this.meters = meters;
    }

    String line() {
        return String.format("feeds polled %d (%d failed) · articles published %d · analysed %d · quotes %d · indexed %d articles, %d quotes · dead letters %d",
                count("stancewire.producer.feed.polls"),
                count(Search.in(meters).name("stancewire.producer.feed.polls").tag("outcome", "failed")),
                count("stancewire.producer.articles.published"), count("stancewire.streams.articles"),
                count("stancewire.streams.quotes"),
                count(Search.in(meters).name("stancewire.indexer.indexed").tag("index", "stancewire-articles")),
                count(Search.in(meters).name("stancewire.indexer.indexed").tag("index", "stancewire-quotes")),
                count("stancewire.deadletters") + count("stancewire.producer.deadletters"));
    }

    /** Prints a line whenever the counts changed, every {@code interval}, until the user stops the command. */
    void printUntilStopped(StopSignal signal, java.time.Duration interval, PrintStream out) throws InterruptedException {
        while (!signal.await(interval.toMillis())) {
            printIfChanged(out);
        }
    }

    /** Prints the line when it changed since the last print. */
    void printIfChanged(PrintStream out) {
        String now = line();
        if (!now.equals(last)) {
            out.println(now);
            last = now;
        }
    }

    private long count(String name) {
        return count(Search.in(meters).name(name));
    }

    private static long count(Search search) {
        return (long) search.counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
