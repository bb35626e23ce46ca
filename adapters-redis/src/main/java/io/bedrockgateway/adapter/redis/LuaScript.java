package io.bedrockgateway.adapter.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.async.RedisScriptingAsyncCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Lua script shipped as a resource, run by its digest so each call sends only the digest; Redis
 * is sent the body once, the first time it does not know the digest.
 */
final class LuaScript {
  private final String body;
  private volatile String digest;

  private LuaScript(String body) {
    this.body = body;
  }

  static LuaScript named(String resource) {
    try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the jar");
      }
      return new LuaScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }

  List<Object> run(
      RedisScriptingAsyncCommands<String, String> redis, String[] keys, String... args) {
    if (digest == null) {
      digest = redis.digest(body);
    }
    try {
      return Answer.of(redis.<List<Object>>evalsha(digest, ScriptOutputType.MULTI, keys, args));
    } catch (RedisNoScriptException unknownToThisServer) {
      return Answer.of(redis.<List<Object>>eval(body, ScriptOutputType.MULTI, keys, args));
    }
  }
}
