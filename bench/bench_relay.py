"""Signaling relay through the session channel, against a bare tornado WebSocket echo
server measured the same way in the same run.

Two clients A and B (two sockets of the session's host, as two browser tabs hold them) in
this process, the servers in their own processes:

- round trip: A sends a `signal` (an ICE candidate) to B's connection id, B answers with a
  `signal` back to A; from A's send to A's receipt of the answer. Paced at a rate the
  default signaling limit allows, on a server with the default options.
- the echo, the same way: A sends the same message to the echo server, A's copy comes back
  and is handed to B, B sends its answer, B's copy comes back: two passes through a server
  and the same JSON work on the clients, but no authentication, validation, rate limit or
  routing. It is the floor. Relay and echo round trips alternate, so that both meet the
  same moments of a busy machine.
- throughput: A sends to B as fast as B receives (a window of messages in flight), for a
  few seconds; messages delivered per second. The default limit (`channel_signal_rate`,
  300 per 10 s per socket) caps this at 30 per second, so the figure is taken on a second
  server with the operator's setting raised through config; what the default allows is
  measured too, on the default server.

    python bench/bench_relay.py [--samples 300] [--pace 25] [--seconds 4]
    python bench/bench_relay.py --echo-server PORT   (the reference, started by the above)

Writes bench/results/relay.json.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tornado.httpclient import HTTPRequest
from tornado.websocket import WebSocketClientConnection, websocket_connect

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import CodeCallServer, free_port, machine, summary_ms, write_result

RAISED_RATE = "1000000/10seconds"
WINDOW = 200  # messages in flight during the throughput runs
Handler = Callable[[str], Awaitable[None] | None]


def candidate(seq: int) -> dict[str, Any]:
    """An ICE candidate as a browser sends it, numbered."""
    return {
        "candidate": "candidate:842163049 1 udp 1677729535 127.0.0.1 54400 typ srflx raddr "
        "0.0.0.0 rport 0 generation 0 ufrag sXcK network-cost 999",
        "sdpMid": "0",
        "sdpMLineIndex": 0,
        "seq": seq,
    }


# -- the reference ----------------------------------------------------------------------------


def echo_server(port: int) -> None:
    """A bare tornado WebSocket echo server: every message straight back to its sender."""
    import tornado.web
    import tornado.websocket

    class Echo(tornado.websocket.WebSocketHandler):
        def check_origin(self, origin: str) -> bool:
            return True

        def on_message(self, message: str | bytes) -> None:
            self.write_message(message, binary=isinstance(message, bytes))

    async def serve() -> None:
        app = tornado.web.Application([(r"/echo", Echo)])
        app.listen(port, address="127.0.0.1")
        await asyncio.Event().wait()

    asyncio.run(serve())


class EchoProcess:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"ws://127.0.0.1:{self.port}/echo"
        self.process = subprocess.Popen([sys.executable, __file__, "--echo-server", str(self.port)])
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the echo server did not start")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


# -- clients ------------------------------------------------------------------------------------


class Socket:
    """A client WebSocket whose messages go to ``handler`` as they arrive."""

    def __init__(self, connection: WebSocketClientConnection) -> None:
        self.connection = connection
        self.handler: Handler | None = None
        self.reader: asyncio.Task[None] | None = None

    def start(self, handler: Handler) -> None:
        self.handler = handler
        self.reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        while True:
            raw = await self.connection.read_message()
            if raw is None:
                return
            assert self.handler is not None
            result = self.handler(raw if isinstance(raw, str) else raw.decode())
            if result is not None:
                await result

    def send(self, text: str) -> None:
        # Not awaited: a browser does not wait for its own send either; the window or the
        # pacing keeps what is in flight bounded.
        self.connection.write_message(text)

    def close(self) -> None:
        if self.reader is not None:
            self.reader.cancel()
        self.connection.close()


async def channel_socket(server: CodeCallServer, session_id: str) -> tuple[Socket, str]:
    """A channel socket inside the session, greeted: the socket and its connection id."""
    connection = await websocket_connect(server.channel_request(session_id))
    connection_id = ""
    while True:
        raw = await asyncio.wait_for(connection.read_message(), 30)
        if raw is None:
            raise ConnectionError("the channel closed before its snapshot")
        message = json.loads(raw)
        if message["type"] == "hello":
            connection_id = message["connection_id"]
        elif message["type"] == "snapshot":
            return Socket(connection), connection_id


class Pair:
    """A and B with the round trip and the one-way flood, over the channel or the echo."""

    def __init__(self, a: Socket, b: Socket, a_id: str = "", b_id: str = "") -> None:
        self.a, self.b, self.a_id, self.b_id = a, b, a_id, b_id
        self.relay = bool(a_id)
        self.waiting: dict[int, asyncio.Future[float]] = {}
        self.delivered = 0
        self.delivered_at: list[float] = []
        self.refused = 0
        self.errors: list[str] = []
        self.room = asyncio.Event()

    def message(self, seq: int, to_b: bool) -> str:
        if not self.relay:
            return json.dumps({"type": "signal", "kind": "candidate", "data": candidate(seq)})
        target = self.b_id if to_b else self.a_id
        return json.dumps(
            {"type": "signal", "to": target, "kind": "candidate", "data": candidate(seq)}
        )

    # -- round trips --------------------------------------------------------------------------
    def _answer(self, raw: str) -> None:
        """B's part: an arriving candidate is answered with one of B's own."""
        message = json.loads(raw)
        if message.get("type") == "signal":
            self.b.send(self.message(message["data"]["seq"], to_b=False))
        elif message.get("type") == "error":
            self.errors.append(message.get("code", "?"))

    def _answered(self, raw: str) -> None:
        message = json.loads(raw)
        if message.get("type") == "signal":
            future = self.waiting.pop(message["data"]["seq"], None)
            if future is not None and not future.done():
                future.set_result(time.perf_counter())
        elif message.get("type") == "error":
            self.errors.append(message.get("code", "?"))

    def listen(self) -> None:
        if self.relay:  # A hears B's answers; B answers A's candidates
            self.a.start(self._answered)
            self.b.start(self._answer)
        else:  # the echo: A's copy goes to B, B's copy is the answer arriving
            self.a.start(self._answer)
            self.b.start(self._answered)

    async def round_trip(self, seq: int) -> float | None:
        """One round trip in ms, or None when the answer did not come in 5 s."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self.waiting[seq] = future
        sent = time.perf_counter()
        self.a.send(self.message(seq, to_b=True))
        try:
            return (await asyncio.wait_for(future, 5) - sent) * 1000
        except TimeoutError:
            self.errors.append(f"round trip {seq} timed out")
            return None

    # -- flood --------------------------------------------------------------------------------
    def _count(self, raw: str) -> None:
        self.delivered += 1
        self.delivered_at.append(time.perf_counter())
        self.room.set()

    def _refusal(self, raw: str) -> None:
        if '"rate_limited"' in raw:
            self.refused += 1
            self.room.set()

    async def flood(self, seconds: float, warmup: float) -> dict[str, Any]:
        """A sends to B with at most WINDOW messages in flight; what B receives per second."""
        receiver = self.b if self.relay else self.a
        receiver.start(self._count)
        if self.relay:
            self.a.start(self._refusal)
        texts = [self.message(i, to_b=True) for i in range(WINDOW)]
        sent = 0
        begin = time.perf_counter()
        stop = begin + warmup + seconds
        while time.perf_counter() < stop:
            if sent - self.delivered - self.refused >= WINDOW:
                self.room.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.room.wait(), 1.0)
                continue
            self.a.send(texts[sent % WINDOW])
            sent += 1
            if sent % 50 == 0:
                await asyncio.sleep(0)
        window = [t for t in self.delivered_at if t >= begin + warmup]
        return {
            "sent": sent,
            "delivered": self.delivered,
            "refused_rate_limited": self.refused,
            "messages_per_second": round(len(window) / seconds, 1),
        }


async def round_trips(pairs: list[Pair], samples: int, pace: float) -> list[list[float]]:
    """Round trips on each pair in turn, so that both meet the same moments of a busy
    machine; each pair sends ``pace`` per second."""
    for pair in pairs:
        pair.listen()
    times: list[list[float]] = [[] for _ in pairs]
    interval = 1.0 / pace
    next_at = time.perf_counter()
    for seq in range(samples):
        for pair, kept in zip(pairs, times, strict=True):
            value = await pair.round_trip(seq)
            if value is not None:
                kept.append(value)
        next_at += interval
        await asyncio.sleep(max(0.0, next_at - time.perf_counter()))
    return times


def cpu_seconds_of_self() -> float:
    times = os.times()
    return times.user + times.system


async def relay_pair(server: CodeCallServer, title: str) -> Pair:
    session_id, _ = server.create_session(title)
    a, a_id = await channel_socket(server, session_id)
    b, b_id = await channel_socket(server, session_id)
    return Pair(a, b, a_id, b_id)


async def echo_pair(echo: EchoProcess) -> Pair:
    a = Socket(await websocket_connect(HTTPRequest(echo.url)))
    b = Socket(await websocket_connect(HTTPRequest(echo.url)))
    return Pair(a, b)


async def timed_flood(
    pair: Pair, seconds: float, warmup: float, cpu_of_server: Callable[[], float]
) -> dict[str, Any]:
    server_before, own_before, wall = cpu_of_server(), cpu_seconds_of_self(), time.monotonic()
    result = await pair.flood(seconds, warmup)
    elapsed = time.monotonic() - wall
    result["server_cpu"] = round((cpu_of_server() - server_before) / elapsed, 2)
    result["client_cpu"] = round((cpu_seconds_of_self() - own_before) / elapsed, 2)
    return result


def proc_cpu(pid: int) -> Callable[[], float]:
    def read() -> float:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    return read


async def run(args: argparse.Namespace) -> dict[str, Any]:
    results: dict[str, Any] = {
        "machine": machine(),
        "method": {
            "clients": "two sockets of the session host in one client process",
            "round_trip": "A -> B -> A, one ICE candidate each way",
            "samples": args.samples,
            "paced_per_second": args.pace,
            "flood_seconds": args.seconds,
            "flood_window": WINDOW,
        },
    }
    echo = EchoProcess()
    with tempfile.TemporaryDirectory(prefix="codecall-bench-relay-") as tmp_name:
        tmp = Path(tmp_name)
        try:
            # The default options: the round trip as users get it, and what the limit allows.
            server = CodeCallServer(tmp / "default")
            server.start()
            try:
                pair = await relay_pair(server, "relay")
                reference = await echo_pair(echo)
                relay_rtt, echo_rtt = await round_trips([pair, reference], args.samples, args.pace)
                results["relay"] = {**summary_ms(relay_rtt), "errors": pair.errors[:5]}
                results["echo"] = {**summary_ms(echo_rtt), "errors": reference.errors[:5]}
                for p in (pair, reference):
                    p.a.close()
                    p.b.close()
                # A fresh pair (full buckets) floods for a few seconds on the default limit.
                limited = await relay_pair(server, "relay-default-limit")
                default = await limited.flood(args.seconds, 0.0)
                first = [t for t in limited.delivered_at if t < limited.delivered_at[0] + 1]
                results["default_limit"] = {
                    "channel_signal_rate": "300/10seconds",
                    "sustained_per_socket_per_second": 30,
                    "burst": 300,
                    "measured_delivered": default["delivered"],
                    "measured_refused": default["refused_rate_limited"],
                    "measured_seconds": args.seconds,
                    "measured_first_second": len(first),
                }
                limited.a.close()
                limited.b.close()
            finally:
                server.stop()
            # Raised through config: the relay's own ceiling, not the limit's.
            raised = CodeCallServer(tmp / "raised", {"channel_signal_rate": RAISED_RATE})
            raised.start()
            try:
                assert raised.process is not None
                pair = await relay_pair(raised, "relay-throughput")
                flood = await timed_flood(pair, args.seconds, 1.0, proc_cpu(raised.process.pid))
                results["relay"]["throughput"] = {**flood, "channel_signal_rate": RAISED_RATE}
                pair.a.close()
                pair.b.close()
            finally:
                raised.stop()
            reference = await echo_pair(echo)
            flood = await timed_flood(reference, args.seconds, 1.0, proc_cpu(echo.process.pid))
            results["echo"]["throughput"] = flood
            reference.a.close()
            reference.b.close()
        finally:
            echo.stop()
    relay_p99, echo_p99 = results["relay"]["p99_ms"], results["echo"]["p99_ms"]
    if relay_p99 is not None and echo_p99:
        results["p99_ratio"] = round(relay_p99 / echo_p99, 2)
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--echo-server", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--pace", type=float, default=25.0, help="round trips per second")
    parser.add_argument("--seconds", type=float, default=4.0, help="each flood's measurement")
    args = parser.parse_args()
    if args.echo_server:
        echo_server(args.echo_server)
        return
    results = asyncio.run(run(args))
    path = write_result("relay", results)
    for key in ("relay", "echo"):
        row = results[key]
        print(
            f"{key:6} round trip p50 {row['p50_ms']} ms, p99 {row['p99_ms']} ms "
            f"(n={row['n']}); {row['throughput']['messages_per_second']} messages/s"
        )
    print(f"default limit: {json.dumps(results['default_limit'])}")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
