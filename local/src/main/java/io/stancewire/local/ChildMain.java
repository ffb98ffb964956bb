package io.stancewire.local;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Entry point of every child JVM: {@code ChildMain <main class> <args...>}.
 *
 * <p>The parent keeps the child's standard input open and never writes to it. When the parent dies, however it dies
 * ({@code kill -9} included), the operating system closes the pipe and the read below returns end-of-file: the child
 * then exits, running its shutdown hooks, and halts if they take too long. This is what keeps orphans from holding
 * ports, without any platform-specific process-group tricks.
 */
public final class ChildMain {
    static final long SHUTDOWN_GRACE_MILLIS = 15_000;

    private ChildMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ChildMain <main class> [args...]");
            System.exit(2);
        }
        Thread watchdog = new Thread(ChildMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();

        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGoes() {
        InputStream in = System.in;
        try {
            while (in.read() != -1) {
                // The parent never writes; anything read is ignored.
            }
        } catch (IOException ignored) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        System.err.println("stancewire: parent process is gone, shutting down");
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE_MILLIS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(1);
        }, "shutdown-halter");
        halter.setDaemon(true);
        halter.start();
        System.exit(0);
    }
}
