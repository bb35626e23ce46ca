package io.bedrockgateway.emulator;

import io.bedrockgateway.emulator.Fault.FailAfterDeltas;
import io.bedrockgateway.emulator.Fault.Reject;
import io.bedrockgateway.emulator.Fault.StallAfterDeltas;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code [emulator:name]} and {@code [emulator:name=value]} directives found in the text of the
 * last user message: per-request overrides of the settings and fault injection. See the module's
 * README for the list.
 */
record Directives(
    OptionalInt answerTokens,
    Optional<Duration> timeToFirstToken,
    Optional<Duration> tokenDelay,
    Optional<Fault> fault,
    FaultScope faultScope,
    Optional<String> toolUse,
    boolean japanese) {

  /** Which requests a fault strikes; the default, every request that carries it. */
  record FaultScope(Optional<String> model, Optional<String> region, OptionalInt times) {}

  /** The value of {@code [emulator:tool-use]}, which names no tool: the request's first. */
  static final String FIRST_TOOL = "";

  static final int MAX_ANSWER_TOKENS = 100_000;

  private static final Pattern DIRECTIVE = Pattern.compile("\\[emulator:([^\\]]*)]");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  /**
   * Reads the directives of a text.
   *
   * @throws BedrockServiceException a ValidationException naming an unknown or malformed directive
   */
  static Directives parse(String text) {
    Parser parser = new Parser();
    Matcher matcher = DIRECTIVE.matcher(text);
    while (matcher.find()) {
      parser.apply(matcher.group(), matcher.group(1));
    }
    return parser.directives();
  }

  /** The text without its directives, whitespace runs collapsed to one space, and trimmed. */
  static String strip(String text) {
    String withoutDirectives = DIRECTIVE.matcher(text).replaceAll(" ");
    return WHITESPACE.matcher(withoutDirectives).replaceAll(" ").strip();
  }

  private static final class Parser {
    private Integer answerTokens;
    private Duration timeToFirstToken;
    private Duration tokenDelay;
    private Fault fault;
    private Integer failAfter;
    private ServiceError failType;
    private String faultModel;
    private String faultRegion;
    private Integer faultTimes;
    private String toolUse;
    private boolean japanese;

    void apply(String directive, String content) {
      int equals = content.indexOf('=');
      String name = equals < 0 ? content.strip() : content.substring(0, equals).strip();
      String value = equals < 0 ? null : content.substring(equals + 1).strip();
      switch (name) {
        case "tokens" -> answerTokens = number(directive, value, 1, MAX_ANSWER_TOKENS);
        case "ttft-ms" -> timeToFirstToken = milliseconds(directive, value);
        case "token-delay-ms" -> tokenDelay = milliseconds(directive, value);
        case "throttle" -> injectError(directive, value, ServiceError.THROTTLING);
        case "unavailable" -> injectError(directive, value, ServiceError.SERVICE_UNAVAILABLE);
        case "model-timeout" -> injectError(directive, value, ServiceError.MODEL_TIMEOUT);
        case "error" -> injectErrorWithStatus(directive, value);
        case "fail-after" -> failAfter = number(directive, value, 0, MAX_ANSWER_TOKENS);
        case "fail-type" -> failType = streamException(directive, value);
        case "stall-after" ->
            setFault(
                directive, new StallAfterDeltas(number(directive, value, 0, MAX_ANSWER_TOKENS)));
        case "fault-model" -> faultModel = required(directive, value);
        case "fault-region" -> faultRegion = required(directive, value);
        case "fault-times" -> faultTimes = number(directive, value, 1, Integer.MAX_VALUE);
        case "tool-use" -> toolUse = value == null ? FIRST_TOOL : value;
        case "language" -> japanese = language(directive, value);
        default ->
            throw invalid(
                directive,
                "unknown directive; known: tokens, ttft-ms, token-delay-ms, throttle, error,"
                    + " unavailable, model-timeout, fail-after, fail-type, stall-after,"
                    + " fault-model, fault-region, fault-times, tool-use, language");
      }
    }

    Directives directives() {
      if (failType != null && failAfter == null) {
        throw BedrockServiceException.validation(
            "Emulator directive [emulator:fail-type] needs [emulator:fail-after=N]");
      }
      if (failAfter != null) {
        ServiceError error = failType == null ? ServiceError.MODEL_STREAM_ERROR : failType;
        setFault("[emulator:fail-after=" + failAfter + "]", new FailAfterDeltas(failAfter, error));
      }
      boolean scoped = faultModel != null || faultRegion != null || faultTimes != null;
      if (scoped && fault == null) {
        throw BedrockServiceException.validation(
            "Emulator directives fault-model, fault-region and fault-times need a fault directive");
      }
      return new Directives(
          answerTokens == null ? OptionalInt.empty() : OptionalInt.of(answerTokens),
          Optional.ofNullable(timeToFirstToken),
          Optional.ofNullable(tokenDelay),
          Optional.ofNullable(fault),
          new FaultScope(
              Optional.ofNullable(faultModel),
              Optional.ofNullable(faultRegion),
              faultTimes == null ? OptionalInt.empty() : OptionalInt.of(faultTimes)),
          Optional.ofNullable(toolUse),
          japanese);
    }

    private void injectError(String directive, String value, ServiceError error) {
      if (value != null) {
        throw invalid(directive, "this directive takes no value");
      }
      setFault(directive, new Reject(error));
    }

    private void injectErrorWithStatus(String directive, String value) {
      String statusOrName = required(directive, value);
      Optional<ServiceError> error =
          statusOrName.chars().allMatch(Character::isDigit)
              ? ServiceError.injectableWithStatus(number(directive, value, 0, Integer.MAX_VALUE))
              : ServiceError.injectableNamed(statusOrName);
      setFault(
          directive,
          new Reject(
              error.orElseThrow(
                  () ->
                      invalid(
                          directive,
                          "supported: the statuses "
                              + ServiceError.injectableStatuses()
                              + " or a Bedrock error name such as ModelNotReadyException"))));
    }

    private void setFault(String directive, Fault newFault) {
      if (fault != null) {
        throw invalid(directive, "a request takes at most one fault directive");
      }
      fault = newFault;
    }

    private static ServiceError streamException(String directive, String value) {
      return ServiceError.streamExceptionOfType(required(directive, value))
          .orElseThrow(
              () -> invalid(directive, "supported types: " + ServiceError.streamExceptionTypes()));
    }

    private static boolean language(String directive, String value) {
      return switch (required(directive, value)) {
        case "en" -> false;
        case "ja" -> true;
        default -> throw invalid(directive, "expected en or ja");
      };
    }

    private static Duration milliseconds(String directive, String value) {
      return Duration.ofMillis(number(directive, value, 0, Integer.MAX_VALUE));
    }

    private static int number(String directive, String value, int min, int max) {
      String digits = required(directive, value);
      try {
        int number = Integer.parseInt(digits);
        if (number >= min && number <= max) {
          return number;
        }
      } catch (NumberFormatException notANumber) {
        // reported below, with the accepted range
      }
      throw invalid(directive, "expected a whole number from " + min + " to " + max);
    }

    private static String required(String directive, String value) {
      if (value == null || value.isEmpty()) {
        throw invalid(directive, "this directive needs a value");
      }
      return value;
    }

    private static BedrockServiceException invalid(String directive, String reason) {
      return BedrockServiceException.validation(
          "Invalid emulator directive " + directive + ": " + reason);
    }
  }
}
