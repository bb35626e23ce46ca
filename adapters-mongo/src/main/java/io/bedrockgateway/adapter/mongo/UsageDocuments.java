package io.bedrockgateway.adapter.mongo;

import io.bedrockgateway.domain.chat.ModelId;
import io.bedrockgateway.domain.key.Principal;
import io.bedrockgateway.domain.usage.Outcome;
import io.bedrockgateway.domain.usage.UsageEvent;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Decimal128;

/**
 * One usage event as one document of {@code usage_events}, keyed by the gateway's own event id; the
 * client's request id is a label ({@code client_request_id}), since clients may reuse one. It holds
 * the key's public id and labels; nothing in an event can hold the key or a header.
 */
final class UsageDocuments {
  static final String COLLECTION = "usage_events";
  static final String ID = "_id";
  static final String TIME = "time";
  static final String DAY = "day";

  /** The request id the client sent (or was given): searchable, not unique. */
  static final String CLIENT_REQUEST_ID = "client_request_id";

  /**
   * {@value #ROLLUP_PENDING} until the event is in the daily rollups, then absent (a claim id while
   * a rollup pass adds it): see {@link DailyRollups}.
   */
  static final String ROLLUP = "rollup";

  static final String ROLLUP_PENDING = "pending";

  static final String KEY_ID = "key_id";
  static final String KEY_NAME = "key_name";
  static final String APPLICATION = "application";
  static final String DEPARTMENT = "department";
  static final String PROJECT = "project";
  static final String PLAN = "plan";
  static final String OPERATION = "operation";
  static final String REQUESTED_MODEL = "requested_model";
  static final String SERVED_MODEL = "served_model";

  /** The served model, else the requested one: what reports group by. */
  static final String MODEL = "model";

  static final String OUTCOME = "outcome";
  static final String ERROR_KIND = "error_kind";
  static final String INPUT_TOKENS = "input_tokens";
  static final String OUTPUT_TOKENS = "output_tokens";
  static final String CACHE_READ_INPUT_TOKENS = "cache_read_input_tokens";
  static final String CACHE_WRITE_INPUT_TOKENS = "cache_write_input_tokens";

  /** Every token: input, output and both kinds of cached input. */
  static final String TOTAL_TOKENS = "total_tokens";

  static final String IMAGES = "images";

  /** {@code upstream} (the model's count), {@code estimate} (the gateway's) or {@code none}. */
  static final String TOKENS_SOURCE = "tokens_source";

  /** Dollars as a decimal; {@code null} when the model has no price. */
  static final String COST_USD = "cost_usd";

  static final String LATENCY_MS = "latency_ms";
  static final String TIME_TO_FIRST_TOKEN_MS = "time_to_first_token_ms";
  static final String CLIENT_IP = "client_ip";
  static final String USER_AGENT = "user_agent";

  /** The API the request came through: {@code native}, {@code openai}, {@code anthropic}, ... */
  static final String API = "api";

  /** The client's labels, recorded as sent: OpenAI's {@code user}, Claude Code's session. */
  static final String END_USER = "end_user";

  static final String SESSION_ID = "session_id";
  static final String STREAMED = "streamed";
  static final String CANCELLED = "cancelled";

  static final String SUCCEEDED = wireName(Outcome.SUCCEEDED);
  private static final int MAX_USER_AGENT = 512;

  private UsageDocuments() {}

  static Document toDocument(UsageEvent event) {
    Document document =
        new Document(ID, event.id().value())
            .append(CLIENT_REQUEST_ID, event.context().requestId().value())
            .append(TIME, Date.from(event.context().receivedAt()))
            .append(
                DAY,
                event.context().receivedAt().atOffset(ZoneOffset.UTC).toLocalDate().toString());
    event.principal().ifPresent(principal -> appendOwner(document, principal));
    document.append(OPERATION, event.operation().wireName());
    event.requestedModel().ifPresent(model -> document.append(REQUESTED_MODEL, model.value()));
    event.servedModel().ifPresent(model -> document.append(SERVED_MODEL, model.value()));
    event
        .servedModel()
        .or(event::requestedModel)
        .map(ModelId::value)
        .ifPresent(model -> document.append(MODEL, model));
    document.append(OUTCOME, wireName(event.outcome()));
    event.errorKind().ifPresent(kind -> document.append(ERROR_KIND, kind));
    document
        .append(INPUT_TOKENS, event.usage().inputTokens())
        .append(OUTPUT_TOKENS, event.usage().outputTokens())
        .append(CACHE_READ_INPUT_TOKENS, event.usage().cacheReadInputTokens())
        .append(CACHE_WRITE_INPUT_TOKENS, event.usage().cacheWriteInputTokens())
        .append(TOTAL_TOKENS, event.usage().totalTokens())
        .append(TOKENS_SOURCE, event.tokensSource().wireName())
        .append(IMAGES, event.images())
        .append(COST_USD, event.cost().map(cost -> new Decimal128(cost.dollars())).orElse(null))
        .append(LATENCY_MS, event.latency().toMillis());
    event
        .timeToFirstToken()
        .map(Duration::toMillis)
        .ifPresent(millis -> document.append(TIME_TO_FIRST_TOKEN_MS, millis));
    event.context().clientIp().ifPresent(ip -> document.append(CLIENT_IP, ip));
    event
        .context()
        .userAgent()
        .map(agent -> agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent)
        .ifPresent(agent -> document.append(USER_AGENT, agent));
    document.append(API, event.context().surface().wireName());
    event.context().endUser().ifPresent(user -> document.append(END_USER, user));
    event.context().sessionId().ifPresent(session -> document.append(SESSION_ID, session));
    return document
        .append(STREAMED, event.streamed())
        .append(CANCELLED, event.outcome() == Outcome.CANCELLED)
        .append(ROLLUP, ROLLUP_PENDING);
  }

  private static void appendOwner(Document document, Principal principal) {
    document.append(KEY_ID, principal.keyId().value()).append(KEY_NAME, principal.name());
    optional(document, APPLICATION, principal.application());
    optional(document, DEPARTMENT, principal.department());
    optional(document, PROJECT, principal.project());
    document.append(PLAN, principal.plan().name());
  }

  private static void optional(Document document, String field, Optional<String> value) {
    value.ifPresent(present -> document.append(field, present));
  }

  static String wireName(Outcome outcome) {
    return outcome.name().toLowerCase(Locale.ROOT);
  }
}
