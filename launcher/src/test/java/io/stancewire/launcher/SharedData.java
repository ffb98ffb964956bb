package io.stancewire.launcher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The project's shared data folder: $STANCEWIRE_SHARED_DATA, else ../shared/data beside the checkout. */
final class SharedData {
    private SharedData() {}

    static Path root() {
        String env = System.getenv("STANCEWIRE_SHARED_DATA");
        Path root = env != null ? Path.of(env) : Path.of("..", "..", "shared", "data").toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("shared data not found at " + root + ": set STANCEWIRE_SHARED_DATA");
        }
        return root;
    }

    static Path stanceDevSet() {
        return root().resolve("stance").resolve("china-ai-stance-dev.jsonl");
    }
}
