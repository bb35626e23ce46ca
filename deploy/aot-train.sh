#!/usr/bin/env bash
# A training run for the JDK's ahead-of-time cache, so that a start finds the gateway's classes
# already loaded and linked, with their method profiles, and serves at speed within seconds:
# starts the gateway against its in-process emulator, sends it plain and streamed chat, the model
# list and health checks over loopback, then stops it; the JVM writes the cache as it exits.
#
#   deploy/aot-train.sh [JAR] [CACHE]
#   java -XX:AOTCache=CACHE -jar JAR             # JDK 25 or newer (-XX:AOTCacheOutput)
#   java -XX:SharedArchiveFile=CACHE -jar JAR    # JDK 21 to 24: an AppCDS archive instead
#
# JAR defaults to bootstrap/target/bedrock-gateway.jar, CACHE to the jar's path with .aot. JVM
# options for the training run (the GC above all) come from JAVA_OPTS: give it the options the
# gateway runs with. Needs only bash and java (no curl: HTTP goes through bash's /dev/tcp).
set -euo pipefail

JAR=$(realpath "${1:-bootstrap/target/bedrock-gateway.jar}")
CACHE=$(realpath -m "${2:-${JAR%.jar}.aot}")
JAVA=${JAVA:-${JAVA_HOME:+$JAVA_HOME/bin/}java}
REQUESTS=${AOT_TRAINING_REQUESTS:-200}
KEY=aot-training-key-0123456789

major=$("$JAVA" -XshowSettings:properties -version 2>&1 \
  | awk -F'= ' '/java.specification.version/ { print $2; exit }' | cut -d. -f1)
if [ "$major" -ge 25 ]; then
  record=("-XX:AOTCacheOutput=$CACHE")
  use="-XX:AOTCache=$CACHE"
else
  record=("-XX:ArchiveClassesAtExit=$CACHE")
  use="-XX:SharedArchiveFile=$CACHE"
fi

free_port() {
  local port
  while :; do
    port=$((20000 + RANDOM % 12000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return
    fi
  done
}

PORT=$(free_port)
ADMIN_PORT=$(free_port)
while [ "$ADMIN_PORT" = "$PORT" ]; do ADMIN_PORT=$(free_port); done
WORK=$(mktemp -d)
trap 'kill "$GATEWAY" 2>/dev/null || true; rm -rf "$WORK"' EXIT

# In a directory of its own (the gateway reads a .env there), memory stores, the emulator.
# shellcheck disable=SC2086
(cd "$WORK" && exec env -u REDIS_URL -u MONGODB_URI -u GATEWAY_CONFIG -u BEDROCK_ENDPOINT_URL \
  PORT="$PORT" ADMIN_PORT="$ADMIN_PORT" BIND_ADDRESS=127.0.0.1 API_KEYS="$KEY" \
  RATE_LIMIT_REQUESTS=1000000 ADMIN_TOKEN=aot-training-admin-token \
  "$JAVA" ${JAVA_OPTS:-} "${record[@]}" -jar "$JAR" --emulator --emulator-token-delay-ms 0) \
  >"$WORK/gateway.log" 2>&1 &
GATEWAY=$!

request() { # METHOD PATH [BODY]: one request on its own connection, the answer read and dropped
  local body=${3:-}
  exec 3<>"/dev/tcp/127.0.0.1/$PORT"
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nX-API-Key: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "$2" "$KEY" "${#body}" "$body" >&3
  cat <&3 >/dev/null
  exec 3<&-
}

for _ in $(seq 600); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$GATEWAY" 2>/dev/null || { cat "$WORK/gateway.log" >&2; exit 1; }
  sleep 0.1
done

chat='{"messages":[{"role":"system","content":"Be brief."},{"role":"user","content":"Hello, how are you?"}],"max_tokens":200}'
for i in $(seq "$REQUESTS"); do
  request POST /api/v1/converse "$chat"
  request POST /api/v1/bedrock/converse-stream "$chat"
  if [ $((i % 20)) = 0 ]; then
    request GET /api/v1/models
    request GET /health
    request POST /api/v1/converse '{"messages":[]}'
  fi
done

kill -TERM "$GATEWAY"
wait "$GATEWAY" || true
if [ ! -s "$CACHE" ]; then
  echo "the training run wrote no cache at $CACHE:" >&2
  cat "$WORK/gateway.log" >&2
  exit 1
fi
echo "AOT cache written: $CACHE; run with: java $use -jar $JAR" >&2
