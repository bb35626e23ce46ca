package io.bedrockgateway.adapter.http.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;

/** The one Jackson configuration of the HTTP edge. */
public final class GatewayJson {
  private GatewayJson() {}

  /**
   * Lenient about unknown fields (clients send extra ones), strict about types: {@code "hot"} and
   * {@code "NaN"} are no temperature, {@code 1.5} is not a token count, {@code 1} is not {@code
   * true} and {@code 5} is not a role. Strict about the text too: a field sent twice is refused,
   * and reading stops at {@link RequestLimits}. Written JSON escapes the line separators U+2028,
   * U+2029 and U+0085, so that no client that splits lines on them (JavaScript's line terminators)
   * can cut a server-sent event in two.
   */
  public static ObjectMapper newMapper() {
    return JsonMapper.builder(factory())
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // dollar amounts as 10.5, never 1.05E+1
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .withCoercionConfigDefaults(
            config ->
                config
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
        .withCoercionConfig(
            LogicalType.Boolean,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        // "NaN" and "Infinity" as strings are no doubles either
        .addModule(new SimpleModule().addDeserializer(Double.class, new StrictDoubles()))
        .withCoercionConfig(
            LogicalType.Textual,
            config ->
                config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
        .defaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .build();
  }

  private static JsonFactory factory() {
    return new JsonFactoryBuilder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .streamReadConstraints(
            StreamReadConstraints.builder()
                .maxNestingDepth(RequestLimits.MAX_NESTING_DEPTH)
                .maxNumberLength(RequestLimits.MAX_NUMBER_LENGTH)
                .maxStringLength(RequestLimits.MAX_STRING_LENGTH)
                .maxNameLength(RequestLimits.MAX_NAME_LENGTH)
                .maxTokenCount(RequestLimits.MAX_TOKEN_COUNT)
                .build())
        .characterEscapes(new LineSafeEscapes())
        // Jackson's default keeps its read and write buffers per thread, and every request runs on
        // a virtual thread of its own: they would be allocated anew for each request.
        .recyclerPool(JsonRecyclerPools.newConcurrentDequePool())
        .build();
  }

  /** A double from a JSON number only: Jackson's own also takes "NaN" and "Infinity" strings. */
  public static final class StrictDoubles extends StdScalarDeserializer<Double> {
    private static final long serialVersionUID = 1L;

    StrictDoubles() {
      super(Double.class);
    }

    @Override
    public Double deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      if (parser.currentToken() != null && parser.currentToken().isNumeric()) {
        return parser.getDoubleValue();
      }
      return (Double) context.handleUnexpectedToken(Double.class, parser);
    }
  }

  /** JSON's own escapes, plus the characters JavaScript and Unicode take for line breaks. */
  public static final class LineSafeEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private static final SerializedString NEXT_LINE = new SerializedString("\\u0085");
    private static final SerializedString LINE_SEPARATOR = new SerializedString("\\u2028");
    private static final SerializedString PARAGRAPH_SEPARATOR = new SerializedString("\\u2029");

    private final int[] asciiEscapes = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
      return asciiEscapes;
    }

    @Override
    public SerializableString getEscapeSequence(int character) {
      return switch (character) {
        case 0x85 -> NEXT_LINE;
        case 0x2028 -> LINE_SEPARATOR;
        case 0x2029 -> PARAGRAPH_SEPARATOR;
        default -> null;
      };
    }
  }
}
