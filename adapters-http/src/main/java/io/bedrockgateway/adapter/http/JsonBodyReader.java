package io.bedrockgateway.adapter.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.bedrockgateway.domain.error.InvalidRequest;
import io.bedrockgateway.domain.error.PayloadTooLarge;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body of bounded size into a wire record. Problems become {@link
 * PayloadTooLarge} or an {@link InvalidRequest} that names the field, e.g. {@code temperature: must
 * be a number}: what no field may hold (malformed UTF-8 or JSON, duplicate fields, NUL characters,
 * numbers out of range, past {@link RequestLimits}) is refused by {@link JsonScreen} before the
 * body is mapped, and a body that is not an object ({@code null}, a list, a number) is refused too.
 */
final class JsonBodyReader {
  private final ObjectMapper mapper;
  private final long maxBytes;

  JsonBodyReader(ObjectMapper mapper, long maxBytes) {
    this.mapper = mapper;
    this.maxBytes = maxBytes;
  }

  /** The body of {@code ctx}'s request. */
  <T> T read(Context ctx, Class<T> type) {
    return read(ctx.bodyInputStream(), ctx.req().getContentLengthLong(), type);
  }

  <T> T read(InputStream body, long declaredLength, Class<T> type) {
    return parse(readBounded(body, declaredLength), type);
  }

  /** Like {@link #read}, but an empty body is no body rather than a mistake. */
  <T> Optional<T> readIfAny(InputStream body, long declaredLength, Class<T> type) {
    byte[] bytes = readBounded(body, declaredLength);
    return bytes.length == 0 ? Optional.empty() : Optional.of(parse(bytes, type));
  }

  private byte[] readBounded(InputStream body, long declaredLength) {
    if (declaredLength > maxBytes) {
      throw new PayloadTooLarge(maxBytes);
    }
    // a chunked body declares no length: read one byte past the limit to notice an excess
    int readLimit = (int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8);
    try (body) {
      byte[] bytes = body.readNBytes(readLimit);
      if (bytes.length > maxBytes) {
        throw new PayloadTooLarge(maxBytes);
      }
      return bytes;
    } catch (IOException e) {
      throw new InvalidRequest("the request body could not be read: " + e.getMessage());
    }
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
