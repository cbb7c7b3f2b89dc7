"""Edit propagation under load: N rooms of 2 typing clients (pycrdt, in separate
processes), each client 5 updates per second; the time from the local apply at one client
to the update's arrival at the other. CodeCall's server against the Node Yjs servers
(@y/websocket-server, @hocuspocus/server) and stock jupyter-collaboration, in one run.

    python bench/bench_edits.py [--rooms 1,10,50,100,200] [--seconds 10] [--kinds ...]

Writes bench/results/edits.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "edits"))

from servers import KINDS, Server  # noqa: E402

DRIVER = HERE / "edits" / "driver.py"
RESULTS = HERE / "results" / "edits.json"


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(q / 100 * len(ordered)) - 1))
    return round(ordered[index], 2)


def measure(server: Server, rooms: int, args: argparse.Namespace, tmp: Path) -> dict[str, Any]:
    names = [f"n{rooms}-r{i}.txt" for i in range(rooms)]
    server.make_rooms(names)
    drivers = 1 if rooms < 50 else 2
    shares = [names[i::drivers] for i in range(drivers)]
    processes = []
    outs = []
    for index, share in enumerate(shares):
        config = {
            "kind": server.client_kind,
            "url": server.url,
            "token": server.token,
            "rooms": share,
            "rate": args.rate,
            "warmup": args.warmup,
            "seconds": args.seconds,
            "drain": args.drain,
        }
        config_path = tmp / f"{server.kind}-{rooms}-{index}.json"
        config_path.write_text(json.dumps(config))
        out = tmp / f"{server.kind}-{rooms}-{index}.out.json"
        outs.append(out)
        processes.append(
            subprocess.Popen([sys.executable, str(DRIVER), str(config_path), str(out)])
        )
    # Every driver connected all its clients: typing starts now. Sample the server's CPU
    # inside the measured window.
    deadline = time.monotonic() + 300
    while not all(Path(f"{out}.ready").exists() for out in outs):
        if time.monotonic() > deadline or any(p.poll() is not None for p in processes):
            break
        time.sleep(0.05)
    time.sleep(args.warmup + 1)
    cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
    time.sleep(max(1.0, args.seconds - 2))
    cpu = (server.cpu_seconds() - cpu_before) / (time.monotonic() - wall_before)
    rss = server.rss_bytes()
    budget = args.warmup + args.seconds + args.drain + 180
    latencies: list[float] = []
    sent = received = 0
    errors: list[str] = []
    for process, out in zip(processes, outs, strict=True):
        try:
            process.wait(timeout=budget)
        except subprocess.TimeoutExpired:
            process.kill()
        if process.returncode == 0 and out.exists():
            data = json.loads(out.read_text())
            latencies += data["latencies_ms"]
            sent += data["sent"]
            received += data["received"]
            errors += data["errors"]
        else:
            errors.append(f"driver exited with {process.returncode}")
    return {
        "rooms": rooms,
        "p50_ms": percentile(latencies, 50),
        "p95_ms": percentile(latencies, 95),
        "p99_ms": percentile(latencies, 99),
        "sent": sent,
        "received": received,
        "lost": sent - received,
        "server_cpu": round(cpu, 3),
        "server_rss_mb": round(rss / 2**20, 1),
        "errors": errors[:5],
    }


def repeat(
    servers: dict[str, Server],
    rows: dict[str, list[dict[str, Any]]],
    args: argparse.Namespace,
    tmp: Path,
) -> dict[str, Any]:
    """More rounds at ``--rounds-at`` rooms, every server in each; the sweep was round 1."""
    n = args.rounds_at
    rounds = [{kind: next(r for r in rows[kind] if r["rooms"] == n) for kind in servers}]
    for number in range(2, args.rounds + 1):
        this = {}
        for kind, server in servers.items():
            this[kind] = measure(server, n, args, tmp)
            print(f"{kind:12} N={n:<4} round {number} {json.dumps(this[kind])}", flush=True)
        rounds.append(this)
    return {"rooms": n, "rounds": rounds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rooms", default="1,10,50,100,200")
    parser.add_argument("--kinds", default=",".join(KINDS))
    parser.add_argument("--rate", type=float, default=5.0)
    parser.add_argument("--warmup", type=float, default=2.0)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--drain", type=float, default=5.0)
    # The target's N is measured in more rounds, the servers taking turns, and judged by
    # the median of the rounds' ratios: one 10 s window's p99 moves by a third between
    # runs on this machine (bench/README.md).
    parser.add_argument("--rounds-at", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    counts = [int(n) for n in args.rooms.split(",")]
    results: dict[str, Any] = {
        "machine": {"platform": platform.platform(), "cpus": __import__("os").cpu_count()},
        "load": {
            "clients_per_room": 2,
            "updates_per_second_per_client": args.rate,
            "measured_seconds": args.seconds,
        },
        "servers": {},
    }
    kinds = args.kinds.split(",")
    # The servers that keep up run side by side, each N in turn for all of them, so that
    # what the machine does meanwhile falls on them alike; stock jupyter-collaboration
    # runs alone afterwards, since its backlog outlasts its own rows.
    together = [kind for kind in kinds if kind != "stock"]
    alone = [kind for kind in kinds if kind == "stock"]
    with tempfile.TemporaryDirectory(prefix="codecall-bench-edits-") as tmp_name:
        tmp = Path(tmp_name)
        for group in ([together] if together else []) + [[kind] for kind in alone]:
            servers = {kind: Server(kind, tmp / kind) for kind in group}
            rows: dict[str, list[dict[str, Any]]] = {kind: [] for kind in group}
            try:
                for server in servers.values():
                    server.start()
                for rooms in counts:
                    for kind, server in servers.items():
                        row = measure(server, rooms, args, tmp)
                        rows[kind].append(row)
                        print(f"{kind:12} N={rooms:<4} {json.dumps(row)}", flush=True)
                if group is together and args.rounds_at in counts and args.rounds > 1:
                    results["rounds"] = repeat(servers, rows, args, tmp)
            finally:
                for server in servers.values():
                    server.stop()
            results["servers"].update(rows)
        results["servers"] = {kind: results["servers"][kind] for kind in kinds}
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    print(f"wrote {RESULTS}")


if __name__ == "__main__":
    main()
