package io.stancewire.esserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * Elasticsearch loads zstd (for {@code index.codec: best_compression}) from {@code es.nativelibs.path}, where the
 * distribution ships its own copy. Without a distribution we copy the system's libzstd into a folder of our own,
 * under the name Elasticsearch asks for ({@code System.mapLibraryName("zstd")}). A copy (about 1 MB) rather than a
 * symbolic link keeps the data directory self-contained: nothing in it points outside, and deleting it is safe.
 */
final class NativeLibraries {
    private static final List<String> LIBRARY_DIRS = List.of(
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/lib64", "/lib64", "/usr/lib", "/lib", "/usr/local/lib", "/opt/homebrew/lib");

    private NativeLibraries() {}

    /** Copies libzstd into {@code dir} (if the system has one) and returns {@code dir}. */
    static Path prepare(Path dir) throws IOException {
        Files.createDirectories(dir);
        String wanted = System.mapLibraryName("zstd");
        Optional<Path> system = findSystemZstd(wanted);
        if (system.isPresent()) {
            // Replacing writes a new file, so a library still mapped by an earlier process is left intact.
            Files.copy(system.get(), dir.resolve(wanted), StandardCopyOption.REPLACE_EXISTING);
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
