"""BedrockService for Python applications: the integration plan's service, corrected.

Calls go through the Bedrock Gateway's native API (standard library only: urllib), or direct to
Bedrock with boto3 (imported only when the direct path is used), following the same rules as the
Java client library (bedrock-gateway-client):

* ``USE_BEDROCK_GATEWAY`` (true/false) switches the gateway on; ``GATEWAY_TRAFFIC_PERCENTAGE``
  (0..100) sends a share of routing keys to it. A routing key (a user or session id) goes to the
  gateway when ``bucket(key) < percentage``, where ``bucket`` is the first 8 bytes of the key's
  SHA-256, big-endian, modulo 100: the same in every process and language, so one user stays on one
  path as the percentage grows.
* A call falls back to direct Bedrock only when the gateway itself failed before the first byte of
  an answer: connection refused or closed, timeout, 502/503/504. Never on a 4xx: 401, 403 and 429
  are the gateway's policy and are raised (``RateLimited.retry_after`` says when to retry).
* A stream that failed after it began raises ``StreamInterrupted``; it is never run again.
* After ``GATEWAY_BREAKER_MINIMUM_CALLS`` gateway failures in a row, calls skip the gateway for
  ``GATEWAY_BREAKER_OPEN_SECONDS``, then one call probes it again.
* ``GATEWAY_FALLBACK_TO_DIRECT=false`` turns fallback off.

The stream is read line by line, as Server-Sent Events are defined: an event is its ``data:``
lines up to a blank line. (The plan's snippet split the body by network chunk, and so lost or
broke every event that arrived in two pieces or shared a piece with another.)
"""

import base64
import hashlib
import json
import os
import socket
import time
import urllib.error
import urllib.request

FALLBACK_STATUSES = {502: "bad_gateway", 503: "service_unavailable", 504: "gateway_timeout"}
MAX_LINE_BYTES = 8 * 1024 * 1024
DEFAULT_MODELS = {
    "chat": "us.anthropic.claude-sonnet-4-5-20250929-v1:0",
    "embedding": "amazon.titan-embed-text-v2:0",
    "image": "stability.stable-image-core-v1:1",
}


class GatewayError(Exception):
    """A 4xx of the gateway (other than 429), or another failure that never falls back."""

    def __init__(self, status, error, detail=None):
        super().__init__(f"{status} {error}" + (f": {detail}" if detail else ""))
        self.status, self.error, self.detail = status, error, detail


class RateLimited(GatewayError):
    """429: a limit of the gateway key. ``retry_after`` is in seconds (None if not said)."""

    def __init__(self, retry_after, limit, detail):
        super().__init__(429, "Rate limit exceeded", detail)
        self.retry_after, self.limit = retry_after, limit


class GatewayUnavailable(Exception):
    """The gateway itself failed before the first byte of an answer (the fallback causes)."""

    def __init__(self, cause, detail=None):
        super().__init__(cause + (f": {detail}" if detail else ""))
        self.cause = cause


class StreamInterrupted(Exception):
    """A stream failed after it began: an error event, or the connection broke."""

    def __init__(self, kind, detail):
        super().__init__(f"stream interrupted ({kind}): {detail}")
        self.kind = kind


def bucket(routing_key):
    """The routing key's bucket, 0..99 (the Java client's TrafficSplit.bucket)."""
    if not routing_key:
        raise ValueError("a routing key (a user or session id) is required")
    return int.from_bytes(hashlib.sha256(routing_key.encode("utf-8")).digest()[:8], "big") % 100


def _setting(env, name, default, parse):
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        return parse(raw)
    except ValueError as e:
        raise ValueError(f"{name}: {e}") from None


def _bool(raw):
    value = raw.lower()
    if value in ("true", "1", "yes", "on"):
        return True
    if value in ("false", "0", "no", "off"):
        return False
    raise ValueError(f"must be true or false, was {raw!r}")


def _int_between(low, high):
    def parse(raw):
        value = int(raw)
        if not low <= value <= high:
            raise ValueError(f"must be {low}..{high}, was {value}")
        return value

    return parse


def _api_base(url):
    """A bare address gets /api/v1/bedrock; a URL with a path is the API base itself."""
    if not url.startswith(("http://", "https://")):
        raise ValueError("BEDROCK_API_GATEWAY_URL: must be an http(s) URL")
    scheme, rest = url.split("://", 1)
    host, _, path = rest.partition("/")
    path = path.rstrip("/")
    return f"{scheme}://{host}/{path}" if path else f"{scheme}://{host}/api/v1/bedrock"


class BedrockService:
    """The application's Bedrock service: one instance per process, a routing key per call."""

    def __init__(self, env=None, direct=None):
        env = os.environ if env is None else env
        self.use_gateway = _setting(env, "USE_BEDROCK_GATEWAY", False, _bool)
        self.percentage = _setting(env, "GATEWAY_TRAFFIC_PERCENTAGE", 100, _int_between(0, 100))
        self.fallback = _setting(env, "GATEWAY_FALLBACK_TO_DIRECT", True, _bool)
        self.timeout = _setting(env, "GATEWAY_TIMEOUT_MS", 60000, _int_between(1, 3600000)) / 1000
        self.breaker_failures = _setting(
            env, "GATEWAY_BREAKER_MINIMUM_CALLS", 5, _int_between(1, 1000))
        self.breaker_seconds = _setting(
            env, "GATEWAY_BREAKER_OPEN_SECONDS", 30, _int_between(1, 3600))
        self.base = self.key = None
        if self.use_gateway:
            url = env.get("BEDROCK_API_GATEWAY_URL", "").strip()
            self.key = env.get("BEDROCK_API_GATEWAY_KEY", "").strip()
            if not url:
                raise ValueError("BEDROCK_API_GATEWAY_URL is required when USE_BEDROCK_GATEWAY is true")
            if not self.key:
                raise ValueError("BEDROCK_API_GATEWAY_KEY is required when USE_BEDROCK_GATEWAY is true")
            self.base = _api_base(url)
        self._direct = direct
        self._env = env
        self._failures = 0
        self._open_until = 0.0

    # -- routing ---------------------------------------------------------------------------------

    def route(self, routing_key):
        """'gateway' or 'direct': the path a call for this key is meant to take."""
        on = self.use_gateway and bucket(routing_key) < self.percentage
        return "gateway" if on else "direct"

    def direct(self):
        if self._direct is None:
            self._direct = DirectBedrock(self._env)
        return self._direct

    def _call(self, routing_key, gateway_call, direct_call):
        if self.route(routing_key) == "direct":
            return direct_call(self.direct())
        if time.monotonic() < self._open_until:
            return self._fall_back(direct_call, GatewayUnavailable("breaker_open"))
        try:
            result = gateway_call()
        except GatewayUnavailable as failure:
            self._failures += 1
            if self._failures >= self.breaker_failures:
                self._open_until = time.monotonic() + self.breaker_seconds
            return self._fall_back(direct_call, failure)
        self._failures = 0
        return result

    def _fall_back(self, direct_call, failure):
        if not self.fallback:
            raise failure
        return direct_call(self.direct())

    # -- operations ------------------------------------------------------------------------------

    def converse_stream(self, routing_key, messages, system_prompt=None, model_id=None, **options):
        """Yields the native API's events (dicts keyed by event name) as they arrive."""
        body = _chat_body(messages, system_prompt, model_id, options)

        def through_gateway():
            return _events(self._open("converse-stream", body))

        def direct(service):
            return service.converse_stream(messages, system_prompt, body["model_id"], **options)

        yield from self._call(routing_key, through_gateway, direct)

    def converse(self, routing_key, messages, system_prompt=None, model_id=None, **options):
        """The Converse answer: {"output": {"message": ...}, "stopReason", "usage", ...}."""
        body = _chat_body(messages, system_prompt, model_id, options)
        return self._call(
            routing_key,
            lambda: self._json("converse", body),
            lambda service: service.converse(messages, system_prompt, body["model_id"], **options))

    def generate_image(self, routing_key, prompt, model_id=None, **options):
        """The first image, base64 PNG."""
        body = {"prompt": prompt, "model_id": model_id or DEFAULT_MODELS["image"], **options}
        return self._call(
            routing_key,
            lambda: self._json("images/generate", body)["image"],
            lambda service: service.generate_image(prompt, body["model_id"], **options))

    def create_text_embedding(self, routing_key, text, model_id=None):
        """The embedding, a list of floats."""
        body = {"text": text, "model_id": model_id or DEFAULT_MODELS["embedding"]}
        return self._call(
            routing_key,
            lambda: self._json("embeddings/text", body)["embedding"],
            lambda service: service.create_text_embedding(text, body["model_id"]))

    # -- the gateway's wire ----------------------------------------------------------------------

    def _open(self, operation, body):
        """The open 200 answer, or the failure before its first byte, classified."""
        request = urllib.request.Request(
            f"{self.base}/{operation}",
            data=json.dumps(body).encode("utf-8"),
            headers={"X-API-Key": self.key, "Content-Type": "application/json"},
            method="POST")
        try:
            return urllib.request.urlopen(request, timeout=self.timeout)
        except urllib.error.HTTPError as answer:
            raise _refusal(answer) from None
        except urllib.error.URLError as failure:
            reason = failure.reason
            if isinstance(reason, ConnectionRefusedError):
                raise GatewayUnavailable("connection_refused", str(reason)) from None
            if isinstance(reason, (socket.timeout, TimeoutError)):
                raise GatewayUnavailable("timeout", str(reason)) from None
            raise GatewayUnavailable("connection_closed", str(reason)) from None
        except (socket.timeout, TimeoutError) as failure:
            raise GatewayUnavailable("timeout", str(failure)) from None
        except (ConnectionError, OSError) as failure:
            raise GatewayUnavailable("connection_closed", str(failure)) from None

    def _json(self, operation, body):
        with self._open(operation, body) as answer:
            return json.loads(answer.read())


def _refusal(answer):
    try:
        error = json.loads(answer.read(65536) or b"{}")
    except ValueError:
        error = {}
    status = answer.code
    if status == 429:
        retry = error.get("retry_after", answer.headers.get("Retry-After"))
        return RateLimited(int(retry) if retry is not None else None, error.get("limit"),
                           error.get("detail"))
    if status in FALLBACK_STATUSES:
        return GatewayUnavailable(FALLBACK_STATUSES[status], error.get("detail"))
    return GatewayError(status, error.get("error", f"HTTP {status}"), error.get("detail"))


def _chat_body(messages, system_prompt, model_id, options):
    body = {"messages": messages, "model_id": model_id or DEFAULT_MODELS["chat"]}
    if system_prompt:
        body["system_prompt"] = system_prompt
    body.update({name: value for name, value in options.items() if value is not None})
    return body


def _events(answer):
    """The stream's events, read line by line; an error event or a broken stream raises."""
    stopped = False
    try:
        with answer:
            data = []
            while True:
                line = answer.readline(MAX_LINE_BYTES + 1)
                if len(line) > MAX_LINE_BYTES:
                    raise StreamInterrupted("malformed_event", "a line is too long")
                text = line.decode("utf-8").rstrip("\r\n")
                if text.startswith("data:"):
                    value = text[5:]
                    data.append(value[1:] if value.startswith(" ") else value)
                    continue
                if text or not data:
                    if not line:
                        break
                    continue
                event = json.loads("\n".join(data))
                data = []
                if "error" in event:
                    raise StreamInterrupted(event.get("type", "stream_error"), event["error"])
                stopped = stopped or "messageStop" in event
                yield event
    except (OSError, ValueError) as failure:
        raise StreamInterrupted("connection_lost", str(failure)) from None
    if not stopped:
        raise StreamInterrupted("connection_lost", "the stream ended before messageStop")


class DirectBedrock:
    """The direct path: Bedrock Runtime with boto3 and the application's own AWS credentials."""

    def __init__(self, env=None):
        import boto3  # only the direct path needs it

        env = os.environ if env is None else env
        region = env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1"
        endpoint = env.get("BEDROCK_ENDPOINT_URL") or None
        self.client = boto3.client("bedrock-runtime", region_name=region, endpoint_url=endpoint)

    @staticmethod
    def _request(messages, system_prompt, model_id, options):
        request = {
            "modelId": model_id,
            "messages": [
                {"role": m["role"], "content": [{"text": m["content"]}]
                 if isinstance(m["content"], str) else m["content"]}
                for m in messages],
        }
        if system_prompt:
            request["system"] = [{"text": system_prompt}]
        inference = {key: options[name] for name, key in (
            ("max_tokens", "maxTokens"), ("temperature", "temperature"), ("top_p", "topP"),
            ("stop_sequences", "stopSequences")) if options.get(name) is not None}
        if inference:
            request["inferenceConfig"] = inference
        return request

    def converse_stream(self, messages, system_prompt, model_id, **options):
        answer = self.client.converse_stream(
            **self._request(messages, system_prompt, model_id, options))
        started = False
        try:
            for event in answer["stream"]:
                started = True
                yield event
        except Exception as failure:  # botocore's event-stream errors
            if started:
                raise StreamInterrupted("stream_error", str(failure)) from None
            raise

    def converse(self, messages, system_prompt, model_id, **options):
        return self.client.converse(**self._request(messages, system_prompt, model_id, options))

    def _invoke(self, model_id, body):
        answer = self.client.invoke_model(
            modelId=model_id, body=json.dumps(body), contentType="application/json",
            accept="application/json")
        return json.loads(answer["body"].read())

    def generate_image(self, prompt, model_id, **options):
        if "stability." in model_id:
            body = {"prompt": prompt, "output_format": "png"}
        else:
            body = {"taskType": "TEXT_IMAGE", "textToImageParams": {"text": prompt},
                    "imageGenerationConfig": {"numberOfImages": 1,
                                              "width": options.get("width", 1024),
                                              "height": options.get("height", 1024)}}
        return self._invoke(model_id, body)["images"][0]

    def create_text_embedding(self, text, model_id):
        if "cohere.embed" in model_id:
            body = {"texts": [text], "input_type": "search_document"}
            return self._invoke(model_id, body)["embeddings"][0]
        return self._invoke(model_id, {"inputText": text})["embedding"]


def png_bytes(image_base64):
    """The PNG bytes of a base64 image."""
    return base64.b64decode(image_base64)
