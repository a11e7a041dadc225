package io.mlconnector.platform.plugins;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.mlconnector.api.Connector;
import io.mlconnector.api.ConnectorApi;
import io.mlconnector.api.spec.ConnectorSpec;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.pf4j.DefaultPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads connector plugins with PF4J from the plugins folder and keeps one instance of each
 * connector. Plugins are not Micronaut beans: they receive everything through the context the
 * platform builds per call. A plugin that fails to load is logged and left out; the rest carry on.
 */
@Singleton
public class PluginHost {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHost.class);

    /** A connector and the plugin it came from. */
    public record LoadedConnector(String pluginId, String pluginVersion, Connector connector, ConnectorSpec spec) {
    }

    private final Path pluginsRoot;
    private final Map<String, LoadedConnector> connectors = new ConcurrentHashMap<>();
    private final List<Connector> builtIn = new ArrayList<>();
    private PluginManager manager;

    public PluginHost(@Value("${ml.plugins.dir:}") String configuredRoot) {
        this.pluginsRoot = PluginsFolder.resolve(configuredRoot);
    }

    @PostConstruct
    void start() {
        manager = new DefaultPluginManager(pluginsRoot);
        manager.setSystemVersion(ConnectorApi.VERSION);
        if (Files.isDirectory(pluginsRoot)) {
            manager.loadPlugins();
            manager.startPlugins();
        } else {
            LOG.warn("Plugins folder {} does not exist: no connectors are installed", pluginsRoot);
        }
        refresh();
        LOG.info("Connectors loaded from {}: {}", pluginsRoot, connectors.keySet());
    }

    /** Registers a connector that is not packaged as a plugin (used by tests and embedders). */
    public synchronized void register(Connector connector) {
        builtIn.add(connector);
        refresh();
    }

    /** Loads a plugin file dropped in at run time and returns its id. */
    public synchronized String load(Path pluginFile) {
        String pluginId = manager.loadPlugin(pluginFile);
        PluginState state = manager.startPlugin(pluginId);
        if (state != PluginState.STARTED) {
            throw new IllegalStateException("Plugin " + pluginId + " did not start: " + state);
        }
        refresh();
        return pluginId;
    }

    /** Stops and unloads a plugin; its connectors disappear from the catalogue. */
    public synchronized void unload(String pluginId) {
        manager.stopPlugin(pluginId);
        manager.unloadPlugin(pluginId);
        refresh();
    }

    public Optional<LoadedConnector> connector(String connectorId) {
        return Optional.ofNullable(connectors.get(connectorId));
    }

    public Collection<LoadedConnector> all() {
        return connectors.values().stream().sorted(java.util.Comparator.comparing(c -> c.spec().name())).toList();
    }

    private synchronized void refresh() {
        Map<String, LoadedConnector> fresh = new ConcurrentHashMap<>();
        for (PluginWrapper plugin : manager.getStartedPlugins()) {
            for (Connector connector : manager.getExtensions(Connector.class, plugin.getPluginId())) {
                add(fresh, plugin.getPluginId(), plugin.getDescriptor().getVersion(), connector);
            }
        }
        for (Connector connector : builtIn) {
            add(fresh, "built-in", "0", connector);
        }
        connectors.clear();
        connectors.putAll(fresh);
    }

    private static void add(Map<String, LoadedConnector> into, String pluginId, String version, Connector connector) {
        try {
            ConnectorSpec spec = connector.spec();
            LoadedConnector previous = into.putIfAbsent(spec.id(), new LoadedConnector(pluginId, version, connector, spec));
            if (previous != null) {
                LOG.error("Connector id {} is declared by both {} and {}; keeping the first", spec.id(), previous.pluginId(), pluginId);
            }
        } catch (RuntimeException | LinkageError e) {
            LOG.error("Plugin {} has a connector whose spec cannot be read; it is left out", pluginId, e);
        }
    }

    @EventListener
    void stop(ShutdownEvent event) {
        if (manager == null) {
            return;
        }
        // Stopped one at a time over a copy: PF4J 3.15's stopPlugins() can fail while iterating.
        for (PluginWrapper plugin : new ArrayList<>(manager.getStartedPlugins())) {
            try {
                manager.stopPlugin(plugin.getPluginId());
            } catch (RuntimeException e) {
                LOG.warn("Plugin {} did not stop cleanly", plugin.getPluginId(), e);
            }
        }
    }
}
