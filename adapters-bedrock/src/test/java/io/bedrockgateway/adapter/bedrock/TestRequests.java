package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.domain.catalog.ModelRoute;
import io.bedrockgateway.domain.chat.ChatMessage;
import io.bedrockgateway.domain.chat.ChatRequest;
import io.bedrockgateway.domain.chat.ChatStreamEvent;
import io.bedrockgateway.domain.chat.InferenceParameters;
import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.chat.Role;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Requests, settings and event helpers shared by the tests. */
final class TestRequests {

  static final ModelId NOVA_LITE = new ModelId("amazon.nova-lite-v1:0");
  static final ModelRoute NOVA_ROUTE = ModelRoute.direct(NOVA_LITE);
  static final ModelId INFERENCE_PROFILE_ARN =
      new ModelId(
          "arn:aws:bedrock:us-east-1:123456789012:inference-profile/"
              + "us.anthropic.claude-3-5-sonnet-20241022-v2:0");

  private TestRequests() {}

  /** One attempt and a breaker that never opens: each test sees exactly what the target did. */
  static final Resilience ONE_ATTEMPT =
      new Resilience(
          1,
          Duration.ofMillis(10),
          Duration.ofMillis(10),
          Duration.ofSeconds(1),
          50,
          100_000,
          Duration.ofSeconds(1));

  static BedrockSettings settings(URI endpoint) {
    return BedrockSettings.forRegion("us-east-1")
        .withEndpointOverride(endpoint)
        .withResilience(ONE_ATTEMPT);
  }

  static BedrockSettings settings(URI endpoint, Duration streamIdleTimeout, int maxConcurrency) {
    return new BedrockSettings(
            Optional.of(endpoint),
            "us-east-1",
            BedrockSettings.DEFAULT_CONNECT_TIMEOUT,
            streamIdleTimeout,
            BedrockSettings.DEFAULT_REQUEST_TIMEOUT,
            maxConcurrency)
        .withResilience(ONE_ATTEMPT);
  }

  static ChatRequest ask(String userText) {
    return ask(NOVA_LITE, userText);
  }

  static ChatRequest ask(ModelId model, String userText) {
    return new ChatRequest(
        Optional.of(model),
        List.of(ChatMessage.text(Role.USER, userText)),
        List.of(),
        InferenceParameters.DEFAULTS);
  }

  static String text(List<ChatStreamEvent> events) {
    return deltas(events).stream()
        .map(ChatStreamEvent.TextDelta::text)
        .collect(Collectors.joining());
  }

  static List<ChatStreamEvent.TextDelta> deltas(List<ChatStreamEvent> events) {
    return events.stream()
        .filter(ChatStreamEvent.TextDelta.class::isInstance)
        .map(ChatStreamEvent.TextDelta.class::cast)
        .toList();
  }
}
