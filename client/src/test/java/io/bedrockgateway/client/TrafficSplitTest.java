package io.bedrockgateway.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TrafficSplitTest {

  /** The same buckets Python's hashlib gives (see client/python/bedrock_service.py). */
  @ParameterizedTest
  @CsvSource({"user-1,94", "user-42,29", "session-7f3a,57", "Zoë,48"})
  void aKeysBucketIsTheFirstEightBytesOfItsSha256Modulo100(String key, int bucket) {
    assertThat(TrafficSplit.bucket(key)).isEqualTo(bucket);
  }

  @Test
  void thirtyPercentSendsThirtyPercentOfAThousandKeysToTheGatewayGiveOrTakeFour() {
    TrafficSplit split = new TrafficSplit(true, 30);

    long toGateway =
        IntStream.range(0, 1000)
            .mapToObj(user -> split.decide("user-" + user))
            .filter(route -> route.path() == Path.GATEWAY)
            .count();

    assertThat(toGateway).isBetween(260L, 340L);
  }

  @Test
  void eachKeysPathIsTheSameForEverySplitAtThatPercentage() {
    IntStream.range(0, 1000)
        .mapToObj(user -> "user-" + user)
        .forEach(
            key ->
                assertThat(new TrafficSplit(true, 30).decide(key))
                    .isEqualTo(new TrafficSplit(true, 30).decide(key)));
  }

  @Test
  void aKeyOnTheGatewayStaysOnItAsThePercentageGrows() {
    int[] steps = {0, 5, 25, 50, 100};
    IntStream.range(0, 1000)
        .mapToObj(user -> "user-" + user)
        .forEach(
            key -> {
              boolean onGateway = false;
              for (int percentage : steps) {
                boolean now = new TrafficSplit(true, percentage).decide(key).path() == Path.GATEWAY;
                assertThat(now || !onGateway).as("%s at %d %%", key, percentage).isTrue();
                onGateway = now;
              }
              assertThat(onGateway).isTrue();
            });
  }

  @Test
  void withTheFlagOffEveryKeyGoesDirectWhateverThePercentage() {
    Route route = new TrafficSplit(false, 100).decide("user-1");

    assertThat(route.path()).isEqualTo(Path.DIRECT);
    assertThat(route.reason()).isEqualTo(RouteReason.GATEWAY_OFF);
    assertThat(route.bucket()).isEqualTo(94);
  }

  @Test
  void theDecisionSaysWhy() {
    assertThat(new TrafficSplit(true, 95).decide("user-1"))
        .isEqualTo(new Route(Path.GATEWAY, RouteReason.IN_GATEWAY_SHARE, 94, null));
    assertThat(new TrafficSplit(true, 94).decide("user-1"))
        .isEqualTo(new Route(Path.DIRECT, RouteReason.OUTSIDE_GATEWAY_SHARE, 94, null));
  }

  @Test
  void aRoutingKeyIsRequired() {
    assertThatThrownBy(() -> TrafficSplit.bucket("")).hasMessageContaining("routing key");
    assertThatThrownBy(() -> TrafficSplit.bucket(null)).hasMessageContaining("routing key");
  }
}
