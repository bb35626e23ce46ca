package io.bedrockgateway.application.service;

/** What admission does while the shared quota counter cannot be reached. */
public enum QuotaFailureMode {
  /** Each instance enforces the same plans in its own memory until the shared counter returns. */
  LOCAL("each instance enforces every plan in its own memory until it returns"),
  /** Admit every request without counting it. */
  OPEN("requests are admitted without being counted until it returns"),
  /** Refuse every request that needs admission. */
  CLOSED("requests are refused until it returns");

  private final String consequence;

  QuotaFailureMode(String consequence) {
    this.consequence = consequence;
  }

  /** What callers get while the shared counter is down, for the operator's log. */
  String consequence() {
    return consequence;
  }
}
