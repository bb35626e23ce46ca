package io.bedrockgateway.benchmarks.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Streams through the gateway, nginx or straight to the emulator, and times each: to the first
 * token ({@code contentBlockDelta}, which names a token event in both Bedrock's binary event stream
 * and the gateway's SSE) and to the last byte of the answer. Plain sockets and one HTTP/1.1 request
 * per connection, so the client costs the same against every target.
 *
 * <pre>
 * java -cp benchmarks.jar io.bedrockgateway.benchmarks.load.StreamProbe URL BODY_FILE STREAMS CONCURRENCY [HEADER...]
 * </pre>
 *
 * Prints one line {@code RESULT streams=.. completed=.. failed=.. ttft_p50_us=.. ttft_p99_us=..
 * last_p50_us=.. last_p99_us=..}. With CONCURRENCY equal to STREAMS every stream is opened at once
 * (the open-streams check): {@code ALL_STREAMING} is printed once every stream has had its first
 * token, so the caller can look at the gateway while all of them are open. {@code -Dramp.ms=N}
 * spreads the starts of the CONCURRENCY workers evenly over N ms.
 */
public final class StreamProbe {
  private static final byte[] TOKEN_MARK = "contentBlockDelta".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_MARK = "metadata".getBytes(StandardCharsets.US_ASCII);
  private static final int CONNECT_TIMEOUT_MS = 30_000;
  private static final int READ_TIMEOUT_MS = 120_000;

  private StreamProbe() {}

  /**
   * One stream's times, in nanoseconds from sending the request (negative if it failed), and why it
   * failed (empty if it completed).
   */
  record Timing(long firstToken, long lastByte, boolean completed, String failure) {}

  public static void main(String[] args) throws Exception {
    if (args.length < 4) {
      System.err.println("usage: StreamProbe URL BODY_FILE STREAMS CONCURRENCY [Header:value ...]");
      System.exit(2);
    }
    URI url = URI.create(args[0]);
    byte[] body = Files.readAllBytes(Path.of(args[1]));
    int streams = Integer.parseInt(args[2]);
    int concurrency = Integer.parseInt(args[3]);
    byte[] request = request(url, body, Arrays.copyOfRange(args, 4, args.length));
    InetSocketAddress address = new InetSocketAddress(url.getHost(), url.getPort());

    CountDownLatch streaming = new CountDownLatch(streams);
    AtomicInteger next = new AtomicInteger();
    List<Timing> timings = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<List<Timing>>> workers = new ArrayList<>();
      long rampMillis = Long.getLong("ramp.ms", 0);
      for (int worker = 0; worker < concurrency; worker++) {
        long startAfter = rampMillis * worker / concurrency;
        workers.add(
            threads.submit(
                () -> {
                  Thread.sleep(startAfter);
                  List<Timing> mine = new ArrayList<>();
                  while (next.getAndIncrement() < streams) {
                    mine.add(stream(address, request, streaming));
                  }
                  return mine;
                }));
      }
      if (concurrency >= streams) {
        // Every stream open at once: tell the caller when all of them are answering.
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    streaming.await();
                    System.out.println("ALL_STREAMING");
                    System.out.flush();
                  } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                  }
                });
      }
      for (Future<List<Timing>> worker : workers) {
        timings.addAll(worker.get());
      }
    }
    System.out.println(summary(timings));
  }

  private static byte[] request(URI url, byte[] body, String[] headers) {
    StringBuilder head =
        new StringBuilder()
            .append("POST ")
            .append(url.getRawPath())
            .append(" HTTP/1.1\r\nHost: ")
            .append(url.getHost())
            .append(':')
            .append(url.getPort())
            .append("\r\nContent-Type: application/json\r\nConnection: close\r\n");
    for (String header : headers) {
      head.append(header).append("\r\n");
    }
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.US_ASCII);
    byte[] whole = Arrays.copyOf(start, start.length + body.length);
    System.arraycopy(body, 0, whole, start.length, body.length);
    return whole;
  }

  private static Timing stream(
      InetSocketAddress address, byte[] request, CountDownLatch streaming) {
    long firstToken = -1;
    long lastByte = -1;
    boolean ok = false;
    boolean sawEnd = false;
    String failure = "";
    long started = System.nanoTime();
    try (Socket socket = new Socket()) {
      socket.setTcpNoDelay(true);
      socket.setSoTimeout(READ_TIMEOUT_MS);
      socket.connect(address, CONNECT_TIMEOUT_MS);
      started = System.nanoTime();
      OutputStream out = socket.getOutputStream();
      out.write(request);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      Matcher token = new Matcher(TOKEN_MARK);
      Matcher end = new Matcher(END_MARK);
      boolean statusRead = false;
      int read;
      while ((read = in.read(buffer)) > 0) {
        long now = System.nanoTime();
        if (!statusRead) {
          String status = new String(buffer, 0, Math.min(read, 12), StandardCharsets.US_ASCII);
          if (!status.startsWith("HTTP/1.1 200")) {
            failure = status.strip();
            break;
          }
          statusRead = true;
        }
        if (firstToken < 0 && token.feed(buffer, read)) {
          firstToken = now - started;
          streaming.countDown();
        }
        if (!sawEnd) {
          sawEnd = end.feed(buffer, read);
        }
        lastByte = now - started;
      }
      ok = statusRead && firstToken >= 0 && sawEnd;
      if (!ok && failure.isEmpty()) {
        failure = !statusRead ? "no answer" : firstToken < 0 ? "no token" : "no metadata event";
      }
    } catch (IOException failed) {
      ok = false;
      failure = failed.getClass().getSimpleName();
    }
    if (firstToken < 0) {
      streaming.countDown();
    }
    return new Timing(firstToken, lastByte, ok, failure);
  }

  /** Finds a marker in a byte stream, across buffer boundaries. */
  private static final class Matcher {
    private final byte[] mark;
    private int matched;

    Matcher(byte[] mark) {
      this.mark = mark;
    }

    boolean feed(byte[] buffer, int length) {
      for (int i = 0; i < length; i++) {
        if (buffer[i] == mark[matched]) {
          if (++matched == mark.length) {
            matched = 0;
            return true;
          }
        } else {
          matched = buffer[i] == mark[0] ? 1 : 0;
        }
      }
      return false;
    }
  }

  private static String summary(List<Timing> timings) {
    long[] first =
        timings.stream().filter(Timing::completed).mapToLong(Timing::firstToken).sorted().toArray();
    long[] last =
        timings.stream().filter(Timing::completed).mapToLong(Timing::lastByte).sorted().toArray();
    return String.format(
        Locale.ROOT,
        "RESULT streams=%d completed=%d failed=%d ttft_p50_us=%d ttft_p99_us=%d last_p50_us=%d"
            + " last_p99_us=%d failures=%s",
        timings.size(),
        first.length,
        timings.size() - first.length,
        micros(first, 0.50),
        micros(first, 0.99),
        micros(last, 0.50),
        micros(last, 0.99),
        failures(timings));
  }

  /** Why streams failed, e.g. {@code SocketTimeoutException:3,HTTP/1.1_429:2}; "-" if none did. */
  private static String failures(List<Timing> timings) {
    Map<String, Long> counts =
        timings.stream()
            .filter(timing -> !timing.completed())
            .collect(
                Collectors.groupingBy(
                    timing -> timing.failure().replace(' ', '_'),
                    TreeMap::new,
                    Collectors.counting()));
    return counts.isEmpty()
        ? "-"
        : counts.entrySet().stream()
            .map(entry -> entry.getKey() + ":" + entry.getValue())
            .collect(Collectors.joining(","));
  }

  private static long micros(long[] sortedNanos, double quantile) {
    if (sortedNanos.length == 0) {
      return -1;
    }
    int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
    return TimeUnit.NANOSECONDS.toMicros(sortedNanos[Math.max(0, index)]);
  }
}
