package io.stancewire.launcher;

import sun.misc.Signal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C and SIGTERM as a flag the command's own thread acts on, so that it shuts the stages down in order
 * (producer, streams, indexer, then the local broker and node). With plain shutdown hooks all of that would run at
 * once and the stages would spend their close time-outs talking to a broker that is already gone.
 */
final class StopSignal {
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<Runnable> onStop = new ArrayList<>();

    static StopSignal install() {
        StopSignal signal = new StopSignal();
        for (String name : List.of("INT", "TERM")) {
            try {
                Signal.handle(new Signal(name), s -> signal.requestStop());
            } catch (IllegalArgumentException unsupported) {
                // Not on this platform: the JVM's default handling (shutdown hooks) still applies.
            }
        }
        return signal;
    }

    AtomicBoolean flag() {
        return stop;
    }

    synchronized void onStop(Runnable action) {
        onStop.add(action);
    }

    void requestStop() {
        if (stop.compareAndSet(false, true)) {
            System.err.println("\nstancewire: stopping (Ctrl-C again to force) ...");
            synchronized (this) {
                onStop.forEach(Runnable::run);
            }
            stopped.countDown();
        } else {
            System.err.println("stancewire: forced stop");
            Runtime.getRuntime().halt(130);
        }
    }

    /** A thread whose death by an exception (the producer fenced by another instance, say) stops the command. */
    Thread.Builder.OfPlatform stopOnFailure(Thread.Builder.OfPlatform thread) {
        return thread.uncaughtExceptionHandler((t, e) -> {
            System.err.println("stancewire: " + t.getName() + " stopped: " + e.getMessage());
            org.slf4j.LoggerFactory.getLogger(StopSignal.class).error("{} failed", t.getName(), e);
            requestStop();
        });
    }

    boolean await(long millis) throws InterruptedException {
        return stopped.await(millis, TimeUnit.MILLISECONDS);
    }
}
