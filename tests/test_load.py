"""Sessions under load (issue 9): many sessions of two clients each, all at once, typing into
the solution, drawing on the whiteboard, chatting, signaling and running code every few
seconds, against a real server in its own process with a real sandbox. Zero errors; every
edit, stroke, chat message and signal arrives exactly once, on both clients and (edits and
strokes) in the server's stored history; every run ends with its verdict; the server's
memory is flat after warm-up; REST latency during the load is reported.

``make test`` runs it small (CODECALL_LOAD_SESSIONS=10, CODECALL_LOAD_SECONDS=20);
``make soak`` at the issue's size (100 sessions, 120 s). Figures are printed and written
to ``load.json`` in the test's tmp dir (or CODECALL_LOAD_REPORT).

The second test SIGKILLs the server in the middle of a smaller load and restarts it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from load_driver import TOKEN_RE, problems
from pycrdt import Doc, Map, Text
from runner_support import RUNNER_CONFIG
from server_process import ServerProcess

pytestmark = pytest.mark.sqlite_only

DRIVER = Path(__file__).with_name("load_driver.py")


def env_number(name: str, default: float) -> float:
    return float(os.environ.get(name, default))


SESSIONS = int(env_number("CODECALL_LOAD_SESSIONS", 10))
SECONDS = env_number("CODECALL_LOAD_SECONDS", 20)
WORKERS = max(1, min(SESSIONS, int(env_number("CODECALL_LOAD_WORKERS", 1))))
RUN_INTERVAL = env_number("CODECALL_LOAD_RUN_INTERVAL", 10)
# Runs may queue at the size (10 runs/s on 2 shared cores, beside 200 clients):
# the queue must drain before the verdicts are in. Allow for it rather than refuse runs.
RUN_TIMEOUT = env_number("CODECALL_LOAD_RUN_TIMEOUT", 60 + SESSIONS * SECONDS / RUN_INTERVAL / 2)
SETTLE = 60.0
# Server RSS at the end of the load may exceed RSS at the end of warm-up by what the
# documents grew meanwhile (measured: the stored documents rebuilt in this process) plus
# the larger of these, for chat and run records and the allocator's slack.
RSS_TOLERANCE_MB = 25.0
RSS_TOLERANCE_RATIO = 0.15
WARMUP = max(5.0, SECONDS / 4)

LOAD: dict[str, Any] = {
    "typing_rate": 2.0,  # updates per second per client
    "stroke_interval": 2.0,
    # 1 per 3 s and 1 per s per socket: well inside channel_chat_rate (20/10 s) and
    # channel_signal_rate (300/10 s), the defaults.
    "chat_interval": 3.0,
    "signal_interval": 1.0,
    "run_interval": RUN_INTERVAL,
    "probe_interval": 0.25,
    "settle_timeout": SETTLE,
    "run_timeout": RUN_TIMEOUT,
}


def server_traits() -> dict[str, Any]:
    traits = {f"CodeCallApp__{name}": value for name, value in RUNNER_CONFIG.items()}
    traits.update(
        # Every client is a tab of the owner (token): the per-user limits (REST calls, runs
        # at once) are meant for one person, not for a whole load generator, so they are
        # raised; runs queue without bound (the queue is what the figures show), and two
        # warm Python kernels wait as in a server in service. The channel keeps its limits.
        CodeCallApp__api_rate_limit_user="1000000/minute",
        CodeCallApp__api_rate_limit_address="1000000/minute",
        CodeCallApp__max_runs_per_user=RUNNER_CONFIG["max_runs_total"],
        CodeCallApp__max_run_queue=100_000,
        CodeCallApp__kernel_pool_sizes={"python": 2, "polyglot": 0},
        # One SQLite file takes every write of 2N clients on 2 shared cores: with cold
        # kernels starting, a writer can wait for the lock longer than the 5 s default
        # (seen once: a chat answered database_busy). Operators of a server this loaded
        # raise it the same way, or move to PostgreSQL.
        CodeCallApp__db_busy_timeout=30.0,
    )
    return traits


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))], 1)


def stored(db_path: Path, room: str) -> Doc:
    """A document as the server's history holds it: its stored updates applied in order."""
    with sqlite3.connect(db_path) as db:
        rows = db.execute(
            "SELECT data FROM doc_updates WHERE room = ? ORDER BY id", (room,)
        ).fetchall()
    doc: Doc = Doc()
    for (data,) in rows:
        doc.apply_update(data)
    return doc


def warm_up_runner(server: ServerProcess) -> None:
    """One run before the load: the runner starts (and probes its languages) on first use,
    as any server in service already has."""
    body = {"language": "python", "code": "print('warm')"}
    status, run = server.request("POST", "codecall/api/runs", body)
    assert status == 202, run
    deadline = time.monotonic() + 60
    while run["status"] != "done" and time.monotonic() < deadline:
        status, run = server.request("GET", f"codecall/api/runs/{run['id']}?wait=5")
        assert status == 200, run
    assert run.get("verdict") == "OK", run


async def start_worker(
    server: ServerProcess, tmp: Path, index: int, first: int, count: int, **overrides: Any
) -> Any:
    config = {
        "url": server.url,
        "port": server.port,
        "token": server.token,
        "first": first,
        "sessions": count,
        "total": SESSIONS,
        "seconds": SECONDS,
        **LOAD,
        **overrides,
    }
    path = tmp / f"worker{index}.json"
    path.write_text(json.dumps(config))
    return await asyncio.create_subprocess_exec(
        sys.executable,
        str(DRIVER),
        str(path),
        str(tmp / f"worker{index}.out.json"),
        env=server.env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )


@pytest.mark.timeout(300 + SECONDS + RUN_TIMEOUT + SESSIONS * 3)
async def test_sessions_under_load_lose_nothing_and_stay_flat(tmp_path: Path) -> None:
    server = ServerProcess(tmp_path, **server_traits())
    server.start()
    workers: list[Any] = []
    try:
        assert server.process is not None
        pid = server.process.pid
        warm_up_runner(server)
        per = -(-SESSIONS // WORKERS)
        slices = [(i * per, min(per, SESSIONS - i * per)) for i in range(WORKERS)]
        workers = [
            await start_worker(server, tmp_path, i, first, count)
            for i, (first, count) in enumerate(slices)
            if count > 0
        ]
        for worker in workers:  # every session open, every client synced
            line = await asyncio.wait_for(worker.stdout.readline(), 60 + SESSIONS * 3)
            assert line == b"ready\n", line + await worker.stdout.read() + server.log().encode()
        rss_start = rss_mb(pid)
        for worker in workers:
            worker.stdin.write(b"go\n")
            await worker.stdin.drain()

        started = time.monotonic()
        samples: list[tuple[float, float]] = []
        while time.monotonic() - started < SECONDS:
            samples.append((time.monotonic() - started, rss_mb(pid)))
            await asyncio.sleep(0.5)
        outputs = [(await w.communicate())[0].decode() for w in workers]
        for worker, output in zip(workers, outputs, strict=True):
            assert worker.returncode == 0, f"{output}\n--- server ---\n{server.log()}"

        results = [
            json.loads((tmp_path / f"worker{i}.out.json").read_text()) for i in range(len(workers))
        ]
        errors = [e for r in results for e in r["errors"]]
        sessions = [s for r in results for s in r["sessions"]]
        timings: dict[str, list[float]] = {}
        for result in results:
            for label, values in result["timings"].items():
                timings.setdefault(label, []).extend(values)

        # The server's history holds each session's edits and strokes exactly once (read
        # once the server has stopped: nothing of it is still on its way to the database).
        server.stop()
        history_problems = []
        db_path = tmp_path / "codecall.db"
        # The documents themselves, as the server holds them, kept while measured: the
        # server's memory may grow by what they grew after warm-up, and not by more.
        rss_without_docs = rss_mb(os.getpid())
        documents: list[Doc] = []
        for session in sessions:
            final = next(iter(session["tabs"].values()))
            documents.append(stored(db_path, session["rooms"]["text"]))
            text = str(documents[-1].get("source", type=Text))
            if TOKEN_RE.findall(text) != TOKEN_RE.findall(final["text"]):
                history_problems.append(f"session {session['index']}: stored text differs")
            documents.append(stored(db_path, session["rooms"]["board"]))
            board = documents[-1].get("elements", type=Map)
            if sorted(board.keys()) != final["board"]:
                history_problems.append(f"session {session['index']}: stored board differs")
        documents_mb = max(0.0, rss_mb(os.getpid()) - rss_without_docs)
        del documents

        warm = [rss for t, rss in samples if t >= WARMUP]
        rss_warm, rss_end = warm[0], samples[-1][1]
        runs = [run for s in sessions for run in s["runs"]]
        run_seconds = [run["seconds"] for run in runs if "seconds" in run]
        rest = [v for label, values in timings.items() if label != "runs.wait" for v in values]
        report = {
            "sessions": SESSIONS,
            "clients": 2 * SESSIONS,
            "seconds": SECONDS,
            "workers": len(workers),
            "load_seconds": max(r["load_seconds"] for r in results),
            "settle_seconds": max(r["settle_seconds"] for r in results),
            "sent": {
                "edits": sum(len(t["typed"]) for s in sessions for t in s["tabs"].values()),
                "strokes": sum(len(t["strokes"]) for s in sessions for t in s["tabs"].values()),
                "chat": sum(len(t["chats_sent"]) for s in sessions for t in s["tabs"].values()),
                "signals": sum(
                    len(t["signals_sent"]) for s in sessions for t in s["tabs"].values()
                ),
                "runs": len(runs),
            },
            "errors": len(errors),
            "rest_ms": {
                "probe_p50": percentile(timings.get("probe", []), 50),
                "probe_p99": percentile(timings.get("probe", []), 99),
                "probe_count": len(timings.get("probe", [])),
                "all_p50": percentile(rest, 50),
                "all_p99": percentile(rest, 99),
                "all_count": len(rest),
                "runs_create_p99": percentile(timings.get("runs.create", []), 99),
            },
            "run_seconds": {
                "p50": percentile(run_seconds, 50),
                "p99": percentile(run_seconds, 99),
                "max": max(run_seconds, default=None),
                "max_queue_position": max((r.get("position") or 0 for r in runs), default=0),
            },
            "rss_mb": {
                "before_load": round(rss_start, 1),
                "after_warmup": round(rss_warm, 1),
                "end": round(rss_end, 1),
                "peak": round(max(rss for _, rss in samples), 1),
                "warmup_seconds": WARMUP,
                "documents_mb": round(documents_mb, 1),
                # Sent steadily: the share of the documents made after warm-up.
                "tolerance_mb": round(
                    max(RSS_TOLERANCE_MB, RSS_TOLERANCE_RATIO * rss_warm)
                    + documents_mb * (1 - WARMUP / SECONDS),
                    1,
                ),
            },
        }
        report_path = Path(os.environ.get("CODECALL_LOAD_REPORT", tmp_path / "load.json"))
        report_path.write_text(json.dumps({**report, "rss_samples": samples}, indent=1))
        print(f"\nload report ({report_path}):\n{json.dumps(report, indent=1)}")

        assert not errors, errors[:20]
        found = [f"session {s['index']}: {p}" for s in sessions for p in problems(s)]
        assert not found, found[:20]
        assert not history_problems, history_problems[:20]
        assert report["sent"]["edits"] > 0
        assert report["sent"]["runs"] > 0
        assert rss_end - rss_warm <= report["rss_mb"]["tolerance_mb"], report["rss_mb"]
        assert "Traceback" not in server.log(), server.log()
    finally:
        for worker in workers:
            if worker.returncode is None:
                worker.kill()
                await worker.wait()
        server.stop()


KILL_SESSIONS = int(env_number("CODECALL_KILL_SESSIONS", 6))
KILL_SECONDS = env_number("CODECALL_KILL_SECONDS", 16)
KILL_AT = KILL_SECONDS * 0.4


@pytest.mark.timeout(420)
async def test_sigkill_during_the_load_keeps_everything_acknowledged(tmp_path: Path) -> None:
    """SIGKILL the server in the middle of the load and start it again. The clients carry
    on offline, then reconnect as tabs do: both copies of every document converge on
    every edit and stroke either client made, once, and so does the stored history; every
    chat message a client had received is in the session's chat once; every run result a
    client had seen is unchanged, and every run the kill interrupted is closed."""
    server = ServerProcess(tmp_path, **server_traits())
    server.start()
    worker: Any = None
    try:
        warm_up_runner(server)
        worker = await start_worker(
            server,
            tmp_path,
            0,
            0,
            KILL_SESSIONS,
            total=KILL_SESSIONS,
            seconds=KILL_SECONDS,
            run_interval=2.0,
            offline_ok=True,
            settle_timeout=90.0,
        )
        line = await asyncio.wait_for(worker.stdout.readline(), 60 + KILL_SESSIONS * 3)
        assert line == b"ready\n", line + await worker.stdout.read() + server.log().encode()
        worker.stdin.write(b"go\n")
        await worker.stdin.drain()
        await asyncio.sleep(KILL_AT)
        server.kill()
        killed_at = time.monotonic()
        await asyncio.to_thread(server.start)
        output = (await worker.communicate())[0].decode()
        assert worker.returncode == 0, f"{output}\n--- server ---\n{server.log()}"
        result = json.loads((tmp_path / "worker0.out.json").read_text())
        assert not result["errors"], result["errors"][:20]
        assert result["offline"] > 0, "the kill went unnoticed: nothing was tested"
        sessions = result["sessions"]

        found: list[str] = []
        interrupted = acknowledged_runs = acknowledged_chat = 0
        for session in sessions:
            tag = f"session {session['index']}"
            (a_name, a), (b_name, b) = session["tabs"].items()
            typed = a["typed"] + b["typed"]
            for name, tab in session["tabs"].items():
                counts = Counter(TOKEN_RE.findall(tab["text"]))
                if sorted(counts) != sorted(typed) or any(c != 1 for c in counts.values()):
                    found.append(f"{tag} {name}: {len(counts)} of {len(typed)} edits, once each")
                if tab["board"] != sorted(a["strokes"] + b["strokes"]):
                    found.append(f"{tag} {name}: board differs from the strokes drawn")
            if a["text"] != b["text"]:
                found.append(f"{tag}: the two copies differ")

            status, history = server.request("GET", f"codecall/api/sessions/{session['id']}/chat")
            assert status == 200, history
            texts = [m["text"] for m in history["messages"]]
            doubled = [t for t, k in Counter(texts).items() if k > 1]
            acknowledged = set(a["chats_received"] + b["chats_received"])
            acknowledged_chat += len(acknowledged)
            attempted = set(
                a["chats_sent"] + b["chats_sent"] + a["chats_failed"] + b["chats_failed"]
            )
            if doubled or not acknowledged <= set(texts) or not set(texts) <= attempted:
                found.append(
                    f"{tag} chat: doubled {doubled[:3]},"
                    f" lost {sorted(acknowledged - set(texts))[:3]},"
                    f" unknown {sorted(set(texts) - attempted)[:3]}"
                )

            for run in session["runs"]:
                if "id" not in run:
                    continue
                status, stored_run = server.request("GET", f"codecall/api/runs/{run['id']}")
                assert status == 200, stored_run
                if stored_run["status"] != "done":
                    found.append(f"{run['tag']}: left {stored_run['status']}")
                if run.get("done_at", killed_at) < killed_at:
                    acknowledged_runs += 1
                    seen = (run["verdict"], run["stdout"])
                    if (stored_run["verdict"], stored_run["stdout"]) != seen:
                        found.append(f"{run['tag']}: {seen} became {stored_run['verdict']}")
                else:
                    interrupted += 1

        server.stop()
        db_path = tmp_path / "codecall.db"
        for session in sessions:
            final = next(iter(session["tabs"].values()))
            text = str(stored(db_path, session["rooms"]["text"]).get("source", type=Text))
            if Counter(TOKEN_RE.findall(text)) != Counter(TOKEN_RE.findall(final["text"])):
                found.append(f"session {session['index']}: stored text differs")
            board = stored(db_path, session["rooms"]["board"]).get("elements", type=Map)
            if sorted(board.keys()) != final["board"]:
                found.append(f"session {session['index']}: stored board differs")
        print(
            f"\nSIGKILL at {KILL_AT:g} s of {KILL_SECONDS:g} s, {len(sessions)} sessions:"
            f" {sum(len(t['typed']) for s in sessions for t in s['tabs'].values())} edits,"
            f" {acknowledged_chat} acknowledged chat messages,"
            f" {acknowledged_runs} acknowledged runs, {interrupted} interrupted or after,"
            f" {result['offline']} calls found no server"
        )
        assert not found, found[:20]
        assert acknowledged_runs > 0
        assert acknowledged_chat > 0
    finally:
        if worker is not None and worker.returncode is None:
            worker.kill()
            await worker.wait()
        server.stop()
