package io.stancewire.alerts;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Who may use the alerts API and with which secret their webhooks are signed, from a properties file:
 * <pre>
 * alice.apiKey=...          # the bearer token alice's requests carry
 * alice.webhookSecret=...   # the HMAC key of alice's webhook signatures
 * </pre>
 * An owner without an API key cannot call the API; one without a secret gets no webhooks (dead-lettered).
 */
public final class Owners {
    private final Map<String, String> apiKeys; // owner -> key
    private final Map<String, String> secrets; // owner -> secret

    public Owners(Map<String, String> apiKeys, Map<String, String> secrets) {
        this.apiKeys = Map.copyOf(apiKeys);
        this.secrets = Map.copyOf(secrets);
    }

    public static Owners load(Path file) {
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alerts owners file " + file, e);
        }
        Map<String, String> keys = new HashMap<>();
        Map<String, String> secrets = new HashMap<>();
        for (String name : p.stringPropertyNames()) {
            String value = p.getProperty(name).strip();
            if (name.endsWith(".apiKey") && !value.isEmpty()) {
                keys.put(name.substring(0, name.length() - ".apiKey".length()), value);
            } else if (name.endsWith(".webhookSecret") && !value.isEmpty()) {
                secrets.put(name.substring(0, name.length() - ".webhookSecret".length()), value);
            } else {
                throw new IllegalArgumentException(file + ": unknown setting " + name + " (expected <owner>.apiKey or <owner>.webhookSecret)");
            }
        }
        return new Owners(keys, secrets);
    }

    /** Compares against every key in constant time per key, so timing does not tell how much of a guess was right. */
    public Optional<String> ownerOfKey(String apiKey) {
        if (apiKey == null || apiKey.isEmpty()) {
            return Optional.empty();
        }
        byte[] given = apiKey.getBytes(StandardCharsets.UTF_8);
        String owner = null;
        for (var e : apiKeys.entrySet()) {
            if (MessageDigest.isEqual(given, e.getValue().getBytes(StandardCharsets.UTF_8))) {
                owner = e.getKey();
            }
        }
        return Optional.ofNullable(owner);
    }

    public Optional<String> webhookSecret(String owner) {
        return Optional.ofNullable(owner == null ? null : secrets.get(owner));
    }
}
