package io.stancewire.streams.stance;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the read-only shared data: env STANCEWIRE_SHARED_DATA, else {@code <repo>/../shared/data}. */
final class SharedData {

    private SharedData() {}

    /** The file under the shared data directory; fails (does not skip) when it is missing. */
    static Path require(String relative) {
        String env = System.getenv("STANCEWIRE_SHARED_DATA");
        // surefire runs in the module directory (streams/), so the repository root is its parent
        Path base = env != null && !env.isBlank()
                ? Path.of(env)
                : Path.of("").toAbsolutePath().getParent().resolve("../shared/data").normalize();
        Path file = base.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("shared data file missing: " + file
                    + " (set STANCEWIRE_SHARED_DATA to the shared data directory)");
        }
        return file;
    }
}
