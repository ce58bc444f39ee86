#!/usr/bin/env python3
"""A webhook receiver to try VoC Monitor's webhooks with, on this machine: it listens on 127.0.0.1:PORT, checks each
delivery's Standard Webhooks signature with the subscription's secret, prints one line per delivery and answers 204
(or 401 when the signature does not verify, so that the delivery log shows it).

    python3 docs/examples/webhook-receiver.py PORT whsec_…

The dashboard-service delivers to it only when started with VOC_WEBHOOK_ALLOW_HTTP=true and
VOC_WEBHOOK_ALLOWED_HOSTS=127.0.0.1:PORT (see the README, "Webhooks"). Python 3.9 or later, nothing to install.
"""
import base64
import hashlib
import hmac
import json
import sys
import time
from http.server import BaseHTTPRequestHandler, HTTPServer


def verify(secret, headers, body):  # body: the raw bytes as received
    signed = f"{headers['webhook-id']}.{headers['webhook-timestamp']}.".encode() + body
    mac = hmac.new(base64.b64decode(secret.removeprefix("whsec_")), signed, hashlib.sha256).digest()
    expected = "v1," + base64.b64encode(mac).decode()
    fresh = abs(time.time() - int(headers["webhook-timestamp"])) < 300
    return fresh and any(hmac.compare_digest(expected, s) for s in headers["webhook-signature"].split())


class Receiver(BaseHTTPRequestHandler):
    secret = ""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        try:
            verified = verify(self.secret, self.headers, body)
        except (KeyError, TypeError, ValueError):
            verified = False
        if verified:
            event = json.loads(body)
            print(f"verified {self.headers['webhook-id']} {event['type']} {json.dumps(event['data'])}", flush=True)
        else:
            print(f"REFUSED {self.headers.get('webhook-id')}: the signature does not verify", flush=True)
        self.send_response(204 if verified else 401)
        self.end_headers()

    def log_message(self, format, *args):  # one line per delivery is enough
        pass


if __name__ == "__main__":
    if len(sys.argv) != 3 or not sys.argv[2].startswith("whsec_"):
        sys.exit("usage: webhook-receiver.py PORT whsec_…")
    Receiver.secret = sys.argv[2]
    server = HTTPServer(("127.0.0.1", int(sys.argv[1])), Receiver)
    print(f"listening on http://127.0.0.1:{sys.argv[1]}/", flush=True)
    server.serve_forever()
