package io.mlconnector.platform.plugins;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where plugins live: {@code ML_PLUGINS_DIR} (or {@code ml.plugins.dir}) when set; otherwise the
 * {@code plugins} folder beside the server jar, which the build fills with the bundled connectors;
 * otherwise {@code ./plugins}.
 */
final class PluginsFolder {

    private PluginsFolder() {
    }

    static Path resolve(String configured) {
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path codeSource = Path.of(PluginsFolder.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // platform-x.jar sits in lib/ beside ml-connector.jar; plugins/ is beside lib/.
            Path besideServer = codeSource.getParent() == null ? null : codeSource.getParent().resolveSibling("plugins");
            if (besideServer != null && Files.isDirectory(besideServer)) {
                return besideServer;
            }
        } catch (URISyntaxException | RuntimeException ignored) {
            // fall through to the working directory
        }
        return Path.of("plugins").toAbsolutePath();
    }
}
