package io.stancewire.esserver;

/**
 * What a parent process needs to start the node: free of Elasticsearch types, because those jars are only on the
 * child's class path (see {@link #CLASS_PATH_RESOURCE}).
 */
public final class ElasticsearchServer {
    /** Written at build time: the node's runtime class path, one {@code File.pathSeparator}-separated line. */
    public static final String CLASS_PATH_RESOURCE = "stancewire/elasticsearch-server.classpath";
    /** Arguments: data directory, HTTP port, transport port, cluster name. */
    public static final String MAIN_CLASS = "io.stancewire.esserver.ElasticsearchNodeMain";

    private ElasticsearchServer() {}
}
