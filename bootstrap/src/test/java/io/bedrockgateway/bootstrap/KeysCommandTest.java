package io.bedrockgateway.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.adapter.mongo.MongoFixture;
import io.bedrockgateway.bootstrap.config.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code java -jar bedrock-gateway.jar keys ...} against the configured MongoDB. */
class KeysCommandTest {
  private static final Pattern KEY = Pattern.compile("bgw_([A-Za-z0-9]+)_[A-Za-z0-9]+");

  @TempDir Path workingDirectory;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @Test
  void createsListsAndRevokesKeysInTheConfiguredStore() {
    Map<String, String> environment =
        Map.of(
            "MONGODB_URI", MongoFixture.shared().freshDatabaseUri(),
            "USAGE_SPOOL_DIR", workingDirectory.resolve("spool").toString());

    int created =
        run(
            environment,
            "keys",
            "create",
            "--name",
            "Nightly batch",
            "--department",
            "finance",
            "--project",
            "ledger",
            "--expires",
            "2099-01-01");
    Matcher key = KEY.matcher(out.toString());
    assertThat(created).isZero();
    assertThat(key.find()).isTrue();
    String id = key.group(1);

    assertThat(run(environment, "keys", "list")).isZero();
    assertThat(out.toString()).contains(id, "Nightly batch", "finance", "active");
    assertThat(run(environment, "keys", "revoke", id)).isZero();
    assertThat(out.toString()).contains("Revoked API key " + id);
    out.getBuffer().setLength(0);
    run(environment, "keys", "list");
    assertThat(out.toString()).contains("inactive").doesNotContain(key.group());
    assertThat(Files.exists(workingDirectory.resolve("spool"))).isFalse();
  }

  @Test
  void refusesToRunWithoutAStoreOrWithAnUnknownPlanOrKey() {
    assertThat(run(Map.of(), "keys", "list")).isEqualTo(2);
    assertThat(err.toString()).contains("MONGODB_URI is not set");

    Map<String, String> environment =
        Map.of("MONGODB_URI", MongoFixture.shared().freshDatabaseUri());
    assertThat(
            run(
                environment,
                "keys",
                "create",
                "--name",
                "x",
                "--department",
                "y",
                "--plan",
                "gold"))
        .isEqualTo(1);
    assertThat(err.toString()).contains("gold");
    assertThat(run(environment, "keys", "revoke", "nosuchkey")).isEqualTo(1);
    assertThat(err.toString()).contains("nosuchkey");
    assertThat(run(environment, "keys", "create", "--name", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("--department");
  }

  private int run(Map<String, String> environment, String... args) {
    CommandLine commandLine = Main.commandLine(() -> Environment.of(environment));
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    return commandLine.execute(args);
  }
}
