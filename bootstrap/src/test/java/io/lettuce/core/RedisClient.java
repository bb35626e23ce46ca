package io.lettuce.core;

/**
 * A stand-in with Lettuce's name, so the architecture test can show that its rule catches Lettuce
 * outside the Redis adapter. Delete it once the real Lettuce is on this module's test classpath.
 */
public final class RedisClient {}
