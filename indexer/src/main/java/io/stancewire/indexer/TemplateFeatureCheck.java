package io.stancewire.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.stancewire.model.Json;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before anything is installed, that the cluster has every feature a template asks for: analyzers,
 * tokenizers, token and char filters, normalizers, field types, script languages, index settings such as the codec,
 * and ingest pipelines. A node built from fewer modules than a full distribution (the local one has no painless,
 * percolator, analysis-common, ingest-common or reindex) otherwise fails later with a message about a mapping or an
 * index that does not say which template or module is at fault.
 *
 * <p>The cluster decides, not a list of ours: each template, composed with its component templates, goes through
 * {@code POST _index_template/_simulate}, which builds the analysis chain and parses the mappings exactly as creating
 * an index would, but creates nothing. Ingest pipelines are the one thing simulation does not resolve, so they are
 * looked up. The modules named in the messages are a hint for the operator only.
 */
public final class TemplateFeatureCheck {
    /** Thrown when a template asks for something the cluster lacks; the message names both. */
    public static final class MissingFeatureException extends IllegalStateException {
        public MissingFeatureException(String message) {
            super(message);
        }
    }

    private record Finding(Pattern pattern, String kind) {}

    /** Elasticsearch's own wording for a missing component; group 1 is its name. */
    private static final List<Finding> FINDINGS = List.of(
            new Finding(Pattern.compile("failed to find (?:global )?filter under (?:name )?\\[([^]]+)]"), "token filter"),
            new Finding(Pattern.compile("Unknown filter type \\[([^]]+)]"), "token filter type"),
            new Finding(Pattern.compile("failed to find (?:global )?tokenizer under (?:name )?\\[([^]]+)]"), "tokenizer"),
            new Finding(Pattern.compile("Unknown tokenizer type \\[([^]]+)]"), "tokenizer type"),
            new Finding(Pattern.compile("failed to find (?:global )?char_filter under (?:name )?\\[([^]]+)]"), "char filter"),
            new Finding(Pattern.compile("Unknown char_filter type \\[([^]]+)]"), "char filter type"),
            new Finding(Pattern.compile("Unknown analyzer type \\[([^]]+)]"), "analyzer type"),
            new Finding(Pattern.compile("analyzer \\[([^]]+)] has not been configured"), "analyzer"),
            new Finding(Pattern.compile("normalizer \\[([^]]+)] not found"), "normalizer"),
            new Finding(Pattern.compile("mapper type \\[([^]]+)] declared on field"), "field type"),
            new Finding(Pattern.compile("No handler for type \\[([^]]+)]"), "field type"),
            new Finding(Pattern.compile("script_lang not supported \\[([^]]+)]"), "script language"),
            new Finding(Pattern.compile("unknown value for \\[index\\.codec] must be one of \\[[^]]*] but was: ([^;\\s]+)"), "codec"));

    private static final Pattern ANALYSIS_COMMON = Pattern.compile("snowball|stemmer|stemmer_override|porter_stem|kstem"
            + "|(edge_)?n-?gram|asciifolding|word_delimiter(_graph)?|synonym(_graph)?|shingle|trim|truncate"
            + "|unique|reverse|elision|length|limit|keep(_types)?|keyword_marker|pattern(_replace|_capture)?|html_strip"
            + "|mapping|char_group|simple_pattern(_split)?|path_hierarchy|uax_url_email|classic|letter|thai|fingerprint"
            + "|cjk_(bigram|width)|common_grams|decimal_digit|delimited_payload|(dictionary|hyphenation)_decompounder"
            + "|min_hash|multiplexer|condition|predicate_token_filter|apostrophe|flatten_graph|uppercase"
            + "|[a-z]+_(stem|normalization)|arabic|armenian|basque|bengali|brazilian|bulgarian|catalan|chinese|cjk|czech"
            + "|danish|dutch|english|estonian|finnish|french|galician|german|greek|hindi|hungarian|indonesian|irish"
            + "|italian|latvian|lithuanian|norwegian|persian|portuguese|romanian|russian|serbian|sorani|spanish|swedish"
            + "|turkish");

    /** Where a missing feature usually comes from, by kind and name; checked in order. */
    private static final List<Map.Entry<Pattern, String>> PROVIDERS = List.of(
            Map.entry(Pattern.compile("script language painless"), "the lang-painless module"),
            Map.entry(Pattern.compile("script language (expression|mustache)"), "the lang-$1 module"),
            Map.entry(Pattern.compile("field type percolator"), "the percolator module"),
            Map.entry(Pattern.compile("field type (match_only_text|scaled_float|search_as_you_type|rank_features?|token_count)"),
                    "the mapper-extras module"),
            Map.entry(Pattern.compile("field type join"), "the parent-join module"),
            Map.entry(Pattern.compile("field type (wildcard|constant_keyword|unsigned_long|version|semantic_text|aggregate_metric_double)"),
                    "an X-Pack module"),
            Map.entry(Pattern.compile(".* icu_.*"), "the analysis-icu plugin"),
            Map.entry(Pattern.compile(".* (kuromoji|ja)_.*"), "the analysis-kuromoji plugin"),
            Map.entry(Pattern.compile(".* nori_.*"), "the analysis-nori plugin"),
            Map.entry(Pattern.compile(".* (smartcn|hmm_chinese)_?.*"), "the analysis-smartcn plugin"),
            Map.entry(Pattern.compile(".* (polish|stempel).*"), "the analysis-stempel plugin"),
            Map.entry(Pattern.compile(".* phonetic"), "the analysis-phonetic plugin"),
            Map.entry(Pattern.compile("(token filter|tokenizer|char filter|analyzer)( type)? (" + ANALYSIS_COMMON.pattern() + ")"),
                    "the analysis-common module"));

    private final ElasticsearchClient client;

    public TemplateFeatureCheck(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * @param name       the index template's name, for the message
     * @param template   the index template's body as installed ({@code composed_of} allowed)
     * @param components bodies of the component templates it is composed of, in {@code composed_of} order
     * @throws MissingFeatureException naming the template and what it needs that the cluster lacks
     */
    public void check(String name, String template, List<String> components) {
        ObjectNode composed = compose(template, components);
        checkPipelines(name, composed);
        try {
            client.indices().simulateTemplate(s -> s.withJson(new StringReader(composed.toString())));
        } catch (ElasticsearchException e) {
            throw new MissingFeatureException(explain(name, e));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot check template " + name + " against the cluster: " + e.getMessage(), e);
        }
    }

    /**
     * The template as the cluster would apply it, made self-contained (the components need not be installed yet),
     * under a pattern of its own so that it overlaps no installed template.
     */
    static ObjectNode compose(String template, List<String> components) {
        ObjectNode index = (ObjectNode) read(template);
        ObjectNode merged = Json.MAPPER.createObjectNode();
        for (String component : components) {
            mergeInto(merged, read(component).path("template"));
        }
        mergeInto(merged, index.path("template"));
        ObjectNode probe = Json.MAPPER.createObjectNode();
        probe.putArray("index_patterns").add("stancewire-feature-probe-*");
        probe.set("template", merged);
        return probe;
    }

    /** Component templates first, the index template's own sections over them, as Elasticsearch composes. */
    private static void mergeInto(ObjectNode target, JsonNode section) {
        for (String part : List.of("settings", "mappings")) {
            JsonNode value = section.path(part);
            if (value.isObject()) {
                ObjectNode existing = target.has(part) ? (ObjectNode) target.get(part) : target.putObject(part);
                deepMerge(existing, (ObjectNode) value);
            }
        }
    }

    private static void deepMerge(ObjectNode target, ObjectNode source) {
        source.properties().forEach(e -> {
            if (e.getValue().isObject() && target.get(e.getKey()) instanceof ObjectNode existing) {
                deepMerge(existing, (ObjectNode) e.getValue());
            } else {
                target.set(e.getKey(), e.getValue().deepCopy());
            }
        });
    }

    /** Simulation accepts a pipeline that does not exist; indexing then fails on every document. */
    private void checkPipelines(String name, ObjectNode composed) {
        JsonNode settings = composed.path("template").path("settings");
        for (String setting : List.of("default_pipeline", "final_pipeline")) {
            JsonNode value = settings.path("index").path(setting);
            if (value.isMissingNode()) {
                value = settings.has("index." + setting) ? settings.get("index." + setting) : settings.path(setting);
            }
            String pipeline = value.asText("");
            if (pipeline.isEmpty() || "_none".equals(pipeline)) {
                continue;
            }
            boolean exists;
            try {
                exists = client.ingest().getPipeline(p -> p.id(pipeline)).get(pipeline) != null;
            } catch (ElasticsearchException e) {
                exists = false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!exists) {
                throw new MissingFeatureException("template " + name + " sets index." + setting + " to ingest pipeline ["
                        + pipeline + "], which this cluster lacks; create the pipeline first (its processors may need "
                        + "the ingest-common module)");
            }
        }
    }

    static String explain(String name, ElasticsearchException e) {
        List<String> reasons = new ArrayList<>();
        reasons.add(e.error().reason());
        for (ErrorCause cause = e.error().causedBy(); cause != null; cause = cause.causedBy()) {
            reasons.add(cause.reason());
        }
        String root = reasons.getLast();
        for (String reason : reasons.reversed()) {
            if (reason == null) {
                continue;
            }
            for (Finding finding : FINDINGS) {
                Matcher m = finding.pattern().matcher(reason);
                if (m.find()) {
                    String feature = finding.kind() + " " + m.group(1);
                    return "template " + name + " uses " + finding.kind() + " [" + m.group(1) + "]" + provider(feature)
                            + ", which this cluster lacks (Elasticsearch: " + reason + ")";
                }
            }
        }
        return "template " + name + " is refused by this cluster: " + root;
    }

    private static String provider(String feature) {
        for (Map.Entry<Pattern, String> entry : PROVIDERS) {
            Matcher m = entry.getKey().matcher(feature);
            if (m.matches()) {
                return " from " + m.replaceFirst(entry.getValue());
            }
        }
        return "";
    }

    private static JsonNode read(String json) {
        try {
            return Json.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("template is not valid JSON: " + e.getMessage(), e);
        }
    }
}
