package io.stancewire.launcher;

import picocli.CommandLine;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Option defaults from the environment, then from a properties file, then from the annotations. picocli's own
 * {@code PropertiesDefaultProvider} reads a file only, and {@code ${env:...}} defaults would put the environment
 * below the file; operators expect the environment to win, as in the Docker images.
 *
 * <p>{@code --kafka} is read from {@code STANCEWIRE_KAFKA}, then the key {@code kafka} of the file named by
 * {@code STANCEWIRE_CONFIG} (default {@code ./stancewire.properties}).
 */
final class EnvironmentDefaults implements CommandLine.IDefaultValueProvider {
    static final String CONFIG_ENV = "STANCEWIRE_CONFIG";
    static final String DEFAULT_CONFIG_FILE = "stancewire.properties";

    private final Map<String, String> env;
    private final Properties file;

    EnvironmentDefaults(Map<String, String> env) {
        this.env = env;
        this.file = load(Path.of(env.getOrDefault(CONFIG_ENV, DEFAULT_CONFIG_FILE)), env.containsKey(CONFIG_ENV));
    }

    static String envName(String optionName) {
        return "STANCEWIRE_" + optionName.replaceFirst("^-+", "").replace('-', '_').toUpperCase(java.util.Locale.ROOT);
    }

    static String propertyName(String optionName) {
        return optionName.replaceFirst("^-+", "");
    }

    @Override
    public String defaultValue(CommandLine.Model.ArgSpec argSpec) {
        if (!(argSpec instanceof CommandLine.Model.OptionSpec option)) {
            return null;
        }
        String name = option.longestName();
        String fromEnv = env.get(envName(name));
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return file.getProperty(propertyName(name));
    }

    private static Properties load(Path path, boolean required) {
        Properties properties = new Properties();
        if (!Files.exists(path)) {
            if (required) {
                throw new IllegalArgumentException(CONFIG_ENV + " names " + path + ", which does not exist");
            }
            return properties;
        }
        try (Reader reader = Files.newBufferedReader(path)) {
            properties.load(reader);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + path + ": " + e.getMessage(), e);
        }
    }
}
