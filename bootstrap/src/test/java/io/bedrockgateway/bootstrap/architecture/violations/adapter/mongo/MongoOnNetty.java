package io.bedrockgateway.bootstrap.architecture.violations.adapter.mongo;

/** Violates: Netty outside the Bedrock adapter. */
public class MongoOnNetty {
  public io.netty.channel.EventLoopGroup eventLoops;
}
