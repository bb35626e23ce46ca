package io.bedrockgateway.adapter.http.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The console's files, read from the classpath: its own under {@code static/} beside this class,
 * and the chart library (uPlot) from its WebJar as {@code vendor/...}. A name is looked up only if
 * it is a plain relative file name (letters, digits, dashes and dots, at most two folders deep, no
 * segment starting with a dot, a known extension): nothing outside those two places can be named.
 */
final class ConsoleAssets {
  private static final Pattern NAME =
      Pattern.compile(
          "((?:[a-z0-9][a-z0-9-]{0,63}/){0,2}[A-Za-z0-9][A-Za-z0-9.-]{0,63})"
              + "\\.(html|js|css|svg|png)");
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "svg", "image/svg+xml",
          "png", "image/png");
  private static final String VENDOR = "vendor/";
  private static final String UPLOT_PROPERTIES =
      "/META-INF/maven/org.webjars.npm/uplot/pom.properties";

  private final Function<String, Optional<byte[]>> reader;
  private final Map<String, ConsoleAsset> found = new ConcurrentHashMap<>();

  ConsoleAssets(Function<String, Optional<byte[]>> reader) {
    this.reader = reader;
  }

  /** The files in the jar; fails at once if the chart library's WebJar is missing. */
  static ConsoleAssets fromClasspath() {
    String uplot = "/META-INF/resources/webjars/uplot/" + uplotVersion() + "/dist/";
    String own = "/" + ConsoleAssets.class.getPackageName().replace('.', '/') + "/static/";
    return new ConsoleAssets(
        name ->
            name.startsWith(VENDOR)
                ? read(uplot + name.substring(VENDOR.length()))
                : read(own + name));
  }

  /** The file called {@code name}, if the console has one by that name. */
  Optional<ConsoleAsset> find(String name) {
    Matcher matcher = NAME.matcher(name);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    ConsoleAsset known = found.get(name);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<ConsoleAsset> asset =
        reader.apply(name).map(bytes -> ConsoleAsset.of(bytes, TYPES.get(matcher.group(2))));
    asset.ifPresent(read -> found.put(name, read)); // only files that exist: a bounded set
    return asset;
  }

  /** {@code name} cut short and stripped of anything but plain characters, to quote it safely. */
  static String printable(String name) {
    String plain = name.replaceAll("[^A-Za-z0-9./_-]", "?");
    return plain.length() > 80 ? plain.substring(0, 80) + "..." : plain;
  }

  private static String uplotVersion() {
    Properties properties = new Properties();
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(UPLOT_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(
            "The console's chart library (org.webjars.npm:uplot) is not on the classpath.");
      }
      properties.load(in);
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
    return properties.getProperty("version");
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = ConsoleAssets.class.getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
