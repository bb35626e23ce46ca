package io.bedrockgateway.adapter.http;

import static io.bedrockgateway.adapter.http.TestServer.HELLO;
import static io.bedrockgateway.adapter.http.TestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.bedrockgateway.domain.error.ClientCancelled;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.NotFound;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.error.RateLimited;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.error.UpstreamFailed;
import io.bedrockgateway.domain.error.UpstreamRejected;
import io.bedrockgateway.domain.error.UpstreamThrottled;
import io.bedrockgateway.domain.error.UpstreamTimeout;
import io.bedrockgateway.domain.error.UpstreamUnavailable;
import io.bedrockgateway.domain.quota.LimitKind;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ErrorMappingTest {
  private final TestServer server = new TestServer();

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> everyGatewayFailure() {
    return Stream.of(
        Arguments.of(new InvalidRequest("bad field"), 400, "Invalid request"),
        Arguments.of(new PayloadTooLarge(10), 413, "Payload too large"),
        Arguments.of(new Unauthorized(Unauthorized.Reason.MISSING_KEY), 401, "API key required"),
        Arguments.of(new Unauthorized(Unauthorized.Reason.INVALID_KEY), 401, "Invalid API key"),
        Arguments.of(new Forbidden("model not allowed"), 403, "Forbidden"),
        Arguments.of(
            new RateLimited(LimitKind.REQUESTS, Duration.ofMillis(1500), Optional.empty()),
            429,
            "Rate limit exceeded"),
        Arguments.of(new UpstreamRejected("too long"), 400, "Rejected by the model"),
        Arguments.of(
            new UpstreamThrottled("slow down", Duration.ofSeconds(3)),
            429,
            "Model is throttling requests"),
        Arguments.of(new UpstreamUnavailable("not ready"), 503, "Model unavailable"),
        Arguments.of(new UpstreamTimeout("no answer"), 504, "Model timed out"),
        Arguments.of(new UpstreamFailed("internal error"), 502, "Model call failed"),
        Arguments.of(
            new DependencyUnavailable("limits cannot be checked"), 503, "Service unavailable"),
        Arguments.of(new NotFound("no such key"), 404, "Not Found"),
        Arguments.of(new ClientCancelled(new IOException("gone")), 499, "Client closed request"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("everyGatewayFailure")
  void everyGatewayFailureHasItsStatusAndBody(GatewayException failure, int status, String error) {
    server.converse.failsWith(failure);

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.statusCode()).isEqualTo(status);
    JsonNode body = json(response.body());
    assertThat(body.get("error").asText()).isEqualTo(error);
    assertThat(body.get("detail").asText()).isEqualTo(failure.getMessage());
    assertThat(body.get("request_id").asText())
        .isEqualTo(response.headers().firstValue("X-Request-ID").orElseThrow());
  }

  @Test
  void rateLimitedTellsWhenToRetryWhichLimitAndWhereTheKeyStands() {
    server.converse.failsWith(
        new RateLimited(
            LimitKind.REQUESTS,
            Duration.ofMillis(1500),
            Optional.of(FakeConverseUseCase.RATE_LIMIT)));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.headers().firstValue("Retry-After")).contains("2");
    assertThat(response.headers().firstValue("X-RateLimit-Limit")).contains("100");
    assertThat(response.headers().firstValue("X-RateLimit-Remaining")).contains("99");
    assertThat(response.headers().firstValue("X-RateLimit-Reset")).isPresent();
    JsonNode body = json(response.body());
    assertThat(body.get("retry_after").isIntegralNumber()).isTrue();
    assertThat(body.get("retry_after").asLong()).isEqualTo(2);
    assertThat(body.get("limit").asText()).isEqualTo("requests");
  }

  @Test
  void retryAfterIsAtLeastOneSecond() {
    server.converse.failsWith(new RateLimited(LimitKind.REQUESTS, Duration.ZERO, Optional.empty()));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.headers().firstValue("Retry-After")).contains("1");
    assertThat(json(response.body()).get("retry_after").asLong()).isEqualTo(1);
  }

  @Test
  void upstreamThrottlingAlsoTellsWhenToRetry() {
    server.converse.failsWith(new UpstreamThrottled("slow down", Duration.ofSeconds(3)));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.headers().firstValue("Retry-After")).contains("3");
    assertThat(json(response.body()).has("limit")).isFalse();
  }

  @Test
  void otherFailuresCarryNoRetryFields() {
    server.converse.failsWith(new Forbidden("model not allowed"));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
    assertThat(json(response.body()).has("retry_after")).isFalse();
  }

  @Test
  void anUnexpectedFailureIsA500WithoutInternals() {
    server.converse.failsWith(new IllegalStateException("secret internals"));

    HttpResponse<String> response = server.converse(HELLO);

    assertThat(response.statusCode()).isEqualTo(500);
    JsonNode body = json(response.body());
    assertThat(body.get("error").asText()).isEqualTo("Internal server error");
    assertThat(response.body()).doesNotContain("secret").doesNotContain("Exception");
    assertThat(body.get("request_id").asText()).isNotBlank();
  }
}
