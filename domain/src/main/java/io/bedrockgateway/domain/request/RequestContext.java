package io.bedrockgateway.domain.request;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Facts about a request that are not part of what it asks for.
 *
 * @param surface the API the request came through
 * @param endUser the caller's own label for its end user (OpenAI's {@code user}), recorded, never a
 *     key to anything
 * @param sessionId the client's session label (Claude Code's {@code x-claude-code-session-id}),
 *     recorded, never a key to anything
 */
public record RequestContext(
    RequestId requestId,
    Instant receivedAt,
    Optional<String> clientIp,
    Optional<String> userAgent,
    ApiSurface surface,
    Optional<String> endUser,
    Optional<String> sessionId) {
  /** The longest label a client may attach ({@link #endUser}, {@link #sessionId}). */
  public static final int MAX_LABEL_LENGTH = 256;

  public RequestContext {
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(clientIp, "clientIp");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(surface, "surface");
    endUser.ifPresent(label -> requireLabel(label, "user"));
    sessionId.ifPresent(label -> requireLabel(label, "session id"));
  }

  /** A request to the native API, without client labels. */
  public RequestContext(
      RequestId requestId,
      Instant receivedAt,
      Optional<String> clientIp,
      Optional<String> userAgent) {
    this(
        requestId,
        receivedAt,
        clientIp,
        userAgent,
        ApiSurface.NATIVE,
        Optional.empty(),
        Optional.empty());
  }

  /** This request, labelled with the client's end user. */
  public RequestContext withEndUser(Optional<String> user) {
    return new RequestContext(requestId, receivedAt, clientIp, userAgent, surface, user, sessionId);
  }

  private static void requireLabel(String label, String name) {
    if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException(
          name + " must have 1 to " + MAX_LABEL_LENGTH + " characters");
    }
    for (int i = 0; i < label.length(); i++) {
      if (Character.isISOControl(label.charAt(i))) {
        throw new IllegalArgumentException(name + " must not contain control characters");
      }
    }
  }
}
