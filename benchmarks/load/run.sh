#!/usr/bin/env bash
# The end-to-end load benchmark (README, "Benchmark: end to end"). In one run, after a warm-up of
# each target: non-streamed chat at 1, 16 and 64 connections straight to the Bedrock emulator, through
# one nginx proxy_pass hop, through the gateway with in-memory stores and through the gateway with
# Redis + a MongoDB-protocol server; then streams (time to first token, to the last byte), the
# gateway's CPU per request, the first seconds after start against steady state, 64 connections
# against a healthy Redis (requests counted locally) and many concurrent open streams (heap after
# GC, RSS). Everything listens on 127.0.0.1 and every process it starts is stopped at the end.
#
#   benchmarks/load/run.sh            # full run, about 11 minutes
#   QUICK=1 benchmarks/load/run.sh    # smoke test, about 2 minutes
#
# Settings (environment): QUICK, SKIP_BUILD=1 (use the jars already built), MVN_ARGS (e.g. -o),
# WARMUP_SECONDS, GATEWAY_WARMUP_SECONDS, WARMUP_STREAMS, ROW_SECONDS, FIRST_SECONDS, STREAMS, OPEN_STREAMS, OPEN_STREAM_SECONDS,
# REDIS_SOAK_SECONDS, USAGE_SETTLE_SECONDS, CONNECTIONS ("1 16 64"), GATEWAY_JAVA_OPTS, AOT (auto|off), MONGODB_URI
# (else mongo-java-server), REDIS_SERVER (path of redis-server), RESULTS (the Markdown file),
# TARGETS (any of "direct nginx memory redis"), ASYNC_PROFILER and PROFILE_DIR (see profile()).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  : "${WARMUP_SECONDS:=3}" "${GATEWAY_WARMUP_SECONDS:=3}" "${WARMUP_STREAMS:=20}"
  : "${ROW_SECONDS:=2}" "${FIRST_SECONDS:=3}" "${STREAMS:=20}"
  : "${OPEN_STREAMS:=300}" "${OPEN_STREAM_SECONDS:=5}" "${REDIS_SOAK_SECONDS:=5}"
  : "${AOT_TRAINING_REQUESTS:=30}" "${USAGE_SETTLE_SECONDS:=10}"
else
  : "${WARMUP_SECONDS:=30}" "${GATEWAY_WARMUP_SECONDS:=150}" "${WARMUP_STREAMS:=3000}"
  : "${ROW_SECONDS:=10}" "${FIRST_SECONDS:=10}" "${STREAMS:=300}"
  : "${OPEN_STREAMS:=10000}" "${OPEN_STREAM_SECONDS:=30}" "${REDIS_SOAK_SECONDS:=60}"
  : "${USAGE_SETTLE_SECONDS:=120}"
fi
CONNECTIONS=${CONNECTIONS:-"1 16 64"}
TARGETS=${TARGETS:-"direct nginx memory redis"}
GATEWAY_JAVA_OPTS=${GATEWAY_JAVA_OPTS:-"-Xmx1152m -XX:+UseZGC -XX:+ExitOnOutOfMemoryError"}
AOT=${AOT:-auto}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
JCMD=${JAVA_HOME:+$JAVA_HOME/bin/}jcmd
REDIS_SERVER=${REDIS_SERVER:-redis-server}
RESULTS=${RESULTS:-$ROOT/benchmarks/target/load-$(date -u +%Y%m%dT%H%M%SZ).md}
CLK_TCK=$(getconf CLK_TCK)
MODEL=us.anthropic.claude-sonnet-4-5-20250929-v1:0
MODEL_PATH=us.anthropic.claude-sonnet-4-5-20250929-v1%3A0
KEY=bgw_benchmark_key_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
ADMIN_TOKEN=admin_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')

for tool in wrk nginx curl "$REDIS_SERVER"; do
  command -v "$tool" >/dev/null || { echo "missing: $tool (apt-get install wrk nginx-light redis-server curl)" >&2; exit 1; }
done

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "building the gateway, the emulator and the benchmark tools..." >&2
  # shellcheck disable=SC2086
  ./mvnw -B -q ${MVN_ARGS:-} -Pbench package -DskipTests -Dspotless.check.skip=true \
    -pl bootstrap,bedrock-emulator,benchmarks -am
fi
GATEWAY_JAR=${GATEWAY_JAR:-$ROOT/bootstrap/target/bedrock-gateway.jar}
EMULATOR_JAR=$ROOT/bedrock-emulator/target/bedrock-emulator.jar
TOOLS_JAR=$ROOT/benchmarks/target/benchmarks.jar
mkdir -p "$(dirname "$RESULTS")"

WORK=$(mktemp -d /tmp/bgw-bench.XXXXXX)
chmod 755 "$WORK"
PIDS=()
cleanup() { # SIGTERM to each process started, and SIGKILL to any still there 30 s later
  local pid waited=0
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 300 ]; do
      sleep 0.1
      waited=$((waited + 1))
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "logs kept in $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log() { echo "[$(date -u +%H:%M:%S) load $(cut -d' ' -f1 /proc/loadavg)] $*" >&2; }

# A port nothing listens on, below the ephemeral range so no outgoing connection takes it meanwhile.
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

wait_for() { # URL SECONDS: until it answers 2xx
  local deadline=$((SECONDS + $2))
  until curl -sf -o /dev/null "$1"; do
    [ $SECONDS -lt $deadline ] || { echo "not ready after $2 s: $1" >&2; return 1; }
    sleep 0.05
  done
}

stop() { # PID: SIGTERM, then wait
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

fmt_ms() { awk -v us="$1" 'BEGIN { if (us < 0) print "—"; else printf "%.2f", us / 1000 }'; }

# --- bodies ---------------------------------------------------------------------------------------
PROMPT="Hello, how are you today?"
printf '{"messages":[{"role":"user","content":[{"text":"%s"}]}],"inferenceConfig":{"maxTokens":256}}' \
  "$PROMPT" >"$WORK/direct.json"
printf '{"messages":[{"role":"user","content":"%s"}],"max_tokens":256}' "$PROMPT" >"$WORK/gateway.json"
# each token 1.25 s apart: 24 tokens last about OPEN_STREAM_SECONDS
TOKEN_DELAY_MS=$((OPEN_STREAM_SECONDS * 1000 / 24))
printf '{"messages":[{"role":"user","content":"%s [emulator:token-delay-ms=%d]"}],"max_tokens":256}' \
  "$PROMPT" "$TOKEN_DELAY_MS" >"$WORK/slow.json"

# --- measurements ---------------------------------------------------------------------------------
ROWS=()      # | target | connections | rps | p50 | p99 | p99.9 | CPU ms/request | load |
STREAM_ROWS=()
NOTES=()
declare -A TTFT_P50 LAST_P50

run_wrk() { # URL BODY HEADER CONNECTIONS SECONDS -> RESULT line
  local threads=2
  [ "$4" -ge 2 ] || threads=1
  BENCH_BODY_FILE=$2 BENCH_HEADER=$3 wrk -t"$threads" -c"$4" -d"$5s" --timeout 10s \
    -s "$ROOT/benchmarks/load/chat.lua" "$1" | grep '^RESULT'
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

measure() { # NAME URL BODY HEADER CONNECTIONS SECONDS PID-or-empty
  local name=$1 url=$2 body=$3 header=$4 conns=$5 secs=$6 pid=${7:-}
  local before after result requests cpu="—"
  [ -z "$pid" ] || before=$(cpu_ticks "$pid")
  result=$(run_wrk "$url" "$body" "$header" "$conns" "$secs")
  [ -z "$pid" ] || after=$(cpu_ticks "$pid")
  requests=$(field requests "$result")
  if [ -n "$pid" ] && [ "$requests" -gt 0 ]; then
    cpu=$(awk -v t=$((after - before)) -v hz="$CLK_TCK" -v n="$requests" \
      'BEGIN { printf "%.3f", t * 1000 / hz / n }')
  fi
  local errors=$(($(field non2xx "$result") + $(field socket_errors "$result")))
  ROWS+=("| $name | $conns | $(printf '%.0f' "$(field rps "$result")") | $(fmt_ms "$(field p50_us "$result")") | $(fmt_ms "$(field p99_us "$result")") | $(fmt_ms "$(field p999_us "$result")") | $cpu | $errors | $(cut -d' ' -f1 /proc/loadavg) |")
  log "$name c=$conns: $result cpu_ms_per_request=$cpu"
  [ "$errors" = 0 ] || NOTES+=("$name at $conns connections: $errors requests failed (non-2xx or socket errors)")
}

streams() { # NAME URL BODY HEADER
  local result
  result=$("$JAVA" -cp "$TOOLS_JAR" io.bedrockgateway.benchmarks.load.StreamProbe \
    "$2" "$3" "$STREAMS" 1 ${4:+"$4"} | grep '^RESULT')
  log "$1 streams: $result"
  TTFT_P50[$1]=$(field ttft_p50_us "$result")
  LAST_P50[$1]=$(field last_p50_us "$result")
  [ "$(field failed "$result")" = 0 ] || NOTES+=("$1 streams that failed, by cause: $(field failures "$result")")
  STREAM_ROWS+=("$1|$(field completed "$result")|$(field failed "$result")|$(field ttft_p50_us "$result")|$(field ttft_p99_us "$result")|$(field last_p50_us "$result")|$(field last_p99_us "$result")")
}

rows_for() { # NAME URL BODY HEADER PID [WARM-UP SECONDS]
  local conns warmup=${6:-$WARMUP_SECONDS} probe
  # Chat at 16 connections and, beside it, streams two at a time: both paths compiled before the
  # rows. A gateway gets longer (GATEWAY_WARMUP_SECONDS): its JIT needs minutes of CPU on 2 cores.
  log "$1: warm-up ${warmup} s, ${WARMUP_STREAMS} streams beside it"
  "$JAVA" -cp "$TOOLS_JAR" io.bedrockgateway.benchmarks.load.StreamProbe \
    "$2-stream" "$3" "$WARMUP_STREAMS" 2 ${4:+"$4"} >/dev/null 2>&1 &
  probe=$!
  run_wrk "$2" "$3" "$4" 16 "$warmup" >/dev/null
  wait "$probe" || true
  profile "$5" start
  for conns in $CONNECTIONS; do
    measure "$1" "$2" "$3" "$4" "$conns" "$ROW_SECONDS" "$5"
  done
  profile "$5" "stop,file=${PROFILE_DIR:-}/$1.collapsed,collapsed"
}

# ASYNC_PROFILER=/path/libasyncProfiler.so PROFILE_DIR=dir: the gateway's CPU (itimer) over the
# rows, after the warm-up, as collapsed stacks in dir/<target>.collapsed.
profile() { # PID COMMAND
  [ -n "$1" ] && [ -n "${ASYNC_PROFILER:-}" ] && [ -n "${PROFILE_DIR:-}" ] || return 0
  mkdir -p "$PROFILE_DIR"
  # quoted: jcmd would read "a=b" as one of its own options
  "$JCMD" "$1" JVMTI.agent_load "$ASYNC_PROFILER" "\"$2,event=itimer,interval=1ms\"" >/dev/null
}

# --- the emulator, all delays zero ----------------------------------------------------------------
EMULATOR_PORT=$(free_port)
"$JAVA" -Xmx2g -jar "$EMULATOR_JAR" --port "$EMULATOR_PORT" >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
PIDS+=("$EMULATOR_PID")
until grep -q 'listening' "$WORK/emulator.log"; do sleep 0.1; done
EMULATOR=http://127.0.0.1:$EMULATOR_PORT

if [[ " $TARGETS " == *" direct "* ]]; then
  rows_for direct "$EMULATOR/model/$MODEL_PATH/converse" "$WORK/direct.json" "" ""
  streams direct "$EMULATOR/model/$MODEL_PATH/converse-stream" "$WORK/direct.json" ""
fi

# --- one nginx proxy_pass hop ---------------------------------------------------------------------
if [[ " $TARGETS " == *" nginx "* ]]; then
  NGINX_PORT=$(free_port)
  cat >"$WORK/nginx.conf" <<EOF
worker_processes auto;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $WORK/nginx-body;
  proxy_temp_path $WORK/nginx-proxy;
  fastcgi_temp_path $WORK/nginx-fastcgi;
  uwsgi_temp_path $WORK/nginx-uwsgi;
  scgi_temp_path $WORK/nginx-scgi;
  upstream emulator { server 127.0.0.1:$EMULATOR_PORT; keepalive 128; }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    location / {
      proxy_pass http://emulator;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_buffering off;
    }
  }
}
EOF
  nginx -p "$WORK" -c "$WORK/nginx.conf" -g 'daemon off;' 2>>"$WORK/nginx-error.log" &
  NGINX_PID=$!
  PIDS+=("$NGINX_PID")
  until (exec 3<>"/dev/tcp/127.0.0.1/$NGINX_PORT") 2>/dev/null; do sleep 0.1; done
  rows_for nginx "http://127.0.0.1:$NGINX_PORT/model/$MODEL_PATH/converse" "$WORK/direct.json" "" ""
  streams nginx "http://127.0.0.1:$NGINX_PORT/model/$MODEL_PATH/converse-stream" "$WORK/direct.json" ""
  stop "$NGINX_PID"
fi

# --- the gateway ----------------------------------------------------------------------------------
java_major() { "$JAVA" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }
AOT_OPTS=()
GATEWAY_PID=
GATEWAY_PORT=
ADMIN_PORT=
start_gateway() { # NAME EXTRA-JVM-OPTS... (environment: GATEWAY_ENV array)
  local name=$1
  shift
  GATEWAY_PORT=$(free_port)
  ADMIN_PORT=$(free_port)
  local profile=()
  [ -z "${ASYNC_PROFILER:-}" ] || profile=(-XX:+EnableDynamicAgentLoading)
  # Its own directory: the gateway reads a .env in its working directory.
  mkdir -p "$WORK/$name"
  # shellcheck disable=SC2086
  (cd "$WORK/$name" && exec env -u REDIS_URL -u MONGODB_URI -u API_KEYS -u GATEWAY_CONFIG \
    "${GATEWAY_ENV[@]}" PORT="$GATEWAY_PORT" ADMIN_PORT="$ADMIN_PORT" BIND_ADDRESS=127.0.0.1 \
    API_KEYS="$KEY" KEY_ID_SECRET=benchmark-key-id-secret ADMIN_TOKEN="$ADMIN_TOKEN" \
    BEDROCK_ENDPOINT_URL="$EMULATOR" AWS_REGION=us-east-1 AWS_ACCESS_KEY_ID=benchmark \
    AWS_SECRET_ACCESS_KEY=benchmark RATE_LIMIT_REQUESTS=1000000000 MAX_CONCURRENT_STREAMS=0 \
    MAX_CONNECTIONS=30000 BEDROCK_MAX_CONNECTIONS=15000 USAGE_SPOOL_DIR="$WORK/$name/spool" \
    "$JAVA" $GATEWAY_JAVA_OPTS "${AOT_OPTS[@]}" "${profile[@]}" "$@" -jar "$GATEWAY_JAR") \
    >"$WORK/$name.log" 2>&1 &
  GATEWAY_PID=$!
  PIDS+=("$GATEWAY_PID")
}

# JDK 25's AOT cache, made as the README and the Dockerfile make it (deploy/aot-train.sh).
if [ "$AOT" = auto ] && [ "$(java_major | cut -d. -f1)" -ge 25 ] && [[ " $TARGETS " == *" memory "* || " $TARGETS " == *" redis "* ]]; then
  log "AOT training run (deploy/aot-train.sh)"
  if JAVA="$JAVA" JAVA_OPTS="$GATEWAY_JAVA_OPTS" AOT_TRAINING_REQUESTS="${AOT_TRAINING_REQUESTS:-}" \
    "$ROOT/deploy/aot-train.sh" "$GATEWAY_JAR" "$WORK/gateway.aot" 2>"$WORK/aot-training.log"; then
    AOT_OPTS=("-XX:AOTCache=$WORK/gateway.aot")
  else
    NOTES+=("the AOT training run failed (see its log): the gateway ran without a cache")
  fi
fi
[ ${#AOT_OPTS[@]} -gt 0 ] && AOT_NOTE="with the JDK's AOT cache (one training run first)" || AOT_NOTE="without an AOT cache"

FIRST_ROWS=()
gateway_rows() { # NAME
  local name=$1 launched ready first steady url="http://127.0.0.1:$GATEWAY_PORT/api/v1/converse"
  launched=$(date +%s%N)
  wait_for "http://127.0.0.1:$GATEWAY_PORT/health/live" 60
  ready=$(( ($(date +%s%N) - launched) / 1000000 ))
  first=$(run_wrk "$url" "$WORK/gateway.json" "X-API-Key: $KEY" 16 "$FIRST_SECONDS")
  log "$name first ${FIRST_SECONDS} s: $first (ready after $ready ms)"
  rows_for "$name" "$url" "$WORK/gateway.json" "X-API-Key: $KEY" "$GATEWAY_PID" "$GATEWAY_WARMUP_SECONDS"
  steady=$(measure_quietly "$url")
  usage_settled "$name"
  FIRST_ROWS+=("| $name | $ready | $(printf '%.0f' "$(field rps "$first")") | $(printf '%.0f' "$steady") | $(awk -v a="$(field rps "$first")" -v b="$steady" 'BEGIN { printf "%.0f %%", 100 * a / b }') |")
  streams "$name" "${url}-stream" "$WORK/gateway.json" "X-API-Key: $KEY"
}

measure_quietly() { field rps "$(run_wrk "$1" "$WORK/gateway.json" "X-API-Key: $KEY" 16 "$FIRST_SECONDS")"; }

metric() { # NAME-REGEX: the sum of the matching series on the admin listener, empty if none
  { curl -sf "http://127.0.0.1:$ADMIN_PORT/metrics" || true; } \
    | awk -v re="$1" '$0 ~ "^"re { found = 1; sum += $NF } END { if (found) printf "%d", sum }'
}

# NAME: waits (at most USAGE_SETTLE_SECONDS) until the gateway has written the usage of the rows
# before, so that the streams row measures streams and not the replay of that usage into the
# MongoDB stand-in, which falls behind at the Redis rows' rates.
usage_settled() {
  local waited=0 left
  while :; do
    left=$(( $(metric 'bedrock_gateway_usage_queue_events') + $(metric 'bedrock_gateway_usage_spool_events') + 0 ))
    if [ "$left" -eq 0 ]; then
      if [ "$waited" -gt 0 ]; then log "$1: usage of the rows before written after ${waited} s"; fi
      return 0
    fi
    if [ "$waited" -ge "$USAGE_SETTLE_SECONDS" ]; then
      log "$1: $left usage events still unwritten after ${waited} s; the streams row runs beside them"
      NOTES+=("$1 streams ran while $left usage events of the rows before were still being written")
      return 0
    fi
    sleep 1
    waited=$((waited + 1))
  done
}

if [[ " $TARGETS " == *" memory "* ]]; then
  GATEWAY_ENV=()
  start_gateway memory
  gateway_rows memory
  stop "$GATEWAY_PID"
fi

OPEN_ROWS=()
if [[ " $TARGETS " == *" redis "* ]]; then
  REDIS_PORT=$(free_port)
  "$REDIS_SERVER" --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no \
    --dir "$WORK" >"$WORK/redis.log" 2>&1 &
  PIDS+=("$!")
  MONGO=${MONGODB_URI:-}
  if [ -z "$MONGO" ]; then
    MONGO_PORT=$(free_port)
    # it keeps every usage document in memory: a run writes a few hundred thousand, which ran a
    # 1 GB heap out of memory (slowing it first, so usage went to the gateway's spool)
    "$JAVA" -Xmx6g -XX:+ExitOnOutOfMemoryError -cp "$TOOLS_JAR" \
      io.bedrockgateway.benchmarks.load.MongoServerMain "$MONGO_PORT" \
      >"$WORK/mongo.log" 2>&1 &
    PIDS+=("$!")
    until grep -q listening "$WORK/mongo.log"; do sleep 0.1; done
    MONGO="mongodb://127.0.0.1:$MONGO_PORT/bench_$(date +%s)"
    MONGO_NOTE="mongo-java-server (in memory)"
  else
    MONGO_NOTE="MONGODB_URI"
  fi
  until (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT") 2>/dev/null; do sleep 0.1; done
  GATEWAY_ENV=(REDIS_URL="redis://127.0.0.1:$REDIS_PORT" MONGODB_URI="$MONGO")
  start_gateway redis
  gateway_rows redis

  # 64 connections against a healthy Redis: no request may be counted locally.
  if [ "$REDIS_SOAK_SECONDS" -gt 0 ]; then
    LOCAL_METRIC='bedrock_gateway_quota_fallback_requests_total'
    local_before=$(metric "$LOCAL_METRIC")
    soak=$(run_wrk "http://127.0.0.1:$GATEWAY_PORT/api/v1/converse" "$WORK/gateway.json" "X-API-Key: $KEY" 64 "$REDIS_SOAK_SECONDS")
    local_after=$(metric "$LOCAL_METRIC")
    counted_locally="no metric"
    [ -z "$local_after" ] || counted_locally=$((local_after - ${local_before:-0}))
    SOAK_ROW="| 64 connections, ${REDIS_SOAK_SECONDS} s, healthy Redis | $(field requests "$soak") | $counted_locally | $(($(field non2xx "$soak") + $(field socket_errors "$soak"))) |"
    log "redis soak: $soak, counted locally: $counted_locally"
  fi

  # Many streams open at once, each about OPEN_STREAM_SECONDS long.
  if [ "$OPEN_STREAMS" -gt 0 ]; then
    open=$OPEN_STREAMS
    # Over HTTP/1.1 to the emulator each stream holds two sockets in the gateway.
    fd_cap=$(( ($(ulimit -n) - 2000) / 2 ))
    if [ "$open" -gt "$fd_cap" ]; then
      NOTES+=("open streams capped at $fd_cap of $OPEN_STREAMS: ulimit -n is $(ulimit -n) and each stream holds two sockets in the gateway (client side and HTTP/1.1 to the emulator)")
      open=$fd_cap
    fi
    log "opening $open streams of ${OPEN_STREAM_SECONDS} s"
    started=$SECONDS
    # opened over OPEN_RAMP_SECONDS (10), as clients arrive, so all are open together afterwards
    "$JAVA" -Xmx2g -Dramp.ms=$((${OPEN_RAMP_SECONDS:-10} * 1000)) -cp "$TOOLS_JAR" \
      io.bedrockgateway.benchmarks.load.StreamProbe \
      "http://127.0.0.1:$GATEWAY_PORT/api/v1/converse-stream" "$WORK/slow.json" "$open" "$open" \
      "X-API-Key: $KEY" >"$WORK/open-streams.out" 2>&1 &
    PROBE_PID=$!
    PIDS+=("$PROBE_PID")
    heap="—" live="—" rss="—" all_open="no"
    deadline=$((SECONDS + OPEN_STREAM_SECONDS + 120))
    while [ $SECONDS -lt $deadline ] && kill -0 "$PROBE_PID" 2>/dev/null; do
      if grep -q ALL_STREAMING "$WORK/open-streams.out"; then
        all_open="after $((SECONDS - started)) s"
        "$JCMD" "$GATEWAY_PID" GC.run >/dev/null
        heap=$("$JCMD" "$GATEWAY_PID" GC.heap_info | grep -o -m1 'used [0-9]*[KMG]' | cut -d' ' -f2)
        rss=$(awk '/VmRSS/ { printf "%d M", $2 / 1024 }' "/proc/$GATEWAY_PID/status")
        # what holds the heap while every stream is open (kept with KEEP_WORK=1)
        "$JCMD" "$GATEWAY_PID" GC.class_histogram >"$WORK/open-streams-histogram.txt" 2>&1 || true
        live=$(awk '/^Total/ { printf "%dM", $3 / 1048576 }' "$WORK/open-streams-histogram.txt")
        break
      fi
      sleep 0.5
    done
    wait "$PROBE_PID" || true
    result=$(grep '^RESULT' "$WORK/open-streams.out" || echo "RESULT completed=0 failed=$open")
    log "open streams: $result heap=$heap rss=$rss"
    [ "$(field failed "$result")" = 0 ] || NOTES+=("open streams that failed, by cause: $(field failures "$result")")
    OPEN_ROWS+=("| $open | $(field completed "$result") | $(field failed "$result") | $all_open | $heap | $live | $rss | $(fmt_ms "$(field last_p50_us "$result")") |")
  fi
  stop "$GATEWAY_PID"
fi

# --- the report -----------------------------------------------------------------------------------
{
  echo "## Load benchmark, $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')), $(awk '/MemTotal/ { printf "%d GiB", $2 / 1048576 }' /proc/meminfo); $("$JAVA" -version 2>&1 | head -1); gateway JVM options: \`$GATEWAY_JAVA_OPTS\`, $AOT_NOTE. Redis $("$REDIS_SERVER" --version | grep -o 'v=[0-9.]*' | cut -d= -f2); MongoDB: ${MONGO_NOTE:-not run}. Warm-up ${WARMUP_SECONDS} s per target (${GATEWAY_WARMUP_SECONDS} s per gateway) with ${WARMUP_STREAMS} streams beside it, ${ROW_SECONDS} s per row; load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "Non-streamed chat (24-token answers), wrk keep-alive connections; latency in ms; CPU = the gateway's user + system time per request."
  echo
  echo "| target | connections | rps | p50 | p99 | p99.9 | gateway CPU ms/request | failed | load (1 min) |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "Streams, one at a time ($STREAMS each): time to the first token and to the last byte, in ms; added = over direct (p50)."
  echo
  echo "| target | completed | failed | first token p50 | p99 | last byte p50 | p99 | added first token | added last byte |"
  echo "|---|---|---|---|---|---|---|---|---|"
  for row in "${STREAM_ROWS[@]}"; do
    IFS='|' read -r name completed failed t50 t99 l50 l99 <<<"$row"
    added_t="—" added_l="—"
    if [ -n "${TTFT_P50[direct]:-}" ] && [ "$name" != direct ]; then
      added_t=$(fmt_ms $((t50 - TTFT_P50[direct])))
      added_l=$(fmt_ms $((l50 - LAST_P50[direct])))
    fi
    echo "| $name | $completed | $failed | $(fmt_ms "$t50") | $(fmt_ms "$t99") | $(fmt_ms "$l50") | $(fmt_ms "$l99") | $added_t | $added_l |"
  done
  if [ ${#FIRST_ROWS[@]} -gt 0 ]; then
    echo
    echo "Warm-up: rps at 16 connections in the first ${FIRST_SECONDS} s after the gateway answered, against steady state (${FIRST_SECONDS} s after the rows)."
    echo
    echo "| gateway | ready after (ms) | first ${FIRST_SECONDS} s rps | steady rps | first / steady |"
    echo "|---|---|---|---|---|"
    printf '%s\n' "${FIRST_ROWS[@]}"
  fi
  if [ -n "${SOAK_ROW:-}" ]; then
    echo
    echo "Limits under load (gateway with Redis + MongoDB):"
    echo
    echo "| run | requests | counted locally (not in Redis) | failed |"
    echo "|---|---|---|---|"
    echo "$SOAK_ROW"
  fi
  if [ ${#OPEN_ROWS[@]} -gt 0 ]; then
    echo
    echo "Concurrent open streams (gateway with Redis + MongoDB; each about ${OPEN_STREAM_SECONDS} s); heap used after a full GC (\`jcmd GC.run\`, then \`GC.heap_info\`), the live objects of a class histogram and RSS while all are open."
    echo
    echo "| streams | completed | failed | all streaming | heap after GC | live objects (class histogram) | RSS | stream length p50 (ms) |"
    echo "|---|---|---|---|---|---|---|---|"
    printf '%s\n' "${OPEN_ROWS[@]}"
  fi
  if [ ${#NOTES[@]} -gt 0 ]; then
    echo
    printf -- '- %s\n' "${NOTES[@]}"
  fi
} | tee "$RESULTS"
echo "written to $RESULTS" >&2
