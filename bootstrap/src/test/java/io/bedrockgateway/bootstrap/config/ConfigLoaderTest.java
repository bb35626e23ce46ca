package io.bedrockgateway.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.adapter.http.HttpSettings;
import io.bedrockgateway.adapter.http.common.HttpLimits;
import io.bedrockgateway.adapter.http.common.HttpTimeouts;
import io.bedrockgateway.adapter.media.MediaSettings;
import io.bedrockgateway.adapter.mongo.MongoSettings;
import io.bedrockgateway.application.service.UnpricedModels;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.ApiKeySecret;
import io.bedrockgateway.domain.media.RemoteMediaPolicy;
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

    assertThat(config.http().publicListener().port()).isEqualTo(8000);
    assertThat(config.defaultPlan().requests())
        .contains(new RequestRate(100, Duration.ofSeconds(60)));
    assertThat(config.defaults().chat().value()).isEqualTo(ConfigLoader.DEFAULT_CHAT_MODEL);
    assertThat(config.bedrock().region()).isEqualTo("us-east-1");
    assertThat(config.bedrock().endpointOverride()).isEmpty();
    assertThat(config.apiKeys()).isEmpty();
    assertThat(config.http().publicListener().host()).isEqualTo("0.0.0.0");
    assertThat(config.http().adminListener())
        .isEqualTo(new HttpSettings.Listener("127.0.0.1", 8001));
    assertThat(config.http().timeouts()).isEqualTo(HttpTimeouts.DEFAULTS);
    assertThat(config.http().limits()).isEqualTo(HttpLimits.DEFAULTS);
    assertThat(config.defaultPlan().concurrentStreams())
        .hasValue(ConfigLoader.DEFAULT_MAX_CONCURRENT_STREAMS);
    assertThat(config.unpricedModels()).isEqualTo(UnpricedModels.DENY);
  }

  @Test
  void anOperatorMayAllowUnpricedModels() {
    assertThat(
            ConfigLoader.load(Environment.of(Map.of("UNPRICED_MODELS", "allow"))).unpricedModels())
        .isEqualTo(UnpricedModels.ALLOW);
  }

  @Test
  void readsTheListenersLimitsAndTimeouts() {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "BIND_ADDRESS", "127.0.0.2",
                    "ADMIN_PORT", "9001",
                    "ADMIN_BIND_ADDRESS", "0.0.0.0",
                    "MAX_BODY_BYTES_IN_FLIGHT", "100000000",
                    "MAX_CONNECTIONS", "500",
                    "HTTP_HEADER_TIMEOUT", "5",
                    "HTTP_BODY_TIMEOUT", "20",
                    "HTTP_IDLE_TIMEOUT", "40",
                    "MAX_STREAM_SECONDS", "600")));

    assertThat(config.http().publicListener().host()).isEqualTo("127.0.0.2");
    assertThat(config.http().adminListener()).isEqualTo(new HttpSettings.Listener("0.0.0.0", 9001));
    assertThat(config.http().limits())
        .isEqualTo(new HttpLimits(HttpLimits.DEFAULT_MAX_REQUEST_BYTES, 100_000_000, 500));
    assertThat(config.http().timeouts())
        .isEqualTo(
            new HttpTimeouts(
                Duration.ofSeconds(5),
                Duration.ofSeconds(20),
                Duration.ofSeconds(40),
                Duration.ofSeconds(600)));
  }

  @Test
  void readsTheVariablesOperatorsAlreadySet() {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "PORT", "9000",
                    "API_KEYS", "key-one-0123456789, key-two-0123456789,,",
                    "RATE_LIMIT_REQUESTS", "3",
                    "RATE_LIMIT_WINDOW", "10",
                    "AWS_REGION", "eu-west-1",
                    "BEDROCK_ENDPOINT_URL", "http://127.0.0.1:4010",
                    "MAX_REQUEST_BYTES", "2048")));

    assertThat(config.http().publicListener().port()).isEqualTo(9000);
    assertThat(config.http().maxRequestBytes()).isEqualTo(2048);
    assertThat(config.apiKeys())
        .extracting(key -> key.value())
        .containsExactly("key-one-0123456789", "key-two-0123456789");
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
  void fetchesNoImageByUrlUnlessHostsAreListed() {
    GatewayConfig config = ConfigLoader.load(Environment.of(Map.of()));

    assertThat(config.remoteMedia()).isEqualTo(RemoteMedia.NONE);
    assertThat(config.remoteMedia().policy().fetchesAny()).isFalse();
  }

  @Test
  void readsTheHostsAndBoundsOfImagesFetchedByUrl() {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "REMOTE_MEDIA_HOSTS", "images.example.com, *.cdn.example.org,127.0.0.1:8080",
                    "REMOTE_MEDIA_ALLOW_HTTP", "true",
                    "REMOTE_MEDIA_MAX_IMAGES", "4",
                    "REMOTE_MEDIA_MAX_BYTES", "2048",
                    "REMOTE_MEDIA_TIMEOUT_MS", "1500")));

    RemoteMediaPolicy policy = config.remoteMedia().policy();
    assertThat(policy.hosts().entries())
        .containsExactly("images.example.com", "*.cdn.example.org", "127.0.0.1:8080");
    assertThat(policy.plainHttp()).isTrue();
    assertThat(policy.maxImages()).isEqualTo(4);
    assertThat(config.remoteMedia().fetching())
        .isEqualTo(new MediaSettings(Duration.ofMillis(1500), 2048));
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
        "ADMIN_PORT | 8000",
        "ADMIN_PORT | -1",
        "BIND_ADDRESS | two words",
        "ADMIN_BIND_ADDRESS | two words",
        "MAX_BODY_BYTES_IN_FLIGHT | 100",
        "MAX_CONNECTIONS | 0",
        "HTTP_HEADER_TIMEOUT | 0",
        "HTTP_BODY_TIMEOUT | soon",
        "HTTP_IDLE_TIMEOUT | 0",
        "MAX_STREAM_SECONDS | 0",
        "MAX_CONCURRENT_STREAMS | -1",
        "API_KEYS | ten-chars!",
        "KEY_ID_SECRET | too-short",
        "RATE_LIMIT_REQUESTS | -1",
        "RATE_LIMIT_WINDOW | 1m",
        "MAX_REQUEST_BYTES | 12",
        "AWS_REGION | Mars",
        "BEDROCK_ENDPOINT_URL | ftp://127.0.0.1",
        "BEDROCK_ENDPOINT_URL | not a url",
        "DEFAULT_CHAT_MODEL | two words",
        "ADMIN_TOKEN | too-short",
        "USAGE_RETENTION_DAYS | 0",
        "KEY_CACHE_TTL | -1",
        "MONGODB_TIMEOUT_MS | 0",
        "MONGODB_TIMEOUT_MS | 5s",
        "MONGODB_CONNECT_TIMEOUT_MS | -1",
        "MONGODB_SERVER_SELECTION_TIMEOUT_MS | 600001",
        "MODEL_PRICES_FILE | /no/such/prices.csv",
        "IMAGE_PRICES_FILE | /no/such/image-prices.csv",
        "CORS_ORIGINS | [\"https://a.example\"",
        "LOG_FORMAT | xml",
        "LOG_LEVEL | chatty",
        "UNPRICED_MODELS | free",
        "ANTHROPIC_BEDROCK_BODY_FIELDS | messages",
        "ANTHROPIC_BEDROCK_BETAS | Not A Beta",
        "REMOTE_MEDIA_HOSTS | *",
        "REMOTE_MEDIA_HOSTS | *.com",
        "REMOTE_MEDIA_HOSTS | https://images.example.com",
        "REMOTE_MEDIA_ALLOW_HTTP | sometimes",
        "REMOTE_MEDIA_MAX_IMAGES | 0",
        "REMOTE_MEDIA_MAX_IMAGES | 101",
        "REMOTE_MEDIA_MAX_BYTES | 100",
        "REMOTE_MEDIA_TIMEOUT_MS | 5s",
        "REMOTE_MEDIA_TIMEOUT_MS | 0"
      })
  void aBadValueFailsWithAMessageNamingTheVariable(String variable, String value) {
    assertThatThrownBy(() -> ConfigLoader.load(Environment.of(Map.of(variable, value))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith(variable);
  }

  @Test
  void aShortApiKeyStopsTheStartNamingTheVariableButNotTheKey() {
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Environment.of(Map.of("API_KEYS", "long-enough-key-0123,short-key1"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("API_KEYS")
        .hasMessageContaining("entry 2", "16")
        .hasMessageNotContaining("short-key1");
  }

  @Test
  void configuredKeysWithSharedStoresNeedAKeyIdSecret() {
    Map<String, String> shared =
        Map.of("API_KEYS", "team-key-0123456789", "REDIS_URL", "redis://127.0.0.1:6379");

    assertThatThrownBy(() -> ConfigLoader.load(Environment.of(shared)))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("KEY_ID_SECRET");
    Map<String, String> withSecret = new java.util.HashMap<>(shared);
    withSecret.put("KEY_ID_SECRET", "a-server-secret-0123456789");
    GatewayConfig one = ConfigLoader.load(Environment.of(withSecret));
    GatewayConfig two = ConfigLoader.load(Environment.of(withSecret));
    ApiKeySecret key = one.apiKeys().getFirst();
    assertThat(one.keyIds().idOf(key)).isEqualTo(two.keyIds().idOf(key));
    assertThat(key.hash().hex()).doesNotContain(one.keyIds().idOf(key).value());
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
        "# local settings\nexport PORT=9100\nAPI_KEYS=\"from-file-0123456789\"\nRATE_LIMIT_REQUESTS=7\n");

    Environment environment = Environment.load(Map.of("RATE_LIMIT_REQUESTS", "9"), directory);
    GatewayConfig config = ConfigLoader.load(environment);

    assertThat(config.http().publicListener().port()).isEqualTo(9100);
    assertThat(config.apiKeys())
        .extracting(key -> key.value())
        .containsExactly("from-file-0123456789");
    assertThat(config.defaultPlan().requests().orElseThrow().limit()).isEqualTo(9);
  }

  @Test
  void everyMongoDbCallIsBoundedByTheConfiguredTimeouts(@TempDir Path directory) {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "MONGODB_URI", "mongodb://db:27017/usage",
                    "USAGE_SPOOL_DIR", directory.toString(),
                    "MONGODB_TIMEOUT_MS", "1500",
                    "MONGODB_CONNECT_TIMEOUT_MS", "2500",
                    "MONGODB_SERVER_SELECTION_TIMEOUT_MS", "3500")));

    assertThat(config.mongo().orElseThrow().timeouts())
        .isEqualTo(
            new MongoSettings.Timeouts(
                Duration.ofMillis(1_500), Duration.ofMillis(2_500), Duration.ofMillis(3_500)));
  }

  @Test
  void mongoIsUsedWhenConfiguredWithTheDatabaseFromTheUriPath(@TempDir Path directory) {
    GatewayConfig config =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "MONGODB_URI", "mongodb://root:s3cret@db:27017/bedrock_usage?authSource=admin",
                    "USAGE_SPOOL_DIR", directory.resolve("spool").toString(),
                    "USAGE_RETENTION_DAYS", "30")));
    GatewayConfig withoutDatabase =
        ConfigLoader.load(
            Environment.of(
                Map.of(
                    "MONGODB_URI", "mongodb://db:27017", "USAGE_SPOOL_DIR", directory.toString())));

    MongoSettings mongo = config.mongo().orElseThrow();
    assertThat(mongo.database()).isEqualTo("bedrock_usage");
    assertThat(mongo.timeouts()).isEqualTo(MongoSettings.Timeouts.DEFAULTS);
    assertThat(mongo.retention()).isEqualTo(Duration.ofDays(30));
    assertThat(mongo.keyCacheTtl()).isEqualTo(ConfigLoader.DEFAULT_KEY_CACHE_TTL);
    assertThat(mongo.toString()).doesNotContain("s3cret");
    assertThat(withoutDatabase.mongo().orElseThrow().database()).isEqualTo("bedrock_gateway");
    assertThat(ConfigLoader.load(Environment.of(Map.of())).mongo()).isEmpty();
    assertThat(Files.exists(directory.resolve("spool"))).as("created by the ledger only").isFalse();
  }

  @Test
  void aBadMongoUriOrSpoolDirectoryNamesItsVariableAndNeverThePassword(@TempDir Path directory)
      throws IOException {
    Path file = Files.writeString(directory.resolve("file"), "x");

    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Environment.of(Map.of("MONGODB_URI", "postgres://u:s3cret@db/x"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("MONGODB_URI")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(
            () ->
                ConfigLoader.load(
                    Environment.of(
                        Map.of(
                            "MONGODB_URI",
                            "mongodb://db",
                            "USAGE_SPOOL_DIR",
                            file.resolve("spool").toString()))))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("USAGE_SPOOL_DIR");
  }

  @Test
  void theAdminApiIsOnlyOnWithAnAdminToken() {
    assertThat(ConfigLoader.load(Environment.of(Map.of())).http().adminToken()).isEmpty();
    assertThat(
            ConfigLoader.load(Environment.of(Map.of("ADMIN_TOKEN", "a-long-admin-token-123")))
                .http()
                .adminToken())
        .isPresent();
  }

  @Test
  void pricesFromAFileReplaceAndExtendTheShippedOnes(@TempDir Path directory) throws IOException {
    Path prices =
        Files.writeString(
            directory.resolve("prices.csv"),
            "model_id,input,output\namazon.nova-lite-v1:0,1,2\nacme.new-model-v1,5,10\n");

    PriceTable table =
        ConfigLoader.load(Environment.of(Map.of("MODEL_PRICES_FILE", prices.toString()))).prices();

    assertThat(table.cost(new ModelId("amazon.nova-lite-v1:0"), new TokenUsage(1_000_000, 0)))
        .contains(Usd.of("1"));
    assertThat(table.cost(new ModelId("acme.new-model-v1"), new TokenUsage(0, 1_000_000)))
        .contains(Usd.of("10"));
    assertThat(table.cost(new ModelId("amazon.nova-pro-v1:0"), new TokenUsage(1_000_000, 0)))
        .contains(Usd.of("0.80"));
  }
}
