package io.stancewire.launcher;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

@Command(name = "deadletters", mixinStandardHelpOptions = true,
        description = "Work with the dead letters in Kafka (stancewire.deadletter); browse them in the stancewire-deadletters index.",
        subcommands = {DeadLettersCommand.Replay.class})
final class DeadLettersCommand {

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Send a stage's dead letters back to the topic they came from, once the cause is fixed "
                    + "(a mapping, a missing subscriber topic, a short NLP budget).",
                    "Each dead letter is replayed once per --stage/--reason filter, however often this runs. Replays pass through "
                            + "the pipeline again: its index writes are idempotent, but a replayed alert is delivered again.",
                    "Dead letters whose source is not a topic (feeds, files) or whose payload was truncated are counted and left."})
    static final class Replay implements Callable<Integer> {
        @Mixin ConnectionOptions connection;

        @Option(names = "--stage", required = true, paramLabel = "STAGE",
                description = "Whose dead letters: producer, streams, indexer or alerts.")
        String stage;

        @Option(names = "--reason", paramLabel = "REASON",
                description = "Only this reason, e.g. rejected-by-elasticsearch, nlp-timeout, delivery-topic-missing (default: all of the stage's).")
        String reason;

        @Option(names = "--dry-run", description = "List what would be replayed; send nothing, mark nothing as replayed.")
        boolean dryRun;

        @Override
        public Integer call() {
            PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
            DeadLetterReplay.Filter filter = new DeadLetterReplay.Filter(stage, reason);
            try (LocalServices services = LocalServices.start(connection, true, false);
                 DeadLetterReplay replay = new DeadLetterReplay(services.bootstrapServers)) {
                DeadLetterReplay.Outcome outcome = replay.replay(filter, dryRun, out::println);
                out.printf("%s %d dead letter(s) of %s%s; not replayable: %s; other stages or reasons: %d%n",
                        dryRun ? "would replay" : "replayed", outcome.replayed(), stage, reason == null ? "" : " (" + reason + ")",
                        outcome.skipped().isEmpty() ? "none" : outcome.skipped(), outcome.unmatched());
                return 0;
            }
        }
    }
}
