package io.stancewire.launcher;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code stancewire} command. */
@Command(name = "stancewire", mixinStandardHelpOptions = true, version = "stancewire 0.1.0",
        description = {"Who said what, and where they stand: news feeds -> Kafka -> quotes, speakers and stance -> Elasticsearch.",
                "",
                "Options can also come from the environment (STANCEWIRE_<OPTION>, e.g. STANCEWIRE_KAFKA) or from a properties",
                "file (./stancewire.properties, or the file named by STANCEWIRE_CONFIG; keys are option names without dashes)."},
        subcommands = {RunCommand.class, ProduceCommand.class, StreamsCommand.class, IndexCommand.class,
                ServeCommands.Kafka.class, ServeCommands.Elasticsearch.class, AnnotateCommand.class, StanceCommand.class, FeedsCommand.class, QuotesCommand.class, AlertsCommand.class, DeadLettersCommand.class, StatusCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // Logging starts here, before the commands start threads that would log while it initialises.
        org.slf4j.LoggerFactory.getLogger(Main.class).debug("stancewire {}", String.join(" ", args));
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(Main.class);
        cli.setDefaultValueProvider(new EnvironmentDefaults(System.getenv()));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println(cmd.getColorScheme().errorText("stancewire: " + rootMessage(e)));
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", e);
            return 1;
        });
        return cli;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof java.util.concurrent.CompletionException)) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
