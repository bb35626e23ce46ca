package io.bedrockgateway.adapter.mongo;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Usage documents that could not be written to MongoDB, on local disk until they can: append-only
 * segment files of one Extended JSON document per line, each append forced to disk. A segment is
 * replayed only once sealed, i.e. no longer written to; segments left by an earlier run are sealed.
 * Thread-safe.
 */
final class UsageSpool {
  private static final Logger LOG = LoggerFactory.getLogger(UsageSpool.class);
  private static final String PREFIX = "usage-";
  private static final String SUFFIX = ".jsonl";
  private static final long MAX_SEGMENT_BYTES = 16L * 1024 * 1024;
  // Extended JSON keeps every BSON type (dates, 64-bit integers, decimals) exactly
  private static final JsonWriterSettings EXACT =
      JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  private final Path directory;
  private final AtomicLong pending = new AtomicLong();
  private FileChannel open;
  private long sequence;

  UsageSpool(Path directory) throws IOException {
    this.directory = Files.createDirectories(directory);
    for (Path segment : sealedSegments()) {
      try (BufferedReader reader = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
        pending.addAndGet(reader.lines().filter(line -> !line.isBlank()).count());
      }
    }
  }

  Path directory() {
    return directory;
  }

  synchronized void append(List<Document> documents) throws IOException {
    StringBuilder lines = new StringBuilder();
    documents.forEach(document -> lines.append(document.toJson(EXACT)).append('\n'));
    FileChannel channel = segment();
    ByteBuffer bytes = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
    channel.force(false);
    pending.addAndGet(documents.size());
    if (channel.size() >= MAX_SEGMENT_BYTES) {
      seal();
    }
  }

  /** Seals the segment being written and lists every sealed one, oldest first. */
  synchronized List<Path> sealedSegments() throws IOException {
    seal();
    List<Path> segments = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      files.forEach(segments::add);
    }
    segments.sort(null);
    return segments;
  }

  /**
   * Hands each document of a sealed segment to {@code batch}, {@code size} at a time, and returns
   * how many there were.
   */
  long read(Path segment, int size, Consumer<List<Document>> batch) throws IOException {
    long count = 0;
    List<Document> batchOf = new ArrayList<>(size);
    try (BufferedReader reader = Files.newBufferedReader(segment, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank()) {
          continue;
        }
        count++;
        parse(segment, line, batchOf);
        if (batchOf.size() == size) {
          batch.accept(List.copyOf(batchOf));
          batchOf.clear();
        }
      }
    }
    if (!batchOf.isEmpty()) {
      batch.accept(List.copyOf(batchOf));
    }
    return count;
  }

  /** Removes a segment whose {@code events} are all stored now. */
  void replayed(Path segment, long events) throws IOException {
    Files.deleteIfExists(segment);
    pending.addAndGet(-events);
  }

  /** Events on disk, waiting for MongoDB. */
  long pendingEvents() {
    return Math.max(0, pending.get());
  }

  synchronized void close() throws IOException {
    seal();
  }

  private static void parse(Path segment, String line, List<Document> into) {
    try {
      into.add(Document.parse(line));
    } catch (RuntimeException torn) {
      // only a crash in the middle of an append leaves a partial last line
      LOG.error("Skipping an unreadable line in usage spool segment {}", segment.getFileName());
    }
  }

  private FileChannel segment() throws IOException {
    if (open == null) {
      Path path =
          directory.resolve(
              PREFIX
                  + String.format("%020d-%06d", System.currentTimeMillis(), sequence++)
                  + SUFFIX);
      open =
          FileChannel.open(
              path,
              StandardOpenOption.CREATE_NEW,
              StandardOpenOption.WRITE,
              StandardOpenOption.APPEND);
    }
    return open;
  }

  private void seal() throws IOException {
    if (open != null) {
      open.close();
      open = null;
    }
  }
}
