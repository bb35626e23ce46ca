package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.error.Forbidden;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.request.RequestContext;
import io.bedrockgateway.domain.request.RequestId;
import io.bedrockgateway.domain.usage.Operation;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageGroup;
import io.bedrockgateway.domain.usage.UsageGrouping;
import io.bedrockgateway.domain.usage.UsageReport;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reporting, and the rejections recorded so that reports hold every request. */
class UsageReportServiceTest {
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final Principal alice = TestPrincipals.unlimited();
  private final Principal bob = TestPrincipals.unlimited();
  private final RecordingLedger ledger = new RecordingLedger();
  private final RecordRejectionUseCase rejections =
      new RecordRejectionService(ledger, CLOCK, PriceTable.EMPTY);
  private final UsageReportService reports = new UsageReportService(ledger);

  @Test
  void recordsARejectedBodyAgainstTheKeyThatSentIt() {
    rejections.record(rejection(alice, new InvalidRequest("messages: empty")));

    UsageEvent event = ledger.events.getFirst();
    assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(event.errorKind()).contains("invalid_request");
    assertThat(event.principal()).contains(alice);
    assertThat(event.streamed()).isTrue();
  }

  @Test
  void aKeyHolderSeesOnlyTheirOwnUsageAndTheOperatorEverything() {
    rejections.record(rejection(alice, new InvalidRequest("x")));
    rejections.record(rejection(bob, new PayloadTooLarge(10)));

    UsageReport own = reports.report(command(new Viewer.KeyHolder(alice)));
    UsageReport all = reports.report(command(new Viewer.Operator()));

    assertThat(own.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of(alice.keyId().value()));
    assertThat(own.total().requests()).isEqualTo(1);
    assertThat(all.total().requests()).isEqualTo(2);
  }

  @Test
  void aClientRequestIdNarrowsTheReportToTheRequestsThatSentIt() {
    RejectedRequest first = rejection(alice, new InvalidRequest("x"));
    rejections.record(first);
    rejections.record(rejection(alice, new InvalidRequest("y")));

    UsageReport one =
        reports.report(
            new UsageReportCommand(
                new Viewer.Operator(),
                NOW.minusSeconds(60),
                NOW.plusSeconds(60),
                UsageGrouping.KEY,
                Optional.empty(),
                Optional.of(first.context().requestId())));

    assertThat(one.total().requests()).isEqualTo(1);
  }

  @Test
  void theOperatorMayAskForOneKeyAndAKeyHolderOnlyForItsOwn() {
    rejections.record(rejection(alice, new InvalidRequest("x")));
    rejections.record(rejection(bob, new InvalidRequest("y")));
    rejections.record(rejection(bob, new InvalidRequest("z")));

    UsageReport bobs = reports.report(forKey(new Viewer.Operator(), bob));
    UsageReport alicesOwn = reports.report(forKey(new Viewer.KeyHolder(alice), alice));

    assertThat(bobs.total().requests()).isEqualTo(2);
    assertThat(bobs.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of(bob.keyId().value()));
    assertThat(alicesOwn.total().requests()).isEqualTo(1);
    assertThatThrownBy(() -> reports.report(forKey(new Viewer.KeyHolder(alice), bob)))
        .isInstanceOf(Forbidden.class);
  }

  private static UsageReportCommand forKey(Viewer viewer, Principal key) {
    return new UsageReportCommand(
        viewer,
        NOW.minusSeconds(60),
        NOW.plusSeconds(60),
        UsageGrouping.KEY,
        Optional.of(key.keyId()),
        Optional.empty());
  }

  private static UsageReportCommand command(Viewer viewer) {
    return new UsageReportCommand(
        viewer, NOW.minusSeconds(60), NOW.plusSeconds(60), UsageGrouping.KEY);
  }

  private static RejectedRequest rejection(Principal caller, GatewayException reason) {
    return new RejectedRequest(
        caller,
        Operation.CONVERSE_STREAM,
        new RequestContext(RequestId.generate(), NOW, Optional.of("10.0.0.1"), Optional.empty()),
        reason);
  }
}
