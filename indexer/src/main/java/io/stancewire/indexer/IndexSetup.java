package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import io.stancewire.model.Indices;
import io.stancewire.model.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Installs the versioned component and index templates and creates each index's first generation behind a write
 * alias ({@code stancewire-quotes} -> {@code stancewire-quotes-000001}), so indices can roll over later. Idempotent:
 * safe to run at every start. Checks first that the cluster has every feature the templates ask for
 * ({@link TemplateFeatureCheck}), and installs nothing if it does not.
 */
public final class IndexSetup {
    private static final Logger log = LoggerFactory.getLogger(IndexSetup.class);
    static final String COMPONENT_SETTINGS = "stancewire-settings";
    /** The write aliases of every index the indexer fills. */
    public static final List<String> ALIASES = List.of(Indices.ARTICLES, Indices.QUOTES, Indices.DEAD_LETTERS, Indices.TRENDS, Indices.SHIFTS,
            Indices.ALERTS, Indices.SPEAKERS);

    private final ElasticsearchClient client;
    private final IndexSettings settings;

    public IndexSetup(ElasticsearchClient client, IndexSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** @throws TemplateFeatureCheck.MissingFeatureException naming the template and the feature the cluster lacks */
    public void install() {
        checkFeatures();
        try {
            client.cluster().putComponentTemplate(t -> t.name(COMPONENT_SETTINGS)
                    .withJson(new StringReader(template("component-settings.json"))));
            for (String alias : ALIASES) {
                client.indices().putIndexTemplate(t -> t.name(alias)
                        .withJson(new StringReader(template(templateFile(alias)))));
                if (!createFirstGeneration(alias)) {
                    applyDynamicSettings(alias);
                    addNewFields(alias);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot install index templates: " + e.getMessage(), e);
        }
    }

    /** Every index template, composed with the settings component, against what the cluster has. */
    public void checkFeatures() {
        TemplateFeatureCheck check = new TemplateFeatureCheck(client);
        List<String> components = List.of(template("component-settings.json"));
        for (String alias : ALIASES) {
            check.check(alias, template(templateFile(alias)), components);
        }
    }

    private static String templateFile(String alias) {
        return "index-" + alias.substring("stancewire-".length()) + ".json";
    }

    /** @return whether the index was created (false: it existed) */
    private boolean createFirstGeneration(String alias) throws IOException {
        if (client.indices().existsAlias(a -> a.name(alias)).value()) {
            return false;
        }
        String first = alias + "-000001";
        client.indices().create(c -> c.index(first).aliases(alias, a -> a.isWriteIndex(true)));
        log.info("created index {} behind write alias {}", first, alias);
        return true;
    }

    /**
     * Templates only shape new indices; without this, a changed refresh interval or replica count would wait for
     * the next rollover. Both settings are dynamic, so the indices behind the alias take them now.
     */
    private void applyDynamicSettings(String alias) throws IOException {
        client.indices().putSettings(p -> p.index(alias).settings(s -> s
                .refreshInterval(t -> t.time(settings.refreshInterval()))
                .numberOfReplicas(Integer.toString(settings.replicas()))));
    }

    /**
     * A template applies to indices created after it; the indices behind an existing alias get the fields a newer
     * template added too (their mappings are strict: a document with a new field would be rejected until the next
     * rollover). Only additions can be applied; a changed field is logged and waits for the next generation.
     */
    void addNewFields(String alias) throws IOException {
        String mappings = Json.MAPPER.readTree(template(templateFile(alias))).path("template").path("mappings").toString();
        try {
            client.indices().putMapping(m -> m.index(alias).withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            log.warn("the indices behind {} keep their mappings until the next rollover: {}", alias, e.getMessage());
        }
    }

    /** Template text with this deployment's settings filled in. */
    String template(String file) {
        String resource = "stancewire/templates/" + file;
        try (InputStream in = IndexSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"${replicas}\"", Integer.toString(settings.replicas()))
                    .replace("${codec}", settings.codec())
                    .replace("${refreshInterval}", settings.refreshInterval());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
