package io.bedrockgateway.adapter.http.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsoleAssetsTest {
  private final List<String> asked = new CopyOnWriteArrayList<>();
  private final ConsoleAssets assets =
      new ConsoleAssets(
          name -> {
            asked.add(name);
            return Optional.of(name.getBytes(StandardCharsets.UTF_8));
          });

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "..",
        "../index.html",
        "js/../index.html",
        "./index.html",
        ".hidden.js",
        "js/.hidden.js",
        "/etc/passwd.js",
        "js//app.js",
        "a/b/c/d.js",
        "JS/app.js",
        "app.js/",
        "app.class",
        "app.js\u0000.png",
        "app .js",
        "js\\app.js",
        "%2e%2e/app.js",
      })
  void aNameThatIsNotAPlainFileNameIsNeverLookedUp(String name) {
    assertThat(assets.find(name)).isEmpty();
    assertThat(asked).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"index.html", "js/app.js", "vendor/uPlot.esm.js", "vendor/uPlot.min.css", "a.png"})
  void aPlainFileNameIsLookedUpWithTheTypeOfItsExtension(String name) {
    ConsoleAsset asset = assets.find(name).orElseThrow();

    assertThat(asked).containsExactly(name);
    assertThat(asset.contentType())
        .isEqualTo(
            switch (name.substring(name.lastIndexOf('.') + 1)) {
              case "html" -> "text/html; charset=utf-8";
              case "js" -> "text/javascript; charset=utf-8";
              case "css" -> "text/css; charset=utf-8";
              default -> "image/png";
            });
  }

  @Test
  void aFileFoundIsReadOnceAndAMissingOneEachTime() {
    ConsoleAssets sparse =
        new ConsoleAssets(
            name -> {
              asked.add(name);
              return name.equals("here.js") ? Optional.of(new byte[] {1}) : Optional.empty();
            });

    sparse.find("here.js");
    sparse.find("here.js");
    sparse.find("gone.js");
    sparse.find("gone.js");

    assertThat(asked).containsExactly("here.js", "gone.js", "gone.js");
  }

  @Test
  void theJarsConsoleHasItsPageAndTheChartLibrary() {
    ConsoleAssets shipped = ConsoleAssets.fromClasspath();

    assertThat(shipped.find("index.html")).isPresent();
    assertThat(shipped.find("vendor/uPlot.esm.js")).isPresent();
    assertThat(shipped.find("vendor/package.js")).isEmpty();
    assertThat(shipped.find("missing.html")).isEmpty();
  }
}
