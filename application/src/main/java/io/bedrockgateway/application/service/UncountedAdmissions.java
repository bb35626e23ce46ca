package io.bedrockgateway.application.service;

import io.bedrockgateway.application.port.out.QuotaCounter;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Consumption;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.quota.Reservation;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Clock;
import java.util.Optional;

/** Admits everything and counts nothing: the {@link QuotaFailureMode#OPEN} stand-in. */
final class UncountedAdmissions implements QuotaCounter {
  private final Clock clock;

  UncountedAdmissions(Clock clock) {
    this.clock = clock;
  }

  @Override
  public AdmissionDecision admit(Principal principal, RequestId requestId, Demand demand) {
    Reservation reservation = Reservation.admit(principal, requestId, demand, clock.instant());
    return new AdmissionDecision.Admitted(reservation, Optional.empty());
  }

  @Override
  public void settle(Reservation reservation, Consumption actual) {}
}
