package io.stancewire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.stancewire.model.Indices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kibana cannot run here, so the saved objects the compose file imports are checked against the index templates:
 * a field a panel names but no index maps would import fine and then show an empty panel.
 */
class KibanaSavedObjectsTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    static final Path SAVED_OBJECTS = ROOT.resolve("kibana/stancewire.ndjson");
    static final Path TEMPLATES = ROOT.resolve("indexer/src/main/resources/stancewire/templates");
    /** Keys under which Lens, Discover and data views name index fields. */
    static final Set<String> FIELD_KEYS = Set.of("sourceField", "field", "columns", "timeFieldName", "sort");
    /** Lens's pseudo-field for "count of documents"; not an index field. */
    static final String LENS_RECORDS = "___records___";
    static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> objects;

    @BeforeAll
    static void read() throws Exception {
        objects = new ArrayList<>();
        for (String line : Files.readAllLines(SAVED_OBJECTS)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
    }

    @Test
    void everyObjectHasIdTypeAttributesAndReferences() {
        assertThat(objects).isNotEmpty();
        for (JsonNode o : objects) {
            assertThat(o.path("id").asText()).as("id of %s", o).isNotBlank();
            assertThat(o.path("type").asText()).as("type of %s", o).isNotBlank();
            assertThat(o.path("attributes").isObject()).as("attributes of %s", o.path("id")).isTrue();
            assertThat(o.path("references").isArray()).as("references of %s", o.path("id")).isTrue();
            for (JsonNode r : o.get("references")) {
                assertThat(r.path("id").asText()).isNotBlank();
                assertThat(r.path("name").asText()).isNotBlank();
                assertThat(r.path("type").asText()).isNotBlank();
            }
        }
        List<String> keys = objects.stream().map(KibanaSavedObjectsTest::key).toList();
        assertThat(keys).doesNotHaveDuplicates();
    }

    @Test
    void everyReferenceResolvesToAnObjectInTheFile() {
        Set<String> keys = objects.stream().map(KibanaSavedObjectsTest::key).collect(Collectors.toSet());
        List<String> dangling = new ArrayList<>();
        for (JsonNode o : objects) {
            for (JsonNode r : o.get("references")) {
                if (!keys.contains(r.get("type").asText() + "/" + r.get("id").asText())) {
                    dangling.add(key(o) + " -> " + r.get("type").asText() + "/" + r.get("id").asText());
                }
            }
        }
        assertThat(dangling).isEmpty();
    }

    @Test
    void dashboardPanelsAndSearchSourcesUseTheirReferences() throws Exception {
        JsonNode dashboard = only("dashboard", "China AI stance");
        Set<String> refNames = names(dashboard);
        JsonNode panels = JSON.readTree(dashboard.get("attributes").get("panelsJSON").asText());
        assertThat(panels.size()).as("dashboard panels").isGreaterThanOrEqualTo(6);
        for (JsonNode panel : panels) {
            String ref = panel.get("panelIndex").asText() + ":" + panel.get("panelRefName").asText();
            assertThat(refNames).as("panel %s", panel.get("panelIndex")).contains(ref);
        }
        assertThat(refNames).as("every dashboard reference is a panel").hasSize(panels.size());
        for (JsonNode o : objects) {
            if (o.get("type").asText().equals("search")) {
                JsonNode source = JSON.readTree(o.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
                assertThat(names(o)).as("index of search %s", o.get("id")).contains(source.get("indexRefName").asText());
            }
            if (o.get("type").asText().equals("lens")) {
                Set<String> layers = new TreeSet<>();
                o.at("/attributes/state/datasourceStates/formBased/layers").fieldNames().forEachRemaining(layers::add);
                assertThat(layers).as("layers of %s", o.get("id")).isNotEmpty();
                layers.forEach(l -> assertThat(names(o)).contains("indexpattern-datasource-layer-" + l));
            }
        }
    }

    @Test
    void dataViewsAreTheAliasesTheIndexerWrites() {
        Set<String> titles = new TreeSet<>();
        for (JsonNode view : ofType("index-pattern")) {
            assertThat(view.at("/attributes/title").asText()).isEqualTo(view.get("id").asText());
            assertThat(Files.exists(template(view.get("id").asText()))).as("template for %s", view.get("id")).isTrue();
            titles.add(view.at("/attributes/title").asText());
        }
        assertThat(titles).containsExactlyInAnyOrder(Indices.ARTICLES, Indices.DEAD_LETTERS, Indices.QUOTES,
                Indices.SHIFTS, Indices.TRENDS, Indices.ALERTS, Indices.SPEAKERS);
    }

    @Test
    void everyFieldAPanelNamesIsMappedInTheIndexBehindItsDataView() throws Exception {
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (JsonNode o : objects) {
            String type = o.get("type").asText();
            String view;
            if (type.equals("index-pattern")) {
                if (!o.at("/attributes").has("timeFieldName")) {
                    continue; // a registry, not a time series: the data view itself names no field
                }
                view = o.get("id").asText();
            } else {
                List<String> views = new ArrayList<>();
                o.get("references").forEach(r -> {
                    if (r.get("type").asText().equals("index-pattern")) {
                        views.add(r.get("id").asText());
                    }
                });
                if (views.isEmpty()) {
                    continue;
                }
                assertThat(new HashSet<>(views)).as("data views of %s", o.get("id")).hasSize(1);
                view = views.getFirst();
            }
            Set<String> mapped = mappedFields(view);
            Set<String> used = new TreeSet<>();
            collectFields(o.get("attributes"), used);
            used.remove(LENS_RECORDS);
            assertThat(used).as("fields of %s", o.get("id")).isNotEmpty();
            for (String field : used) {
                checked++;
                if (!mapped.contains(field)) {
                    missing.add(o.get("id").asText() + " uses " + field + ", not mapped in " + view);
                }
            }
        }
        assertThat(missing).isEmpty();
        assertThat(checked).isGreaterThan(10);
    }

    @Test
    void fieldCollectorFindsAMisspeltField() throws Exception {
        JsonNode lens = objects.stream().filter(o -> o.get("id").asText().equals("stancewire-speakers-by-stance"))
                .findFirst().orElseThrow();
        String misspelt = lens.toString().replace("\"speaker.name.keyword\"", "\"speaker.nmae.keyword\"");
        Set<String> used = new TreeSet<>();
        collectFields(JSON.readTree(misspelt).get("attributes"), used);
        assertThat(used).contains("speaker.nmae.keyword");
        assertThat(mappedFields("stancewire-quotes")).contains("speaker.name.keyword").doesNotContain("speaker.nmae.keyword");
    }

    @Test
    void composeImportsTheFileIntoKibanaOnceItIsHealthy() throws Exception {
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        JsonNode init = compose.at("/services/kibana-init");
        assertThat(init.isObject()).as("kibana-init service").isTrue();
        assertThat(init.at("/depends_on/kibana/condition").asText()).isEqualTo("service_healthy");
        assertThat(init.path("restart").asText()).isEqualTo("no");
        List<String> command = new ArrayList<>();
        init.get("command").forEach(c -> command.add(c.asText()));
        assertThat(command).contains("http://kibana:5601/api/saved_objects/_import?overwrite=true", "kbn-xsrf: true");
        String upload = command.stream().filter(c -> c.startsWith("file=@")).findFirst().orElseThrow();
        String containerPath = upload.substring("file=@".length());
        Path hostFile = null;
        for (JsonNode volume : init.get("volumes")) {
            String[] parts = volume.asText().split(":");
            if (containerPath.startsWith(parts[1] + "/")) {
                assertThat(parts).as("mount %s is read-only", volume.asText()).hasSize(3);
                assertThat(parts[2]).isEqualTo("ro");
                hostFile = ROOT.resolve(parts[0]).resolve(containerPath.substring(parts[1].length() + 1)).normalize();
            }
        }
        assertThat(hostFile).as("a volume mounts %s", containerPath).isNotNull();
        assertThat(hostFile).isEqualTo(SAVED_OBJECTS);
        assertThat(Files.isRegularFile(hostFile)).isTrue();
    }

    /** Every field name the index accepts: dotted object paths and multi-fields such as speaker.name.keyword. */
    static Set<String> mappedFields(String dataView) throws Exception {
        JsonNode properties = JSON.readTree(template(dataView).toFile()).at("/template/mappings/properties");
        assertThat(properties.isObject()).as("properties of %s", template(dataView)).isTrue();
        Set<String> fields = new TreeSet<>();
        flatten("", properties, fields);
        return fields;
    }

    private static void flatten(String prefix, JsonNode properties, Set<String> fields) {
        for (Map.Entry<String, JsonNode> e : properties.properties()) {
            String name = prefix + e.getKey();
            fields.add(name);
            if (e.getValue().has("properties")) {
                flatten(name + ".", e.getValue().get("properties"), fields);
            }
            if (e.getValue().has("fields")) {
                flatten(name + ".", e.getValue().get("fields"), fields);
            }
        }
    }

    /** Walks attributes, including the JSON kept in strings (searchSourceJSON), for keys that name fields. */
    static void collectFields(JsonNode node, Set<String> into) throws Exception {
        if (node.isTextual() && node.asText().startsWith("{")) {
            collectFields(JSON.readTree(node.asText()), into);
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                collectFields(child, into);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                JsonNode value = e.getValue();
                if (FIELD_KEYS.contains(e.getKey()) && (value.isTextual() || value.isArray())) {
                    addNames(value, into);
                } else {
                    collectFields(value, into);
                }
            }
        }
    }

    /** A field name, a list of names (columns), or Discover's sort: [["publishedAt", "desc"]]. */
    private static void addNames(JsonNode value, Set<String> into) {
        if (value.isTextual()) {
            into.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isArray()) {
                    into.add(item.get(0).asText());
                } else {
                    into.add(item.asText());
                }
            }
        }
    }

    private static Path template(String dataView) {
        return TEMPLATES.resolve("index-" + dataView.replaceFirst("^stancewire-", "") + ".json");
    }

    private static JsonNode only(String type, String title) {
        List<JsonNode> found = ofType(type).stream().filter(o -> o.at("/attributes/title").asText().equals(title)).toList();
        assertThat(found).as("%s \"%s\"", type, title).hasSize(1);
        return found.getFirst();
    }

    private static List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> o.get("type").asText().equals(type)).toList();
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new HashSet<>();
        object.get("references").forEach(r -> names.add(r.get("name").asText()));
        return names;
    }

    private static String key(JsonNode object) {
        return object.path("type").asText() + "/" + object.path("id").asText();
    }
}
