package io.bedrockgateway.benchmarks;

import io.bedrockgateway.adapter.redis.RedisConnection;
import io.bedrockgateway.adapter.redis.RedisQuotaCounter;
import io.bedrockgateway.adapter.redis.RedisSettings;
import io.bedrockgateway.domain.cost.Usd;
import io.bedrockgateway.domain.key.KeyId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.plan.Plan;
import io.bedrockgateway.domain.plan.RequestRate;
import io.bedrockgateway.domain.quota.AdmissionDecision;
import io.bedrockgateway.domain.quota.Demand;
import io.bedrockgateway.domain.request.RequestId;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * One admission against Redis (every limit of a plan, one script, one round trip), for keys drawn
 * at random from a few thousand, each on a plan that sets every limit. Redis is {@code REDIS_URL},
 * by default {@code redis://127.0.0.1:6379}.
 */
@State(Scope.Benchmark)
public class AdmissionBenchmark {
  private static final int KEYS = 5_000;
  private static final Plan EVERY_LIMIT =
      Plan.unlimited("benchmark")
          .withRequests(new RequestRate(1_000_000, Duration.ofMinutes(1)))
          .withTokensPerMinute(1_000_000_000L)
          .withTokensPerDay(1_000_000_000_000L)
          .withMonthlyBudget(Usd.of("1000000"))
          .withConcurrentStreams(1_000_000);
  private static final Demand DEMAND = new Demand(1_200, Usd.of("0.0150"), false);

  private RedisConnection connection;
  private RedisQuotaCounter counter;
  private Principal[] principals;

  @Setup
  public void connect() {
    String url = System.getenv().getOrDefault("REDIS_URL", "redis://127.0.0.1:6379");
    connection = RedisConnection.open(RedisSettings.of(url, false, Duration.ofSeconds(1)));
    counter = new RedisQuotaCounter(connection);
    principals =
        IntStream.range(0, KEYS)
            .mapToObj(
                i ->
                    new Principal(
                        new KeyId("bench" + i),
                        "bench" + i,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        EVERY_LIMIT,
                        Set.of()))
            .toArray(Principal[]::new);
  }

  @TearDown
  public void disconnect() {
    connection.close();
  }

  /** Latency of one admission, one caller at a time: p50, p99 and so on. */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public AdmissionDecision admit() {
    return admitSomeKey();
  }

  /** Admissions per second with 16 callers sharing the instance's one connection. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(16)
  public AdmissionDecision admitConcurrently() {
    return admitSomeKey();
  }

  private AdmissionDecision admitSomeKey() {
    Principal principal = principals[ThreadLocalRandom.current().nextInt(KEYS)];
    AdmissionDecision decision = counter.admit(principal, RequestId.generate(), DEMAND);
    if (!(decision instanceof AdmissionDecision.Admitted)) {
      throw new IllegalStateException("a benchmark admission was denied: " + decision);
    }
    return decision;
  }
}
