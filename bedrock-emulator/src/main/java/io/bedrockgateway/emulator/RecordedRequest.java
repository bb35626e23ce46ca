package io.bedrockgateway.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request the emulator received, as it arrived (recorded before validation).
 *
 * @param operation the operation the path named
 * @param modelId the model id, percent-decoded (an inference-profile ARN stays whole)
 * @param body the raw JSON body
 * @param headers the request headers, keyed by lower-case name
 */
public record RecordedRequest(
    BedrockOperation operation, String modelId, String body, Map<String, List<String>> headers) {

  public RecordedRequest {
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(modelId, "modelId");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  /** The first value of a header, looked up case-insensitively. */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)))
        .flatMap(values -> values.stream().findFirst());
  }
}
