package org.elasticsearch.node;

import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.MockPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

import java.util.Collection;

/**
 * A production {@link Node} whose plugins are classes on the class path instead of directories of a distribution.
 *
 * <p>It lives in {@code org.elasticsearch.node} because {@link NodeConstruction} and {@link NodeServiceProvider} are
 * package-private. Everything but the plugin service is the stock one, unlike the test framework's {@code MockNode},
 * which also swaps in mock services.
 */
public class ClasspathPluginsNode extends Node {

    public ClasspathPluginsNode(Environment environment, Collection<Class<? extends Plugin>> plugins) {
        super(NodeConstruction.prepareConstruction(environment, null, new NodeServiceProvider() {
            @Override
            PluginsService newPluginService(Environment env, PluginsLoader pluginsLoader) {
                return new MockPluginsService(env.settings(), env, plugins);
            }
        }, true));
    }
}
