package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.bedrockgateway.adapter.http.common.ErrorReply.StreamErrorType;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body of bounded size into a wire record. Problems become {@link
 * PayloadTooLarge} or an {@link InvalidRequest} that names the field, e.g. {@code temperature: must
 * be a number}: what no field may hold (malformed UTF-8 or JSON, duplicate fields, NUL characters,
 * numbers out of range, past {@link RequestLimits}) is refused by {@link JsonScreen} before the
 * body is mapped, and a body that is not an object ({@code null}, a list, a number) is refused too.
 */
public final class JsonBodyReader {
  private static final int CHUNK = 64 * 1024;

  private final ObjectMapper mapper;
  private final long maxBytes;
  private final BodyBudget budget;
  private final HttpTimeouts timeouts;

  public JsonBodyReader(ObjectMapper mapper, HttpLimits limits, HttpTimeouts timeouts) {
    this.mapper = mapper;
    this.maxBytes = limits.maxRequestBytes();
    this.budget = new BodyBudget(limits.maxBodyBytesInFlight());
    this.timeouts = timeouts;
  }

  /**
   * The body of {@code ctx}'s request, read within the body timeout; afterwards the connection may
   * stay silent as long as a stream may last, while the model answers.
   */
  public <T> T read(Context ctx, Class<T> type) {
    ConnectionTimeouts.silenceAllowed(ctx, timeouts.body());
    T body = read(ctx.bodyInputStream(), ctx.req().getContentLengthLong(), type);
    ConnectionTimeouts.silenceAllowed(ctx, timeouts.stream());
    return body;
  }

  /** A body as sent, and what it reads as. */
  public record Raw<T>(byte[] bytes, T value) {}

  /**
   * Like {@link #read(Context, Class)}, and the body's bytes as sent too, for a surface that passes
   * the body on unchanged.
   */
  public <T> Raw<T> readKeepingBytes(Context ctx, Class<T> type) {
    ConnectionTimeouts.silenceAllowed(ctx, timeouts.body());
    Raw<T> body =
        withBody(
            ctx.bodyInputStream(),
            ctx.req().getContentLengthLong(),
            bytes -> new Raw<>(bytes, parse(bytes, type)));
    ConnectionTimeouts.silenceAllowed(ctx, timeouts.stream());
    return body;
  }

  public <T> T read(InputStream body, long declaredLength, Class<T> type) {
    return withBody(body, declaredLength, bytes -> parse(bytes, type));
  }

  /** Like {@link #read}, but an empty body is no body rather than a mistake. */
  public <T> Optional<T> readIfAny(InputStream body, long declaredLength, Class<T> type) {
    return withBody(
        body,
        declaredLength,
        bytes -> bytes.length == 0 ? Optional.empty() : Optional.of(parse(bytes, type)));
  }

  /** Request body bytes held right now by requests being read. */
  public long bytesInFlight() {
    return budget.taken();
  }

  /**
   * Reads the body into memory and runs {@code use} on it, with its bytes counted against the
   * instance's budget until {@code use} returns.
   */
  private <T> T withBody(InputStream body, long declaredLength, Function<byte[], T> use) {
    if (declaredLength > maxBytes) {
      throw new PayloadTooLarge(maxBytes);
    }
    long deadline = System.nanoTime() + timeouts.body().toNanos();
    // a body without a declared length may be chunked: one byte past the limit tells an excess
    long expected = declaredLength >= 0 ? declaredLength : maxBytes + 1;
    long taken = 0;
    try (body) {
      byte[] bytes = new byte[0];
      int length = 0;
      while (length < expected) {
        if (length == bytes.length) {
          // grow as bytes arrive, so a declared length alone holds no memory
          int grown = (int) Math.min(Math.max(length * 2L, CHUNK), expected);
          if (!budget.tryTake(grown - length)) {
            throw busy();
          }
          taken += grown - length;
          bytes = Arrays.copyOf(bytes, grown);
        }
        int read = body.read(bytes, length, bytes.length - length);
        if (read < 0) {
          break;
        }
        length += read;
        if (System.nanoTime() - deadline > 0) {
          throw slow();
        }
      }
      if (length > maxBytes) {
        throw new PayloadTooLarge(maxBytes);
      }
      return use.apply(length == bytes.length ? bytes : Arrays.copyOf(bytes, length));
    } catch (IOException e) {
      if (System.nanoTime() - deadline > 0) {
        throw slow();
      }
      throw new InvalidRequest("the request body could not be read: " + e.getMessage());
    } finally {
      budget.release(taken);
    }
  }

  private HttpRefusal busy() {
    return new HttpRefusal(
        new ErrorReply(
            503,
            "Busy",
            "The gateway is reading too many request bodies at once; retry shortly.",
            StreamErrorType.CLIENT_ERROR,
            Optional.of(Duration.ofSeconds(1)),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()));
  }

  private HttpRefusal slow() {
    return new HttpRefusal(
        ErrorReply.of(
            408,
            "Request timeout",
            "The request body did not arrive within " + timeouts.body().toSeconds() + " seconds.",
            StreamErrorType.CLIENT_ERROR));
  }

  private <T> T parse(byte[] body, Class<T> type) {
    if (body.length == 0) {
      throw new InvalidRequest("the request body is empty: send a JSON object");
    }
    String json = JsonScreen.decode(body);
    JsonScreen.check(mapper.getFactory(), json);
    T value;
    try {
      value = mapper.readValue(json, type);
    } catch (JacksonException e) {
      throw new InvalidRequest(describe(e));
    }
    if (value == null) {
      throw new InvalidRequest("the request body must be a single JSON object, not null");
    }
    return value;
  }

  private static String describe(JacksonException problem) {
    for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
      if (cause instanceof InputCoercionException) {
        return field(problem) + ": the number is out of range";
      }
      if (cause instanceof StreamReadException syntax) {
        return "the request body is not valid JSON: "
            + syntax.getOriginalMessage()
            + JsonScreen.at(syntax.getLocation());
      }
    }
    if (problem instanceof MismatchedInputException mismatch) {
      return mismatch.getPath().isEmpty()
          ? "the request body must be a single JSON object"
          : field(mismatch) + ": must be " + expected(mismatch.getTargetType());
    }
    return field(problem) + ": " + problem.getOriginalMessage();
  }

  /** The JSON path of the problem, as {@code messages[1].content}. */
  private static String field(JacksonException problem) {
    if (!(problem instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "body";
    }
    String path =
        mapping.getPath().stream()
            .map(
                reference ->
                    reference.getFieldName() != null
                        ? "." + reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
            .collect(Collectors.joining());
    return path.startsWith(".") ? path.substring(1) : path;
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "of another JSON type";
    }
    if (type == Integer.class
        || type == Long.class
        || type == Short.class
        || type == BigInteger.class
        || type == int.class
        || type == long.class) {
      return "an integer";
    }
    if (Number.class.isAssignableFrom(type) || type == double.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "an object";
  }
}
