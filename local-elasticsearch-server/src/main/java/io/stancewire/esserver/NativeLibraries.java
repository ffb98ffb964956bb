package io.stancewire.esserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Elasticsearch loads zstd (for {@code index.codec: best_compression}) from {@code es.nativelibs.path}, where the
 * distribution ships its own copy. Without a distribution we link the system's libzstd into a folder of our own,
 * under the name Elasticsearch asks for ({@code System.mapLibraryName("zstd")}).
 */
final class NativeLibraries {
    private static final List<String> LIBRARY_DIRS = List.of(
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib", "/opt/homebrew/lib");

    private NativeLibraries() {}

    /** Links libzstd into {@code dir} (if the system has one) and returns {@code dir}. */
    static Path prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        String wanted = System.mapLibraryName("zstd");
        Path link = dir.resolve(wanted);
        Optional<Path> system = findSystemZstd(wanted);
        Files.deleteIfExists(link);
        if (system.isPresent()) {
            Files.createSymbolicLink(link, system.get());
        } else {
            System.err.println("stancewire: no system libzstd found in " + LIBRARY_DIRS
                    + " (Debian/Ubuntu: apt-get install libzstd1); indices with index.codec best_compression will fail");
        }
        return dir;
    }

    private static Optional<Path> findSystemZstd(String mappedName) {
        // Runtime packages ship only the versioned name (libzstd.so.1); the bare name comes with -dev packages.
        List<String> names = List.of(mappedName + ".1", mappedName, "libzstd.1.dylib");
        for (String dir : LIBRARY_DIRS) {
            for (String name : names) {
                Path candidate = Path.of(dir, name);
                if (Files.isReadable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
