package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancewire.local.LocalElasticsearch;
import io.stancewire.model.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The start-up feature check on the real local node, which lacks analysis-common, percolator, painless and
 * ingest-common: the shipped templates pass, a template asking for any of those is refused with a message naming the
 * template and the feature, and nothing is installed.
 */
class TemplateFeatureCheckIT {
    static ElasticsearchClient es;
    static IndexSetup setup;
    static TemplateFeatureCheck check;

    @BeforeAll
    static void connect() {
        es = ElasticsearchClients.create(LocalElasticsearch.sharedForTests().httpUrl().toString());
        setup = new IndexSetup(es, IndexSettings.local());
        check = new TemplateFeatureCheck(es);
    }

    @AfterAll
    static void close() throws Exception {
        es.close();
    }

    @Test
    void shippedTemplatesPass() {
        assertThatCode(setup::checkFeatures).doesNotThrowAnyException();
    }

    @Test
    void analysisCommonFilterIsNamedWithTemplateAndModule() {
        assertThatThrownBy(() -> checkQuotesWith(t -> analysis(t).putObject("analyzer").putObject("english_stemmed")
                .put("type", "custom").put("tokenizer", "standard").putArray("filter").add("lowercase").add("snowball")))
                .isInstanceOf(TemplateFeatureCheck.MissingFeatureException.class)
                .hasMessageStartingWith("template stancewire-quotes uses token filter [snowball] from the analysis-common module, "
                        + "which this cluster lacks");
    }

    @Test
    void filterDefinedByTypeIsNamed() {
        assertThatThrownBy(() -> checkQuotesWith(t -> {
            ObjectNode analysis = analysis(t);
            analysis.putObject("filter").putObject("english_stemmer").put("type", "stemmer").put("language", "english");
            analysis.putObject("analyzer").putObject("stemmed").put("tokenizer", "standard").putArray("filter").add("english_stemmer");
        })).hasMessageStartingWith("template stancewire-quotes uses token filter type [stemmer] from the analysis-common module");
    }

    @Test
    void languageAnalyzerOnAFieldIsNamed() {
        assertThatThrownBy(() -> checkQuotesWith(t -> properties(t).putObject("textEnglish").put("type", "text")
                .put("analyzer", "english")))
                .hasMessageStartingWith("template stancewire-quotes uses analyzer [english] from the analysis-common module");
    }

    @Test
    void fieldTypeFromAMissingModuleIsNamed() {
        assertThatThrownBy(() -> checkQuotesWith(t -> properties(t).putObject("query").put("type", "percolator")))
                .hasMessageStartingWith("template stancewire-quotes uses field type [percolator] from the percolator module");
    }

    @Test
    void runtimeFieldScriptNeedsPainless() {
        assertThatThrownBy(() -> checkQuotesWith(t -> ((ObjectNode) t.path("template").path("mappings"))
                .putObject("runtime").putObject("year").put("type", "keyword").putObject("script")
                .put("source", "emit(doc['publishedAt'].value.getYear().toString())")))
                .hasMessageStartingWith("template stancewire-quotes uses script language [painless] from the lang-painless module");
    }

    @Test
    void missingIngestPipelineIsNamed() {
        assertThatThrownBy(() -> checkQuotesWith(t -> ((ObjectNode) t.path("template")).putObject("settings")
                .put("index.default_pipeline", "stancewire-enrich")))
                .hasMessageStartingWith("template stancewire-quotes sets index.default_pipeline to ingest pipeline [stancewire-enrich], "
                        + "which this cluster lacks");
    }

    @Test
    void installRefusesBeforeInstallingAnything() throws Exception {
        removeTemplates(es); // other test classes on this shared node may have installed them
        IndexSetup refusing = new IndexSetup(es, new IndexSettings(0, "lz4_fastest", IndexSettings.DEFAULT_REFRESH_INTERVAL));
        assertThatThrownBy(refusing::install)
                .hasMessageStartingWith("template stancewire-articles uses codec [lz4_fastest], which this cluster lacks");
        assertThat(es.indices().existsIndexTemplate(e -> e.name("stancewire-articles")).value())
                .as("nothing installed when a template is refused").isFalse();
        assertThat(es.cluster().existsComponentTemplate(e -> e.name(IndexSetup.COMPONENT_SETTINGS)).value()).isFalse();
    }

    /** Indices and templates an {@link IndexSetup#install()} left on the shared node, which other classes expect bare. */
    static void removeInstalled(ElasticsearchClient es) throws java.io.IOException {
        for (String alias : IndexSetup.ALIASES) {
            es.indices().delete(d -> d.index(alias + "-000001").ignoreUnavailable(true));
        }
        removeTemplates(es);
    }

    static void removeTemplates(ElasticsearchClient es) throws java.io.IOException {
        for (String alias : IndexSetup.ALIASES) {
            if (es.indices().existsIndexTemplate(e -> e.name(alias)).value()) {
                es.indices().deleteIndexTemplate(d -> d.name(alias));
            }
        }
        if (es.cluster().existsComponentTemplate(e -> e.name(IndexSetup.COMPONENT_SETTINGS)).value()) {
            es.cluster().deleteComponentTemplate(d -> d.name(IndexSetup.COMPONENT_SETTINGS));
        }
    }

    private static void checkQuotesWith(Consumer<ObjectNode> change) {
        ObjectNode template = (ObjectNode) read(setup.template("index-quotes.json"));
        change.accept(template);
        check.check("stancewire-quotes", template.toString(), List.of(setup.template("component-settings.json")));
    }

    private static ObjectNode analysis(ObjectNode template) {
        return ((ObjectNode) template.path("template")).putObject("settings").putObject("analysis");
    }

    private static ObjectNode properties(ObjectNode template) {
        return (ObjectNode) template.path("template").path("mappings").path("properties");
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
