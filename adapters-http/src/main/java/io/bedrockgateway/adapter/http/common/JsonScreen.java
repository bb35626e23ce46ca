package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.bedrockgateway.domain.error.InvalidRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Looks at every token of a request body before it is mapped, so that what no field may hold is
 * refused in one place, naming where it was: bytes that are not UTF-8, malformed JSON, a field sent
 * twice, nesting, numbers, strings or names past {@link RequestLimits}, numbers outside a double's
 * range ({@code 1e400}), and strings holding NUL (U+0000) or unpaired surrogates. Every refusal is
 * an {@link InvalidRequest}.
 */
public final class JsonScreen {
  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final int MAX_PATH_LENGTH = 200;
  private static final Pattern JACKSON_SETTING = Pattern.compile(", from `[^`]*`\\)");
  private static final String DUPLICATE_FIELD = "Duplicate field ";

  private JsonScreen() {}

  /** The body as text; anything but well-formed UTF-8 is refused. A leading BOM is dropped. */
  public static String decode(byte[] body) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(body);
    // UTF-8 never decodes to more UTF-16 units than it has bytes
    CharBuffer out = CharBuffer.allocate(body.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      throw new InvalidRequest(
          "the request body is not valid UTF-8: malformed bytes at offset " + in.position());
    }
    out.flip();
    if (out.hasRemaining() && out.get(0) == BYTE_ORDER_MARK) {
      out.position(1);
    }
    return out.toString();
  }

  /** Reads {@code json} through; returns if nothing in it is refused. */
  public static void check(JsonFactory factory, String json) {
    JsonParser parser;
    try {
      parser = factory.createParser(json);
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from memory failed", e);
    }
    try (parser) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case FIELD_NAME -> requireCleanName(parser);
          case VALUE_STRING -> requireClean(path(parser.getParsingContext()), parser.getText());
          case VALUE_NUMBER_FLOAT -> requireInRange(parser);
          default -> {
            // structure, integers (bounded by their length), booleans and null need no look
          }
        }
      }
    } catch (StreamConstraintsException limit) {
      throw new InvalidRequest(
          path(parser.getParsingContext()) + ": " + describeLimit(limit.getOriginalMessage()));
    } catch (StreamReadException malformed) {
      throw new InvalidRequest(describeMalformed(parser, malformed));
    } catch (IOException e) {
      throw new IllegalStateException("reading JSON from memory failed", e);
    }
  }

  private static void requireCleanName(JsonParser parser) throws IOException {
    String problem = problem(parser.currentName());
    if (problem != null) {
      JsonStreamContext object = parser.getParsingContext().getParent();
      throw new InvalidRequest(path(object) + ": field names must not contain " + problem);
    }
  }

  private static void requireClean(String path, String text) {
    String problem = problem(text);
    if (problem != null) {
      throw new InvalidRequest(path + ": must not contain " + problem);
    }
  }

  /** What {@code text} holds that no text may, or null: NUL characters, unpaired surrogates. */
  private static String problem(String text) {
    for (int index = 0; index < text.length(); index++) {
      char unit = text.charAt(index);
      if (unit == '\u0000') {
        return "NUL characters (U+0000)";
      }
      if (Character.isHighSurrogate(unit)
          && index + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(index + 1))) {
        index++;
      } else if (Character.isSurrogate(unit)) {
        return "unpaired UTF-16 surrogates (\\uD800 to \\uDFFF)";
      }
    }
    return null;
  }

  /**
   * A number must be a double, as every consumer takes it: {@code 1e400} would be infinite and
   * {@code 1e-400} zero; a zero with a huge exponent only costs to compute with.
   */
  private static void requireInRange(JsonParser parser) throws IOException {
    boolean inRange;
    try {
      double approximate = parser.getDoubleValue();
      inRange = Double.isFinite(approximate);
      if (inRange) {
        BigDecimal exact = parser.getDecimalValue();
        inRange =
            Math.abs((long) exact.scale()) <= RequestLimits.MAX_NUMBER_SCALE
                && (approximate != 0.0 || exact.signum() == 0);
      }
    } catch (NumberFormatException exponentPastAnInt) {
      // 1e-4001227736807557598 is short enough, but no BigDecimal
      inRange = false;
    }
    if (!inRange) {
      throw new InvalidRequest(
          path(parser.getParsingContext())
              + ": the number is out of range (it must fit a 64-bit floating point number)");
    }
  }

  private static String describeMalformed(JsonParser parser, StreamReadException malformed) {
    String message = malformed.getOriginalMessage();
    if (message != null && message.startsWith(DUPLICATE_FIELD)) {
      return path(parser.getParsingContext()) + ": the field appears more than once";
    }
    return "the request body is not valid JSON: " + message + at(malformed.getLocation());
  }

  /**
   * Jackson's words for a limit, e.g. "String value length (9) exceeds the maximum allowed (8)".
   */
  private static String describeLimit(String message) {
    String plain = JACKSON_SETTING.matcher(String.valueOf(message)).replaceAll(")");
    return plain.isEmpty()
        ? plain
        : Character.toLowerCase(plain.charAt(0)) + plain.substring(1) + " for a request body";
  }

  public static String at(JsonLocation location) {
    return location == null
        ? ""
        : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
  }

  /** Where the parser is, as {@code messages[1].content}; {@code body} at the top. */
  public static String path(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext level = context;
        level != null && !level.inRoot();
        level = level.getParent()) {
      if (level.inObject() && level.getCurrentName() != null) {
        parts.push("." + level.getCurrentName());
      } else if (level.inArray() && level.getCurrentIndex() >= 0) {
        parts.push("[" + level.getCurrentIndex() + "]");
      }
    }
    StringBuilder path = new StringBuilder();
    for (String part : parts) {
      if (path.length() + part.length() > MAX_PATH_LENGTH) {
        path.append("...");
        break;
      }
      path.append(part);
    }
    if (path.isEmpty()) {
      return "body";
    }
    return path.charAt(0) == '.' ? path.substring(1) : path.toString();
  }
}
