package io.stancewire.producer;

import java.nio.file.Files;
import java.nio.file.Path;

/** The read-only shared data: $STANCEWIRE_SHARED_DATA, else {@code <repo>/../shared/data}. Missing data fails. */
final class SharedData {
    private SharedData() {}

    static Path dir() {
        String env = System.getenv("STANCEWIRE_SHARED_DATA");
        Path cwd = Path.of("").toAbsolutePath();
        // Tests run in the module folder, benchmarks (scripts/bench) in the repository's.
        Path fromModule = cwd.getParent().getParent().resolve("shared").resolve("data");
        Path dir = env != null && !env.isBlank() ? Path.of(env)
                : Files.isDirectory(fromModule) ? fromModule : cwd.getParent().resolve("shared").resolve("data");
        if (!Files.isDirectory(dir.resolve("feeds"))) {
            throw new IllegalStateException("shared data not found at " + dir
                    + " (set STANCEWIRE_SHARED_DATA to the folder holding feeds/ and seed/)");
        }
        return dir;
    }

    static Path feeds(String folder) {
        return dir().resolve("feeds").resolve(folder);
    }
}
