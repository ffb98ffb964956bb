package io.stancewire.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Docker cannot run here, so the compose file is checked against the code it runs. */
class DockerComposeTest {
    /** Read by the JVM or by the image's own entry point, not by picocli. */
    static final Set<String> NON_OPTION_VARIABLES = Set.of("JAVA_TOOL_OPTIONS", "STANCEWIRE_LOG_DIR", "STANCEWIRE_LOG_LEVEL");

    static JsonNode compose;
    static String pom;

    @BeforeAll
    static void read() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        compose = new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
        pom = Files.readString(root.resolve("pom.xml"));
    }

    @Test
    void everyStancewireVariableIsAnOptionOfTheServicesCommand() {
        CommandLine cli = Main.commandLine();
        List<String> problems = new ArrayList<>();
        for (var service : iterable(compose.get("services").fields())) {
            JsonNode command = service.getValue().get("command");
            JsonNode env = service.getValue().get("environment");
            if (command == null || !service.getValue().path("image").asText().startsWith("stancewire")) {
                continue;
            }
            String subcommand = command.get(0).asText();
            CommandLine sub = cli.getSubcommands().get(subcommand);
            assertThat(sub).as("service %s runs unknown command %s", service.getKey(), subcommand).isNotNull();
            Set<String> read = new HashSet<>(NON_OPTION_VARIABLES);
            sub.getCommandSpec().options().forEach(o -> read.add(EnvironmentDefaults.envName(o.longestName())));
            for (var variable : iterable(env.fieldNames())) {
                if (!read.contains(variable)) {
                    problems.add(service.getKey() + " sets " + variable + ", which `stancewire " + subcommand + "` does not read");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void imagesMatchTheVersionsWeBuildAndTestAgainst() {
        String kafka = property("kafka.version");
        String elasticsearch = property("elasticsearch.version");
        assertThat(image("kafka")).isEqualTo("apache/kafka:" + kafka);
        assertThat(image("elasticsearch")).isEqualTo("docker.elastic.co/elasticsearch/elasticsearch:" + elasticsearch);
        assertThat(image("kibana")).isEqualTo("docker.elastic.co/kibana/kibana:" + elasticsearch);
    }

    @Test
    void dependenciesExistAndWaitOnlyForServicesWithHealthchecks() {
        JsonNode services = compose.get("services");
        for (var service : iterable(services.fields())) {
            for (var dependency : iterable(service.getValue().path("depends_on").fields())) {
                assertThat(services.has(dependency.getKey())).as("%s depends on missing %s", service.getKey(), dependency.getKey()).isTrue();
                if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                    assertThat(services.get(dependency.getKey()).has("healthcheck"))
                            .as("%s waits for %s to be healthy, which has no healthcheck", service.getKey(), dependency.getKey()).isTrue();
                }
            }
        }
    }

    @Test
    void hostPortsAreUniqueAndStagesReachServersByServiceName() {
        List<String> hostPorts = new ArrayList<>();
        for (var service : iterable(compose.get("services").fields())) {
            // "8479:8479" or "127.0.0.1:8479:8479": the host port is the one before the container's.
            service.getValue().path("ports").forEach(p -> {
                String[] parts = p.asText().split(":");
                hostPorts.add(parts[parts.length - 2]);
            });
        }
        assertThat(hostPorts).doesNotHaveDuplicates();
        for (var service : iterable(compose.get("services").fields())) {
            JsonNode env = service.getValue().path("environment");
            if (env.has("STANCEWIRE_KAFKA")) {
                assertThat(env.get("STANCEWIRE_KAFKA").asText()).isEqualTo("kafka:9092");
            }
            if (env.has("STANCEWIRE_ELASTICSEARCH")) {
                assertThat(env.get("STANCEWIRE_ELASTICSEARCH").asText()).isEqualTo("http://elasticsearch:9200");
            }
        }
        JsonNode kafkaEnv = compose.get("services").get("kafka").get("environment");
        assertThat(kafkaEnv.get("KAFKA_ADVERTISED_LISTENERS").asText()).contains("INTERNAL://kafka:9092");
    }

    private static String image(String service) {
        return compose.get("services").get(service).get("image").asText();
    }

    private static String property(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
        assertThat(m.find()).as("property %s in pom.xml", name).isTrue();
        return m.group(1);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
