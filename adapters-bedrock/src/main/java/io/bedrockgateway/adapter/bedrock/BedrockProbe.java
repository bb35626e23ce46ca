package io.bedrockgateway.adapter.bedrock;

import io.bedrockgateway.application.port.out.DependencyProbe;
import io.bedrockgateway.domain.health.DependencyHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Bedrock without a paid call: whether the client's credentials resolve (checked at most once a
 * minute, as resolving may ask an instance or container endpoint), and how the last call ended.
 * Down only degrades the gateway: a bearer token may still sign calls.
 */
final class BedrockProbe implements DependencyProbe {
  private static final Duration RECHECK_AFTER = Duration.ofMinutes(1);
  private static final long RESOLVE_TIMEOUT_SECONDS = 5;

  private record CredentialCheck(Instant at, Optional<String> failure) {}

  private final BedrockClients clients;
  private final LastOutcome last;
  private final Clock clock;
  private volatile CredentialCheck credentials;

  BedrockProbe(BedrockClients clients, LastOutcome last, Clock clock) {
    this.clients = clients;
    this.last = last;
    this.clock = clock;
  }

  @Override
  public String name() {
    return "bedrock";
  }

  @Override
  public DependencyHealth check() {
    CredentialCheck check = credentials();
    return check
        .failure()
        .map(
            failure ->
                new DependencyHealth(
                    false,
                    false,
                    "credentials not resolvable: " + failure + "; " + last.describe()))
        .orElseGet(() -> DependencyHealth.up("credentials resolvable; " + last.describe()));
  }

  private CredentialCheck credentials() {
    CredentialCheck known = credentials;
    Instant now = clock.instant();
    if (known != null && known.at().plus(RECHECK_AFTER).isAfter(now)) {
      return known;
    }
    CredentialCheck fresh = new CredentialCheck(now, resolveFailure());
    credentials = fresh;
    return fresh;
  }

  private Optional<String> resolveFailure() {
    try {
      clients
          .streams(Optional.empty())
          .serviceClientConfiguration()
          .credentialsProvider()
          .resolveIdentity()
          .get(RESOLVE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      return Optional.empty();
    } catch (ExecutionException failed) {
      return Optional.of(String.valueOf(failed.getCause().getMessage()));
    } catch (TimeoutException slow) {
      return Optional.of("no answer within " + RESOLVE_TIMEOUT_SECONDS + " s");
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.of("interrupted");
    } catch (RuntimeException failed) {
      return Optional.of(String.valueOf(failed.getMessage()));
    }
  }
}
