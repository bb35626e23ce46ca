package io.bedrockgateway.adapter.http.anthropic;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the Anthropic Messages surface passes on to Bedrock: the top-level body fields and the betas
 * ({@code anthropic-beta}) Bedrock accepts for Claude. Anything else a client sends (Claude Code
 * and the SDKs send fields and betas newer than Bedrock takes) is dropped, logged once per name,
 * rather than failing the request with Bedrock's "extraneous key" or "invalid beta flag".
 *
 * @param bodyFields {@value #BODY_FIELDS_VARIABLE}: the top-level members passed on; {@code model}
 *     and {@code stream} are the gateway's own and never passed on
 * @param betas {@value #BETAS_VARIABLE}: the betas passed on as {@code anthropic_beta}
 * @param pingInterval how long a stream may stay silent before a {@code ping} is sent: at most
 *     {@link #MAX_PING_INTERVAL}
 */
public record AnthropicSettings(Set<String> bodyFields, Set<String> betas, Duration pingInterval) {
  /** Anthropic's API pings at least this often while a model is silent; so does the gateway. */
  public static final Duration MAX_PING_INTERVAL = Duration.ofSeconds(15);

  public static final String BODY_FIELDS_VARIABLE = "ANTHROPIC_BEDROCK_BODY_FIELDS";
  public static final String BETAS_VARIABLE = "ANTHROPIC_BEDROCK_BETAS";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,99}");
  private static final List<String> REQUIRED_FIELDS = List.of("max_tokens", "messages");
  private static final List<String> GATEWAY_FIELDS =
      List.of("model", "stream", "anthropic_version", "anthropic_beta");

  /** What Bedrock accepts for Claude today. */
  public static final AnthropicSettings DEFAULTS =
      new AnthropicSettings(
          Set.of(
              "max_tokens",
              "messages",
              "system",
              "stop_sequences",
              "temperature",
              "top_p",
              "top_k",
              "tools",
              "tool_choice",
              "thinking",
              "metadata"),
          Set.of(
              "computer-use-2024-10-22",
              "computer-use-2025-01-24",
              "token-efficient-tools-2025-02-19",
              "interleaved-thinking-2025-05-14",
              "output-128k-2025-02-19",
              "dev-full-thinking-2025-05-14",
              "context-1m-2025-08-07",
              "context-management-2025-06-27",
              "effort-2025-11-24",
              "tool-search-tool-2025-10-19",
              "tool-examples-2025-10-29"),
          Duration.ofSeconds(10));

  public AnthropicSettings {
    bodyFields = Set.copyOf(Objects.requireNonNull(bodyFields, "bodyFields"));
    betas = Set.copyOf(Objects.requireNonNull(betas, "betas"));
    Objects.requireNonNull(pingInterval, "pingInterval");
    if (pingInterval.isNegative()
        || pingInterval.isZero()
        || pingInterval.compareTo(MAX_PING_INTERVAL) > 0) {
      throw new IllegalArgumentException(
          "pingInterval must be positive and at most " + MAX_PING_INTERVAL.toSeconds() + " s");
    }
    requireNames(BODY_FIELDS_VARIABLE, bodyFields);
    requireNames(BETAS_VARIABLE, betas);
    for (String required : REQUIRED_FIELDS) {
      if (!bodyFields.contains(required)) {
        throw new IllegalArgumentException(
            BODY_FIELDS_VARIABLE + " must include " + required + ": Bedrock requires it");
      }
    }
    for (String own : GATEWAY_FIELDS) {
      if (bodyFields.contains(own)) {
        throw new IllegalArgumentException(
            BODY_FIELDS_VARIABLE + " must not name " + own + ": the gateway sets it itself");
      }
    }
  }

  /** The settings of the two variables; an empty list keeps a variable's default. */
  public static AnthropicSettings of(List<String> bodyFields, List<String> betas) {
    return new AnthropicSettings(
        bodyFields.isEmpty() ? DEFAULTS.bodyFields : Set.copyOf(bodyFields),
        betas.isEmpty() ? DEFAULTS.betas : Set.copyOf(betas),
        DEFAULTS.pingInterval);
  }

  private static void requireNames(String variable, Collection<String> names) {
    for (String name : names) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            variable
                + " must list names of lower-case letters, digits, '_', '.' and '-', not '"
                + name
                + "'");
      }
    }
  }
}
