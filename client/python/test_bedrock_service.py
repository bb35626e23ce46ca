"""Tests of bedrock_service.py against a real gateway, run by the gateway's own test suite.

The JUnit test PythonClientEndToEndTest starts the gateways on the emulator and runs
``python3 -m unittest test_bedrock_service`` here with:
GATEWAY_URL (a gateway whose key has no request limit), GATEWAY_KEY, LIMITED_URL and LIMITED_KEY
(a key allowed one request), CLOSED_URL (where nothing listens), EXPECTED_TEXT (the emulator's
answer to "Hello there") and, for the direct path through boto3, DIRECT_ENDPOINT (another emulator).
"""

import base64
import http.server
import os
import threading
import unittest

import bedrock_service
from bedrock_service import (BedrockService, GatewayError, GatewayUnavailable, RateLimited,
                             StreamInterrupted, bucket)

HELLO = [{"role": "user", "content": "Hello there"}]


class CountingDirect:
    """Stands in for direct Bedrock where a test must see whether it was called."""

    def __init__(self):
        self.calls = 0

    def converse(self, messages, system_prompt, model_id, **options):
        self.calls += 1
        return {"output": {"message": {"role": "assistant", "content": [{"text": "direct"}]}},
                "stopReason": "end_turn"}

    def converse_stream(self, messages, system_prompt, model_id, **options):
        self.calls += 1
        yield {"messageStart": {"role": "assistant"}}
        yield {"messageStop": {"stopReason": "end_turn"}}


def service(url, key, direct=None, **settings):
    env = {"USE_BEDROCK_GATEWAY": "true", "BEDROCK_API_GATEWAY_URL": url,
           "BEDROCK_API_GATEWAY_KEY": key, **settings}
    return BedrockService(env, direct=direct)


def text_of(events):
    return "".join(e["contentBlockDelta"]["delta"].get("text", "")
                   for e in events if "contentBlockDelta" in e)


class ThroughTheGateway(unittest.TestCase):
    def setUp(self):
        self.direct = CountingDirect()
        self.service = service(os.environ["GATEWAY_URL"], os.environ["GATEWAY_KEY"], self.direct)

    def test_a_stream_arrives_event_by_event_with_the_emulators_answer(self):
        events = list(self.service.converse_stream("user-1", HELLO, "Be brief."))
        self.assertEqual({"messageStart": {"role": "assistant"}}, events[0])
        self.assertEqual(os.environ["EXPECTED_TEXT"], text_of(events))
        self.assertEqual("end_turn", next(e for e in events if "messageStop" in e)
                         ["messageStop"]["stopReason"])
        self.assertEqual(0, self.direct.calls)

    def test_converse_embeddings_and_images(self):
        answer = self.service.converse("user-1", HELLO)
        self.assertEqual(os.environ["EXPECTED_TEXT"],
                         answer["output"]["message"]["content"][0]["text"])
        self.assertEqual(1024, len(self.service.create_text_embedding("user-1", "a harbour")))
        png = base64.b64decode(self.service.generate_image("user-1", "a lighthouse"))
        self.assertEqual(b"\x89PNG", png[:4])

    def test_a_stream_failing_after_its_first_event_raises_and_is_not_run_again(self):
        events = []
        with self.assertRaises(StreamInterrupted):
            for event in self.service.converse_stream(
                    "user-1", [{"role": "user", "content": "Hello [emulator:fail-after=1]"}]):
                events.append(event)
        self.assertGreaterEqual(len(events), 1)
        self.assertEqual(0, self.direct.calls)

    def test_a_refused_key_is_raised_and_never_goes_direct(self):
        refused = service(os.environ["GATEWAY_URL"], "bgw_not_a_key_0123456789", self.direct)
        with self.assertRaises(GatewayError) as raised:
            refused.converse("user-1", HELLO)
        self.assertEqual(401, raised.exception.status)
        self.assertEqual(0, self.direct.calls)


class RateLimits(unittest.TestCase):
    def test_429_is_raised_with_its_retry_time_and_never_goes_direct(self):
        direct = CountingDirect()
        limited = service(os.environ["LIMITED_URL"], os.environ["LIMITED_KEY"], direct)
        limited.converse("user-1", HELLO)
        with self.assertRaises(RateLimited) as raised:
            list(limited.converse_stream("user-1", HELLO))
        self.assertGreater(raised.exception.retry_after, 0)
        self.assertEqual("requests", raised.exception.limit)
        self.assertEqual(0, direct.calls)


class Fallback(unittest.TestCase):
    def test_a_gateway_that_refuses_connections_sends_calls_direct(self):
        direct = CountingDirect()
        down = service(os.environ["CLOSED_URL"], "bgw_any_key_0123456789", direct)
        self.assertEqual("direct", down.converse("user-1", HELLO)["output"]["message"]
                         ["content"][0]["text"])
        self.assertEqual(["messageStart", "messageStop"],
                         [next(iter(e)) for e in down.converse_stream("user-1", HELLO)])
        self.assertEqual(2, direct.calls)

    def test_with_fallback_off_the_failure_is_raised(self):
        direct = CountingDirect()
        down = service(os.environ["CLOSED_URL"], "bgw_any_key_0123456789", direct,
                       GATEWAY_FALLBACK_TO_DIRECT="false")
        with self.assertRaises(GatewayUnavailable) as raised:
            down.converse("user-1", HELLO)
        self.assertEqual("connection_refused", raised.exception.cause)
        self.assertEqual(0, direct.calls)

    def test_the_breaker_skips_the_gateway_after_repeated_failures(self):
        direct = CountingDirect()
        down = service(os.environ["CLOSED_URL"], "bgw_any_key_0123456789", direct,
                       GATEWAY_BREAKER_MINIMUM_CALLS="2")
        down.converse("user-1", HELLO)
        down.converse("user-1", HELLO)
        self.assertGreater(down._open_until, 0)
        down.converse("user-1", HELLO)
        self.assertEqual(3, direct.calls)

    @unittest.skipUnless(os.environ.get("DIRECT_ENDPOINT"), "no emulator for the direct path")
    def test_the_direct_path_through_boto3_gives_the_same_answer(self):
        try:
            import boto3  # noqa: F401
        except ImportError:
            self.skipTest("boto3 is not installed")
        env = {"USE_BEDROCK_GATEWAY": "false", "BEDROCK_ENDPOINT_URL": os.environ["DIRECT_ENDPOINT"],
               "AWS_REGION": "us-east-1"}
        os.environ.setdefault("AWS_ACCESS_KEY_ID", "direct")
        os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "direct")
        events = list(BedrockService(env).converse_stream("user-1", HELLO))
        self.assertEqual(os.environ["EXPECTED_TEXT"], text_of(events))


class Routing(unittest.TestCase):
    def test_buckets_are_the_java_clients(self):
        self.assertEqual([94, 29, 57, 48],
                         [bucket(k) for k in ("user-1", "user-42", "session-7f3a", "Zoë")])

    def test_thirty_percent_of_a_thousand_keys_give_or_take_four_each_always_the_same_way(self):
        split = service("http://gw:8000", "bgw_any_key_0123456789",
                        GATEWAY_TRAFFIC_PERCENTAGE="30")
        again = service("http://gw:8000", "bgw_any_key_0123456789",
                        GATEWAY_TRAFFIC_PERCENTAGE="30")
        routes = [split.route(f"user-{i}") for i in range(1000)]
        self.assertTrue(260 <= routes.count("gateway") <= 340)
        self.assertEqual(routes, [again.route(f"user-{i}") for i in range(1000)])

    def test_a_bad_setting_names_its_variable(self):
        with self.assertRaisesRegex(ValueError, "GATEWAY_TRAFFIC_PERCENTAGE"):
            service("http://gw:8000", "k", GATEWAY_TRAFFIC_PERCENTAGE="150")
        with self.assertRaisesRegex(ValueError, "USE_BEDROCK_GATEWAY"):
            BedrockService({"USE_BEDROCK_GATEWAY": "maybe"})


class PiecesServer(http.server.BaseHTTPRequestHandler):
    """Writes an event stream in awkward pieces: an event split in two, two events in one write."""

    pieces = [b'data: {"messageStart":{"role":"assistant"}}\n\ndata: {"contentBlockDe',
              b'lta":{"delta":{"text":"Hi"},"contentBlockIndex":0}}\r\n\r\n: a comment\n\n',
              b'data: {"messageStop":{"stopReason":"end_turn"}}\n\n']

    def do_POST(self):
        self.rfile.read(int(self.headers["Content-Length"]))
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for piece in self.pieces:
            self.wfile.write(piece)
            self.wfile.flush()

    def log_message(self, *args):
        pass


class LineByLine(unittest.TestCase):
    def test_events_split_or_joined_by_the_network_are_read_whole(self):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), PiecesServer)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            url = f"http://127.0.0.1:{server.server_address[1]}"
            events = list(service(url, "bgw_any_key_0123456789").converse_stream("u", HELLO))
        finally:
            server.shutdown()
            server.server_close()
        self.assertEqual(["messageStart", "contentBlockDelta", "messageStop"],
                         [next(iter(e)) for e in events])
        self.assertEqual("Hi", text_of(events))


if __name__ == "__main__":
    unittest.main()
