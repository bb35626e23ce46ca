package io.bedrockgateway.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import io.bedrockgateway.domain.chat.TokenUsage;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.LimitKind;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link QuotaCounter} must do; each implementation runs it against itself. */
public abstract class QuotaCounterContract {

  /** A counter over fresh state, reading the real clock. */
  protected abstract QuotaCounter counter();

  /** Admits a small non-streamed request. */
  protected static AdmissionDecision admit(QuotaCounter counter, Principal principal) {
    return counter.admit(principal, RequestId.generate(), new Demand(10, Usd.ZERO, false));
  }

  @Test
  void admitsUpToTheLimitThenDeniesWithARetryTime() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(3, Duration.ofMinutes(1));

    List<AdmissionDecision> decisions = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      decisions.add(admit(counter, principal));
    }

    assertThat(decisions.subList(0, 3)).allMatch(AdmissionDecision.Admitted.class::isInstance);
    assertThat(decisions.subList(0, 3))
        .extracting(decision -> decision.status().orElseThrow().remaining())
        .containsExactly(2L, 1L, 0L);
    AdmissionDecision.Denied denied = (AdmissionDecision.Denied) decisions.get(3);
    assertThat(denied.limit()).isEqualTo(LimitKind.REQUESTS);
    assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
    assertThat(denied.status().orElseThrow().limit()).isEqualTo(3);
    assertThat(denied.status().orElseThrow().remaining()).isZero();
  }

  @Test
  void keysAreCountedSeparately() {
    QuotaCounter counter = counter();
    Principal first = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));
    Principal second = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));

    assertThat(admit(counter, first)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, first)).isInstanceOf(AdmissionDecision.Denied.class);
    assertThat(admit(counter, second)).isInstanceOf(AdmissionDecision.Admitted.class);
  }

  @Test
  void aDeniedRequestConsumesNothingAndTheWindowSlides() throws InterruptedException {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(2, Duration.ofSeconds(1));

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    for (int i = 0; i < 5; i++) {
      assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
    }
    Thread.sleep(1_100);

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Admitted.class);
    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
  }

  @Test
  void aPlanWithoutLimitsAlwaysAdmits() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.unlimited();

    for (int i = 0; i < 1_000; i++) {
      AdmissionDecision decision = admit(counter, principal);
      assertThat(decision).isInstanceOf(AdmissionDecision.Admitted.class);
      assertThat(decision.status()).isEmpty();
    }
  }

  @Test
  void concurrentAdmissionsNeverExceedTheLimit() throws Exception {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(50, Duration.ofMinutes(1));
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<AdmissionDecision>> attempts = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      attempts.add(
          () -> {
            start.await();
            return admit(counter, principal);
          });
    }

    List<Future<AdmissionDecision>> results;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<AdmissionDecision>> submitted = new ArrayList<>();
      attempts.forEach(attempt -> submitted.add(pool.submit(attempt)));
      start.countDown();
      results = submitted;
    }

    long admitted = 0;
    for (Future<AdmissionDecision> result : results) {
      if (result.get() instanceof AdmissionDecision.Admitted) {
        admitted++;
      }
    }
    assertThat(admitted).isEqualTo(50);
  }

  @Test
  void settlingAnAdmittedRequestKeepsTheRequestCount() {
    QuotaCounter counter = counter();
    Principal principal = TestPrincipals.withRequestLimit(1, Duration.ofMinutes(1));

    AdmissionDecision.Admitted admitted = (AdmissionDecision.Admitted) admit(counter, principal);
    counter.settle(
        admitted.reservation(), new Consumption(new TokenUsage(10, 20), Usd.of("0.0001")));

    assertThat(admit(counter, principal)).isInstanceOf(AdmissionDecision.Denied.class);
  }
}
