package io.bedrockgateway.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoClientSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every wait on MongoDB is bounded: by the configured timeouts, or by the URI's own options. */
class MongoClientSettingsTest {
  private static final MongoSettings.Timeouts TIMEOUTS =
      new MongoSettings.Timeouts(
          Duration.ofMillis(1_500), Duration.ofMillis(2_500), Duration.ofMillis(3_500));

  @Test
  void theConfiguredTimeoutsBoundEveryOperationConnectionAndServerSelection() {
    MongoClientSettings driver = MongoStores.clientSettings(settings("mongodb://db:27017/usage"));

    assertThat(driver.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    assertThat(driver.getSocketSettings().getReadTimeout(TimeUnit.MILLISECONDS)).isEqualTo(1_500);
    assertThat(driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS))
        .isEqualTo(2_500);
    assertThat(driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
        .isEqualTo(3_500);
  }

  @Test
  void theUrisOwnOptionsWin() {
    MongoClientSettings driver =
        MongoStores.clientSettings(
            settings(
                "mongodb://db:27017/usage?timeoutMS=100&connectTimeoutMS=200"
                    + "&serverSelectionTimeoutMS=300"));

    assertThat(driver.getTimeout(TimeUnit.MILLISECONDS)).isEqualTo(100);
    assertThat(driver.getSocketSettings().getConnectTimeout(TimeUnit.MILLISECONDS)).isEqualTo(200);
    assertThat(driver.getClusterSettings().getServerSelectionTimeout(TimeUnit.MILLISECONDS))
        .isEqualTo(300);
  }

  @Test
  void aTimeoutMustBePositiveAndBounded() {
    assertThatThrownBy(
            () ->
                new MongoSettings.Timeouts(
                    Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("operation");
    assertThatThrownBy(
            () ->
                new MongoSettings.Timeouts(
                    Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("connect");
  }

  private static MongoSettings settings(String uri) {
    return new MongoSettings(uri, Path.of("spool"), Duration.ofDays(1), Duration.ZERO, 10)
        .withTimeouts(TIMEOUTS);
  }
}
