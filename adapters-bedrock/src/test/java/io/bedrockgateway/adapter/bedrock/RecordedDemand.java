package io.bedrockgateway.adapter.bedrock;

import java.util.ArrayList;
import java.util.List;
import org.reactivestreams.Subscription;

/** The SDK's side of a hand-off in tests: records each request for more events, in order. */
final class RecordedDemand implements Subscription {
  final List<Long> requested = new ArrayList<>();

  /** A hand-off subscribed to this demand, as the SDK subscribes it when the stream begins. */
  static <H extends StreamHandOff<?>> H subscribe(H handOff, RecordedDemand demand) {
    handOff.onSubscribe(demand);
    return handOff;
  }

  @Override
  public void request(long n) {
    requested.add(n);
  }

  @Override
  public void cancel() {}
}
