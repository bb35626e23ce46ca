package io.bedrockgateway.benchmarks.load;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-protocol server in memory (mongo-java-server) for the load benchmark when no {@code
 * MONGODB_URI} is given: {@code java -cp benchmarks.jar
 * io.bedrockgateway.benchmarks.load.MongoServerMain PORT}. Listens on 127.0.0.1 until stopped.
 */
public final class MongoServerMain {
  private MongoServerMain() {}

  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
    MongoServer server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", port);
    Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "mongo-shutdown"));
    InetSocketAddress address = server.getLocalAddress();
    System.out.println("MongoDB protocol server listening on 127.0.0.1:" + address.getPort());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
