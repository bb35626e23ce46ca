package io.bedrockgateway.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.bedrockgateway.application.port.in.RecordRejectionUseCase;
import io.bedrockgateway.application.port.in.RejectedRequest;
import io.bedrockgateway.application.port.in.UsageReportCommand;
import io.bedrockgateway.application.port.in.UsageReportCommand.Viewer;
import io.bedrockgateway.application.port.out.TestPrincipals;
import io.bedrockgateway.domain.cost.PriceTable;
import io.bedrockgateway.domain.error.GatewayException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.bedrockgateway.domain.error.Unauthorized;
import io.bedrockgateway.domain.key.ApiKeyRecord;
import io.bedrockgateway.domain.key.ApiKeySecret;
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
  private static final ApiKeySecret ALICE_KEY = new ApiKeySecret("bgw_alice_secret");
  private static final ApiKeySecret BOB_KEY = new ApiKeySecret("bgw_bob_secret");

  private final ApiKeyRecord alice =
      ApiKeyRecord.active(ALICE_KEY.hash(), TestPrincipals.unlimited());
  private final ApiKeyRecord bob = ApiKeyRecord.active(BOB_KEY.hash(), TestPrincipals.unlimited());
  private final KeysByHash keys = new KeysByHash(alice, bob);
  private final RecordingLedger ledger = new RecordingLedger();
  private final RecordRejectionUseCase rejections =
      new RecordRejectionService(keys, ledger, CLOCK, PriceTable.EMPTY);
  private final UsageReportService reports = new UsageReportService(keys, ledger, CLOCK);

  @Test
  void recordsARejectedBodyAgainstTheKeyThatSentIt() {
    rejections.record(rejection(Optional.of(ALICE_KEY), new InvalidRequest("messages: empty")));

    UsageEvent event = ledger.events.getFirst();
    assertThat(event.outcome()).isEqualTo(Outcome.REJECTED);
    assertThat(event.errorKind()).contains("invalid_request");
    assertThat(event.principal()).contains(alice.principal());
    assertThat(event.streamed()).isTrue();
  }

  @Test
  void recordsARejectionWithAnUnknownOrNoKeyWithoutAnOwner() {
    rejections.record(rejection(Optional.of(new ApiKeySecret("nope")), new PayloadTooLarge(10)));
    rejections.record(rejection(Optional.empty(), new PayloadTooLarge(10)));

    assertThat(ledger.events).allSatisfy(event -> assertThat(event.principal()).isEmpty());
    assertThat(ledger.events)
        .extracting(UsageEvent::errorKind)
        .containsOnly(Optional.of("payload_too_large"));
  }

  @Test
  void aKeyHolderSeesOnlyTheirOwnUsageAndTheOperatorEverything() {
    rejections.record(rejection(Optional.of(ALICE_KEY), new InvalidRequest("x")));
    rejections.record(rejection(Optional.of(BOB_KEY), new InvalidRequest("x")));

    UsageReport own = reports.report(command(new Viewer.KeyHolder(Optional.of(ALICE_KEY))));
    UsageReport all = reports.report(command(new Viewer.Operator()));

    assertThat(own.groups())
        .extracting(UsageGroup::group)
        .containsExactly(Optional.of(alice.keyId().value()));
    assertThat(all.total().requests()).isEqualTo(2);
  }

  @Test
  void aReportNeedsAValidKeyOrTheOperator() {
    assertThatThrownBy(() -> reports.report(command(new Viewer.KeyHolder(Optional.empty()))))
        .isInstanceOf(Unauthorized.class);
    assertThatThrownBy(
            () ->
                reports.report(
                    command(new Viewer.KeyHolder(Optional.of(new ApiKeySecret("wrong"))))))
        .isInstanceOf(Unauthorized.class);
  }

  private static UsageReportCommand command(Viewer viewer) {
    return new UsageReportCommand(
        viewer, NOW.minusSeconds(60), NOW.plusSeconds(60), UsageGrouping.KEY);
  }

  private static RejectedRequest rejection(Optional<ApiKeySecret> key, GatewayException reason) {
    return new RejectedRequest(
        key,
        Operation.CONVERSE_STREAM,
        new RequestContext(RequestId.generate(), NOW, Optional.of("10.0.0.1"), Optional.empty()),
        reason);
  }
}
