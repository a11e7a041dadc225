package io.mlconnector.platform.plugins;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a PF4J plugin jar from Java source at test time, the way a plugin author's build would:
 * compiled classes, the PF4J manifest, and the extensions index.
 */
final class PluginJars {

    private PluginJars() {
    }

    static Path build(Path workDir, String pluginId, String version, String extensionClass, String source) throws IOException {
        return build(workDir, pluginId, version, extensionClass, source, ">=1.0.0 & <2.0.0");
    }

    static Path build(Path workDir, String pluginId, String version, String extensionClass, String source, String requires)
            throws IOException {
        Path sources = Files.createDirectories(workDir.resolve("src"));
        Path classes = Files.createDirectories(workDir.resolve("classes"));
        Path file = sources.resolve(extensionClass.substring(extensionClass.lastIndexOf('.') + 1) + ".java");
        Files.writeString(file, source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int result = compiler.run(null, null, null, "-proc:none", "-cp", System.getProperty("java.class.path"),
                "-d", classes.toString(), file.toString());
        if (result != 0) {
            throw new IllegalStateException("The plugin source did not compile");
        }
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        attributes.putValue("Plugin-Id", pluginId);
        attributes.putValue("Plugin-Version", version);
        attributes.putValue("Plugin-Requires", requires);
        attributes.putValue("Plugin-Provider", "Example Ltd");
        Path jar = workDir.resolve(pluginId + "-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> compiled = Files.walk(classes)) {
            for (Path path : compiled.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(path).toString().replace('\\', '/')));
                Files.copy(path, out);
                out.closeEntry();
            }
            write(out, "META-INF/extensions.idx", List.of(extensionClass));
        }
        return jar;
    }

    private static void write(JarOutputStream out, String name, List<String> lines) throws IOException {
        out.putNextEntry(new JarEntry(name));
        OutputStream stream = out;
        stream.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
