package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.domain.plan.RequestRate;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLoaderTest {

  @Test
  void startsFromDocumentedDefaults() {
    GatewayConfig config = ConfigLoader.load(Environment.of(Map.of()));

    assertThat(config.http().port()).isEqualTo(8000);
    assertThat(config.defaultPlan().requests())
        .contains(new RequestRate(100, Duration.ofSeconds(60)));
    assertThat(config.defaults().chat().value()).isEqualTo(ConfigLoader.DEFAULT_CHAT_MODEL);
    assertThat(config.bedrock().region()).isEqualTo("us-east-1");
    assertThat(config.bedrock().endpointOverride()).isEmpty();
    assertThat(config.apiKeys()).isEmpty();
  }

  @Test
  void readsTheVariablesOperatorsAlreadySet() {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "PORT", "9000",
                    "API_KEYS", "k1, k2,,",
                    "RATE_LIMIT_REQUESTS", "3",
                    "RATE_LIMIT_WINDOW", "10",
                    "AWS_REGION", "eu-west-1",
                    "BEDROCK_ENDPOINT_URL", "http://127.0.0.1:4010",
                    "MAX_REQUEST_BYTES", "2048")));

    assertThat(config.http().port()).isEqualTo(9000);
    assertThat(config.http().maxRequestBytes()).isEqualTo(2048);
    assertThat(config.apiKeys()).extracting(key -> key.value()).containsExactly("k1", "k2");
    assertThat(config.defaultPlan().requests())
        .contains(new RequestRate(3, Duration.ofSeconds(10)));
    assertThat(config.bedrock().region()).isEqualTo("eu-west-1");
    assertThat(config.bedrock().endpointOverride()).contains(URI.create("http://127.0.0.1:4010"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "https://a.example,https://b.example | https://a.example;https://b.example",
        "[\"https://a.example\", \"https://b.example\"] | https://a.example;https://b.example",
        "* | *"
      })
  void acceptsCorsOriginsAsACommaListAStarOrAJsonList(String value, String expected) {
    GatewayConfig config = ConfigLoader.load(Environment.of(Map.of("CORS_ORIGINS", value)));

    assertThat(config.http().corsOrigins()).containsExactly(expected.split(";"));
  }

  @Test
  void aZeroRequestLimitSwitchesTheLimitOff() {
    GatewayConfig config = ConfigLoader.load(Environment.of(Map.of("RATE_LIMIT_REQUESTS", "0")));

    assertThat(config.defaultPlan().requests()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "PORT | eighty",
        "PORT | 70000",
        "RATE_LIMIT_REQUESTS | -1",
        "RATE_LIMIT_WINDOW | 1m",
        "MAX_REQUEST_BYTES | 12",
        "AWS_REGION | Mars",
        "BEDROCK_ENDPOINT_URL | ftp://127.0.0.1",
        "BEDROCK_ENDPOINT_URL | not a url",
        "DEFAULT_CHAT_MODEL | two words",
        "CORS_ORIGINS | [\"https://a.example\"",
        "LOG_FORMAT | xml",
        "LOG_LEVEL | chatty"
      })
  void aBadValueFailsWithAMessageNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> ConfigLoader.load(Environment.of(Map.of(variable, value))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable);
  }

  @Test
  void neverEchoesAnApiKeyInAnError() {
    String longKey = "k".repeat(600);

    assertThatThrownBy(() -> ConfigLoader.load(Environment.of(Map.of("API_KEYS", longKey))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("API_KEYS")
        .hasMessageNotContaining(longKey);
  }

  @Test
  void readsADotEnvFileUnderTheProcessEnvironment(@TempDir Path directory) throws IOException {
    Files.writeString(
        directory.resolve(".env"),
        "# local settings\nexport PORT=9100\nAPI_KEYS=\"from-file\"\nRATE_LIMIT_REQUESTS=7\n");

    Environment environment = Environment.load(Map.of("RATE_LIMIT_REQUESTS", "9"), directory);
    GatewayConfig config = ConfigLoader.load(environment);

    assertThat(config.http().port()).isEqualTo(9100);
    assertThat(config.apiKeys()).extracting(key -> key.value()).containsExactly("from-file");
    assertThat(config.defaultPlan().requests().orElseThrow().limit()).isEqualTo(9);
  }
}
