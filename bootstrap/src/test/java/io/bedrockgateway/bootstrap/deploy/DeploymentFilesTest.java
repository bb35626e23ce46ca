package io.bedrockgateway.bootstrap.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment files are valid for the tools that read them: nginx's own config test and
 * docker-compose's. Skipped where the tool is not installed (CI installs both).
 */
class DeploymentFilesTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @Test
  void nginxAcceptsTheGatewayConfig(@TempDir Path prefix) throws Exception {
    assumeTrue(onPath("nginx"), "nginx is not installed");
    String site =
        Files.readString(REPOSITORY.resolve("deploy/nginx/bedrock-gateway.conf"))
            // nginx resolves upstream names while testing; the compose service names exist only
            // inside the compose network.
            .replace("gateway-1:8000", "127.0.0.1:8000")
            .replace("gateway-2:8000", "127.0.0.2:8000");
    Files.writeString(prefix.resolve("site.conf"), site);
    Files.createDirectories(prefix.resolve("logs"));
    Files.writeString(
        prefix.resolve("nginx.conf"),
        """
        error_log %1$s/logs/error.log;
        pid %1$s/logs/nginx.pid;
        events {}
        http {
          access_log off;
          client_body_temp_path %1$s/logs;
          proxy_temp_path %1$s/logs;
          include %1$s/site.conf;
        }
        """
            .formatted(prefix));

    Result result =
        run("nginx", "-t", "-p", prefix.toString(), "-c", prefix.resolve("nginx.conf").toString());

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("test is successful");
  }

  @Test
  void dockerComposeAcceptsTheStackWithTheExampleEnvironment(@TempDir Path directory)
      throws Exception {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
    Path env = directory.resolve(".env");
    List<String> filled =
        Files.readAllLines(REPOSITORY.resolve(".env.example")).stream()
            .map(line -> line.matches("[A-Z_]+=") ? line + "test-secret" : line)
            .toList();
    Files.write(env, filled, StandardCharsets.UTF_8);

    Result result =
        run(
            "docker-compose",
            "--env-file",
            env.toString(),
            "-f",
            REPOSITORY.resolve("docker-compose.yml").toString(),
            "config",
            "-q");

    assertThat(result.exitCode()).as(result.output()).isZero();
  }

  @Test
  void dockerComposeRefusesToStartWithoutSecrets(@TempDir Path directory) throws Exception {
    assumeTrue(onPath("docker-compose"), "docker-compose is not installed");
    Path empty = Files.writeString(directory.resolve(".env"), "");

    Result result =
        run(
            "docker-compose",
            "--env-file",
            empty.toString(),
            "-f",
            REPOSITORY.resolve("docker-compose.yml").toString(),
            "config",
            "-q");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("in .env");
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish");
    }
    return new Result(process.exitValue(), output);
  }

  private static boolean onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "");
    return Arrays.stream(path.split(File.pathSeparator))
        .anyMatch(directory -> Files.isExecutable(Path.of(directory, tool)));
  }
}
