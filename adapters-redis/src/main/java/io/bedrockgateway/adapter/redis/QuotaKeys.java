package io.bedrockgateway.adapter.redis;

import io.bedrockgateway.domain.key.KeyId;

/**
 * The Redis keys of one API key's counters. They share the hash tag {@code {bgw:<key id>}}, so a
 * script touches one Redis Cluster slot; they name the public key id, never the API key.
 */
record QuotaKeys(
    String requests,
    String minuteTokens,
    String dayTokens,
    String monthSpend,
    String streams,
    String reservations,
    String reserved) {
  static QuotaKeys of(KeyId keyId) {
    String tag = "{bgw:" + keyId.value() + "}:";
    return new QuotaKeys(
        tag + "requests",
        tag + "tokens:minute",
        tag + "tokens:day",
        tag + "spend:month",
        tag + "streams",
        tag + "reservations",
        tag + "reserved");
  }

  String[] all() {
    return new String[] {
      requests, minuteTokens, dayTokens, monthSpend, streams, reservations, reserved
    };
  }

  /** The keys a renewal extends: stream leases and held reservations. */
  String[] held() {
    return new String[] {streams, reservations, reserved};
  }
}
