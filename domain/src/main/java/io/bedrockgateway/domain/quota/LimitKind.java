package io.bedrockgateway.domain.quota;

/** The limits a plan can set; the wire name is what a denied caller is told. */
public enum LimitKind {
  REQUESTS("requests"),
  TOKENS_PER_MINUTE("tokens_per_minute"),
  TOKENS_PER_DAY("tokens_per_day"),
  BUDGET("budget"),
  CONCURRENCY("concurrency");

  private final String wireName;

  LimitKind(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
