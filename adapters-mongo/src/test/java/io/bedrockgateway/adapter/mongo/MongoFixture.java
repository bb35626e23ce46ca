package io.bedrockgateway.adapter.mongo;

import com.mongodb.ConnectionString;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.UUID;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The MongoDB tests run against, started once per test JVM: {@code MONGODB_URI} if set, else a
 * {@code mongo:7} container when Docker is available, else the in-process mongo-java-server (the
 * real wire protocol and the real driver). Each test gets a database of its own.
 */
public final class MongoFixture {
  /** Short waits, so that outage tests notice a dead server quickly. */
  private static final String TEST_OPTIONS = "serverSelectionTimeoutMS=1000&connectTimeoutMS=1000";

  private static MongoFixture shared;

  private final String baseUri;
  private final InetSocketAddress address;
  private final String kind;

  private MongoFixture(String baseUri, InetSocketAddress address, String kind) {
    this.baseUri = baseUri;
    this.address = address;
    this.kind = kind;
  }

  public static synchronized MongoFixture shared() {
    if (shared == null) {
      shared = start();
    }
    return shared;
  }

  /** A URI for a fresh database of its own, e.g. {@code mongodb://host:port/test_ab12?...}. */
  public String freshDatabaseUri() {
    return uri("test_" + UUID.randomUUID().toString().replace("-", ""));
  }

  /** A URI for database {@code database}, reached directly. */
  public String uri(String database) {
    return uriFor(baseUri, database);
  }

  /** A URI of database {@code database}, reached through {@code proxy}. */
  public static String viaProxy(OutageProxy proxy, String database) {
    return "mongodb://127.0.0.1:"
        + proxy.port()
        + "/"
        + database
        + "?directConnection=true&"
        + TEST_OPTIONS;
  }

  /** Where a proxy should forward to: one server, whatever the URI lists. */
  public InetSocketAddress address() {
    return address;
  }

  public String kind() {
    return kind;
  }

  private static MongoFixture start() {
    Optional<String> configured =
        Optional.ofNullable(System.getenv("MONGODB_URI")).filter(uri -> !uri.isBlank());
    if (configured.isPresent() && !configured.get().startsWith("mongodb+srv:")) {
      ConnectionString uri = new ConnectionString(configured.get());
      String first = uri.getHosts().getFirst();
      int colon = first.lastIndexOf(':');
      InetSocketAddress address =
          colon < 0
              ? new InetSocketAddress(first, 27017)
              : new InetSocketAddress(
                  first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
      return new MongoFixture(configured.get(), address, "MONGODB_URI");
    }
    if (dockerAvailable()) {
      MongoDBContainer container = new MongoDBContainer("mongo:7");
      container.start();
      InetSocketAddress address =
          new InetSocketAddress(container.getHost(), container.getMappedPort(27017));
      return new MongoFixture(
          "mongodb://"
              + address.getHostString()
              + ":"
              + address.getPort()
              + "/?directConnection=true",
          address,
          "Testcontainers mongo:7");
    }
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    InetSocketAddress address = server.getLocalAddress();
    return new MongoFixture(
        "mongodb://127.0.0.1:" + address.getPort() + "/", address, "in-process mongo-java-server");
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError noDocker) {
      return false;
    }
  }

  /**
   * {@code base} with its database replaced, keeping its options and its authentication database.
   */
  static String uriFor(String base, String database) {
    int authorityStart = base.indexOf("://") + 3;
    int query = base.indexOf('?', authorityStart);
    int path = base.indexOf('/', authorityStart);
    int authorityEnd =
        path >= 0 && (query < 0 || path < query) ? path : query >= 0 ? query : base.length();
    String originalDatabase =
        path >= 0 && (query < 0 || path < query)
            ? base.substring(path + 1, query >= 0 ? query : base.length())
            : "";
    String options = query >= 0 ? base.substring(query + 1) : "";
    boolean hasCredentials = base.substring(authorityStart, authorityEnd).contains("@");
    if (hasCredentials && !originalDatabase.isEmpty() && !options.contains("authSource=")) {
      options = join(options, "authSource=" + originalDatabase);
    }
    return base.substring(0, authorityEnd) + "/" + database + "?" + join(options, TEST_OPTIONS);
  }

  private static String join(String options, String more) {
    return options.isEmpty() ? more : options + "&" + more;
  }
}
