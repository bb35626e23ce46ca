package io.bedrockgateway.adapter.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import io.bedrockgateway.application.port.out.UsageBacklog;
import io.bedrockgateway.application.port.out.UsageLedger;
import io.bedrockgateway.domain.error.DependencyUnavailable;
import io.bedrockgateway.domain.usage.UsageEvent;
import io.bedrockgateway.domain.usage.UsageQuery;
import io.bedrockgateway.domain.usage.UsageReport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage in MongoDB, written off the request path: {@link #append} puts the event on a bounded queue
 * that one writer thread drains in batches, and never waits. When MongoDB cannot be reached, or
 * does not answer within its timeout, the writer puts batches in the on-disk {@link UsageSpool} and
 * replays them once it can, also after a restart; replays skip events already stored (by their
 * event id), so each is stored exactly once. When the queue is full, {@code append} hands the event
 * to a second bounded queue that a spooler thread writes to the spool, so a request never waits on
 * the writer, on MongoDB or on a disk; each overflow is counted and logged. Events are lost only
 * when both queues are full or the spool cannot be written: that is logged as an error, counted and
 * reported by the health probe.
 */
public final class MongoUsageLedger implements UsageLedger, UsageBacklog, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(MongoUsageLedger.class);
  private static final int BATCH_SIZE = 500;
  private static final Duration IDLE_POLL = Duration.ofMillis(200);
  private static final Duration RETRY_INTERVAL = Duration.ofSeconds(2);
  private static final Duration PING_INTERVAL = Duration.ofSeconds(10);
  private static final Duration ROLLUP_INTERVAL = Duration.ofMinutes(1);
  private static final Duration SCHEMA_RETRY_INTERVAL = Duration.ofMinutes(1);
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(60);

  private final MongoDatabase database;
  private final BlockingQueue<Document> queue;
  // what the queue could not take, for the spooler to write to disk
  private final BlockingQueue<Document> overflow;
  private final int queueCapacity;
  private final UsageSpool spool;
  private final UsageInserts inserts;
  private final UsageReports reports;
  private final DailyRollups rollups;
  private final MongoSchema schema;
  private final LedgerStatus status;
  private final Clock clock;
  private final Queue<CompletableFuture<Void>> flushRequests = new ConcurrentLinkedQueue<>();
  private final Queue<CompletableFuture<Void>> spoolerFlushRequests = new ConcurrentLinkedQueue<>();
  private final Thread writer;
  private final Thread spooler;
  private volatile boolean closing;
  private volatile boolean spoolerClosing;
  private volatile boolean closed;
  private boolean schemaReady;
  private Instant nextSchemaAttempt = Instant.MIN;
  private Instant nextAttempt = Instant.MIN;
  private Instant nextPing = Instant.MIN;
  private Instant nextRollup = Instant.MIN;

  MongoUsageLedger(MongoDatabase database, MongoSettings settings, Clock clock) throws IOException {
    this.database = database;
    this.clock = clock;
    this.queueCapacity = settings.queueCapacity();
    this.queue = new ArrayBlockingQueue<>(queueCapacity);
    this.overflow = new ArrayBlockingQueue<>(queueCapacity);
    this.spool = new UsageSpool(settings.spoolDirectory());
    var events = database.getCollection(UsageDocuments.COLLECTION);
    this.inserts = new UsageInserts(events);
    this.reports =
        new UsageReports(
            events, database.getCollection(DailyRollups.COLLECTION), clock, settings.retention());
    this.rollups = new DailyRollups(events, database.getCollection(DailyRollups.COLLECTION), clock);
    this.schema = new MongoSchema(database, settings.retention());
    this.status = new LedgerStatus(clock);
    if (spool.pendingEvents() > 0) {
      LOG.info(
          "{} usage events wait in the spool {}; they are replayed once MongoDB is reachable",
          spool.pendingEvents(),
          spool.directory());
    }
    this.writer = Thread.ofPlatform().name("usage-writer").unstarted(this::run);
    this.spooler = Thread.ofPlatform().name("usage-spooler").unstarted(this::spoolOverflow);
    writer.start();
    spooler.start();
  }

  /** Never waits: on the writer, on MongoDB or on the disk. */
  @Override
  public void append(UsageEvent event) {
    Document document = UsageDocuments.toDocument(event);
    if (closed) {
      // only after shutdown, when no thread of the ledger runs any more
      spill(List.of(document));
      return;
    }
    if (queue.offer(document)) {
      return;
    }
    long overflows = status.queueOverflowed();
    if (Long.bitCount(overflows) == 1) {
      LOG.warn(
          "The usage queue is full ({} events; {} times so far): MongoDB is slow or down,"
              + " usage events go to the spool {}",
          queueCapacity,
          overflows,
          spool.directory());
    }
    if (overflow.offer(document)) {
      return;
    }
    long lost =
        status.lost(
            1,
            "the usage queue and the spool's queue are full ("
                + queueCapacity
                + " events each): the disk is too slow");
    if (Long.bitCount(lost) == 1) {
      LOG.error(
          "Usage events are LOST ({} so far): the usage queue and the queue of the spool {}"
              + " are both full",
          lost,
          spool.directory());
    }
  }

  @Override
  public UsageReport report(UsageQuery query) {
    try {
      return reports.report(query);
    } catch (MongoException unreachable) {
      // The driver's exception stays here: only the gateway's own errors cross the port.
      LOG.warn("The usage store (MongoDB) failed a report: {}", unreachable.getMessage());
      throw new DependencyUnavailable("The usage store is unavailable; retry shortly.");
    }
  }

  /**
   * Returns once every event appended so far is in MongoDB or, if MongoDB cannot be reached, in the
   * spool; spooled events are replayed and daily rollups refreshed if MongoDB is reachable.
   */
  public void flush() {
    if (closed) {
      return;
    }
    // the overflow on disk first, for the writer to replay it
    await(spoolerFlushRequests);
    await(flushRequests);
  }

  private static void await(Queue<CompletableFuture<Void>> requests) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    requests.add(done);
    try {
      done.get(FLUSH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException stuck) {
      throw new IllegalStateException("the usage ledger did not flush in " + FLUSH_TIMEOUT, stuck);
    }
  }

  /**
   * Flushes, stops the writer and the spooler and leaves whatever MongoDB did not take in the
   * spool.
   */
  @Override
  public void close() {
    closing = true;
    join(writer);
    closed = true;
    spoolerClosing = true;
    join(spooler);
    List<Document> left = new ArrayList<>();
    queue.drainTo(left);
    overflow.drainTo(left);
    if (!left.isEmpty()) {
      spill(left);
    }
    try {
      spool.close();
    } catch (IOException e) {
      LOG.error("Closing the usage spool {} failed", spool.directory(), e);
    }
  }

  private static void join(Thread thread) {
    try {
      thread.join(FLUSH_TIMEOUT.toMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
    if (thread.isAlive()) {
      LOG.error(
          "The {} did not finish in {}; spooling what is left", thread.getName(), FLUSH_TIMEOUT);
    }
  }

  LedgerStatus.Snapshot status() {
    return status.snapshot();
  }

  @Override
  public long queued() {
    return queue.size();
  }

  int queueCapacity() {
    return queueCapacity;
  }

  @Override
  public long spooled() {
    return spool.pendingEvents();
  }

  @Override
  public long lost() {
    return status.snapshot().lost();
  }

  @Override
  public long overflowed() {
    return status.snapshot().queueOverflows();
  }

  Path spoolDirectory() {
    return spool.directory();
  }

  /** For tests: the spool, whose monitor every write to it holds. */
  UsageSpool spool() {
    return spool;
  }

  private void run() {
    List<Document> batch = new ArrayList<>(BATCH_SIZE);
    while (true) {
      Document first = next(queue);
      if (first != null) {
        batch.add(first);
        queue.drainTo(batch, BATCH_SIZE - 1);
        store(batch);
        batch.clear();
      }
      // taken before draining: each request's events were queued before it was made
      List<CompletableFuture<Void>> requests = taken(flushRequests);
      boolean flushing = closing || !requests.isEmpty();
      if (flushing) {
        for (queue.drainTo(batch, BATCH_SIZE); !batch.isEmpty(); queue.drainTo(batch, BATCH_SIZE)) {
          store(batch);
          batch.clear();
        }
      }
      maintain(flushing, first == null);
      requests.forEach(request -> request.complete(null));
      if (closing && queue.isEmpty()) {
        return;
      }
    }
  }

  /** Writes what the full queue could not take to the spool, in batches, until closed. */
  private void spoolOverflow() {
    List<Document> batch = new ArrayList<>(BATCH_SIZE);
    while (true) {
      List<CompletableFuture<Void>> requests = taken(spoolerFlushRequests);
      boolean stopping = spoolerClosing;
      Document first = requests.isEmpty() && !stopping ? next(overflow) : overflow.poll();
      for (; first != null; first = overflow.poll()) {
        batch.add(first);
        overflow.drainTo(batch, BATCH_SIZE - 1);
        spill(batch);
        batch.clear();
        if (requests.isEmpty() && !stopping) {
          break;
        }
      }
      requests.forEach(request -> request.complete(null));
      if (stopping && overflow.isEmpty()) {
        return;
      }
    }
  }

  private static List<CompletableFuture<Void>> taken(Queue<CompletableFuture<Void>> requests) {
    List<CompletableFuture<Void>> taken = new ArrayList<>();
    for (CompletableFuture<Void> request; (request = requests.poll()) != null; ) {
      taken.add(request);
    }
    return taken;
  }

  private static Document next(BlockingQueue<Document> from) {
    try {
      return from.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Replays the spool and refreshes rollups when due; pings an idle MongoDB for health. */
  private void maintain(boolean flushing, boolean idle) {
    Instant now = clock.instant();
    if (spool.pendingEvents() > 0
        && (flushing || status.isReachable() || !now.isBefore(nextAttempt))) {
      replaySpool();
    }
    if (status.isReachable() && (flushing || !now.isBefore(nextRollup))) {
      attempt(rollups::refresh);
      nextRollup = now.plus(ROLLUP_INTERVAL);
    }
    if (idle && !flushing && !now.isBefore(nextPing)) {
      nextPing = now.plus(PING_INTERVAL);
      attempt(() -> database.runCommand(new Document("ping", 1)));
    }
  }

  private void store(List<Document> batch) {
    if (!status.isReachable() && clock.instant().isBefore(nextAttempt)) {
      spill(batch);
      return;
    }
    boolean stored =
        attempt(
            () -> {
              status.written(inserts.insert(batch));
            });
    if (!stored) {
      spill(batch);
    }
  }

  private void replaySpool() {
    try {
      for (Path segment : spool.sealedSegments()) {
        boolean[] failed = {false};
        long events =
            spool.read(
                segment,
                BATCH_SIZE,
                documents -> {
                  if (!failed[0]) {
                    failed[0] =
                        !attempt(
                            () -> {
                              // spooled by an earlier version, perhaps: not yet in the rollups
                              documents.forEach(
                                  document ->
                                      document.putIfAbsent(
                                          UsageDocuments.ROLLUP, UsageDocuments.ROLLUP_PENDING));
                              status.replayed(inserts.insert(documents));
                            });
                  }
                });
        if (failed[0]) {
          return;
        }
        spool.replayed(segment, events);
      }
    } catch (IOException unreadable) {
      LOG.error("The usage spool {} cannot be read", spool.directory(), unreadable);
    }
  }

  /** Runs one MongoDB interaction, tracking reachability; returns whether it succeeded. */
  private boolean attempt(Runnable interaction) {
    try {
      ensureSchema();
      interaction.run();
      if (status.reached()) {
        LOG.info(
            "MongoDB is reachable again; {} spooled usage events are being replayed",
            spool.pendingEvents());
      }
      return true;
    } catch (MongoException failure) {
      nextAttempt = clock.instant().plus(RETRY_INTERVAL);
      if (status.unreachable(failure.getClass().getSimpleName() + ": " + failure.getMessage())) {
        LOG.warn(
            "MongoDB cannot be reached ({}): usage events go to the spool {} until it can",
            failure.getMessage(),
            spool.directory());
      }
      return false;
    } catch (RuntimeException bug) {
      LOG.error("The usage writer failed; the events stay in the spool", bug);
      return false;
    }
  }

  /**
   * Creates the indexes once MongoDB answers. A failure does not hold the writer back (the events
   * need no index to be stored): it is logged and tried again a minute later, e.g. while a first
   * index build on a large collection outlasts the operation timeout.
   */
  private void ensureSchema() {
    if (schemaReady || clock.instant().isBefore(nextSchemaAttempt)) {
      return;
    }
    try {
      schema.ensure();
      schemaReady = true;
    } catch (MongoException failure) {
      nextSchemaAttempt = clock.instant().plus(SCHEMA_RETRY_INTERVAL);
      LOG.warn(
          "The usage indexes could not be ensured ({}); trying again in {}",
          failure.getMessage(),
          SCHEMA_RETRY_INTERVAL);
    }
  }

  private void spill(List<Document> documents) {
    try {
      spool.append(documents);
      status.spooled(documents.size());
    } catch (IOException failure) {
      status.lost(documents.size(), failure.toString());
      LOG.error(
          "{} usage events are LOST: neither MongoDB nor the spool {} took them ({})",
          documents.size(),
          spool.directory(),
          failure.toString());
    }
  }
}
