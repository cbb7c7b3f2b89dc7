"""Gather the benchmark results into bench/results/latest.json and bench/RESULTS.md: every
figure with its same-run reference, each target PASS, FAIL or NOT MEASURED, the edit
propagation curve as an SVG chart, and (``limits.py``) where a reference is still ahead
with what was done and what limits the rest.

Run by `make bench` after the measurements; it only reads bench/results/*.json, so it
can be run again on its own.
"""

from __future__ import annotations

import json
import platform
import statistics
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

sys.path.insert(0, str(Path(__file__).resolve().parent))

from limits import limits_section

HERE = Path(__file__).parent
RESULTS = HERE / "results"
NODE_SERVERS = ("y-websocket", "hocuspocus")
SERIES = {
    "codecall": ("CodeCall", "#1f77b4"),
    "stock": ("stock jupyter-collaboration", "#d62728"),
    "y-websocket": ("@y/websocket-server", "#2ca02c"),
    "hocuspocus": ("@hocuspocus/server", "#9467bd"),
}


@dataclass(frozen=True)
class Target:
    name: str
    rule: str
    status: str  # PASS | FAIL | NOT MEASURED
    figure: str


def _load(name: str) -> dict[str, Any] | None:
    path = RESULTS / f"{name}.json"
    return json.loads(path.read_text()) if path.exists() else None


def _row(rows: list[dict[str, Any]], rooms: int) -> dict[str, Any] | None:
    return next((r for r in rows if r["rooms"] == rooms), None)


def _status(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def _missing(name: str, rule: str) -> Target:
    return Target(name, rule, "NOT MEASURED", "not measured yet")


def _first_round(edits: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each server's row at 100 rooms in the sweep."""
    return {kind: row for kind, rows in edits["servers"].items() if (row := _row(rows, 100))}


def _faster_node(round_: dict[str, dict[str, Any]]) -> float | None:
    p99s = [round_[k]["p99_ms"] for k in NODE_SERVERS if k in round_ and round_[k]["p99_ms"]]
    return min(p99s) if p99s else None


def _ratio_at_100(round_: dict[str, dict[str, Any]]) -> float | None:
    """CodeCall's p99 over the faster Node server's, in one round at 100 rooms."""
    ours, node = round_.get("codecall", {}).get("p99_ms"), _faster_node(round_)
    return None if ours is None or node is None else float(ours) / node


def edit_targets(edits: dict[str, Any] | None) -> list[Target]:
    names = ("edits: zero lost", "edits: p99 at 100 rooms", "edits: p99 at 200 rooms")
    rules = (
        "no lost update at any N",
        "at most 2x the faster Node server's p99 (stretch 1.5x)",
        "under 50 ms",
    )
    if edits is None:
        return [_missing(n, r) for n, r in zip(names, rules, strict=True)]
    ours = edits["servers"]["codecall"]
    first = _first_round(edits)
    more = edits.get("rounds", {})
    rounds = more.get("rounds", []) if more.get("rooms") == 100 else []
    extra = [r["codecall"] for r in rounds[1:] if "codecall" in r]  # round 1 is the sweep's
    lost = sum(r["lost"] for r in ours + extra)
    sent = sum(r["sent"] for r in ours + extra)
    at_100, at_200 = _row(ours, 100), _row(ours, 200)
    targets = [
        Target(names[0], rules[0], _status(lost == 0), f"{lost} lost over {sent} updates"),
    ]
    ratios = [x for x in map(_ratio_at_100, rounds or [first]) if x is not None]
    if at_100 is None or not ratios:
        targets.append(_missing(names[1], rules[1]))
    else:
        median = statistics.median(ratios)
        figure = f"{at_100['p99_ms']:.1f} ms vs {_faster_node(first):.1f} ms: {ratios[0]:.1f}x"
        if len(ratios) > 1:
            each = ", ".join(f"{x:.1f}x" for x in ratios)
            figure = f"median of {len(ratios)} rounds {median:.1f}x ({each}); round 1 {figure}"
        targets.append(Target(names[1], rules[1], _status(median <= 2.0), figure))
    if at_200 is None:
        targets.append(_missing(names[2], rules[2]))
    else:
        targets.append(
            Target(names[2], rules[2], _status(at_200["p99_ms"] < 50),
                   f"{at_200['p99_ms']:.1f} ms")
        )  # fmt: skip
    return targets


def runner_targets(runner: dict[str, Any] | None) -> list[Target]:
    rules = ("at most half of a bare `python3 -c` subprocess", "at least 50")
    if runner is None:
        return [_missing("runner: warm Python p50", rules[0]),
                _missing("runner: trivial runs per second", rules[1])]  # fmt: skip
    warm = runner["python_hello_warm_rest"]["p50_ms"]
    bare = runner["reference_bare_subprocess"]["p50_ms"]
    rate = runner["trivial_runs_per_second"]
    return [
        Target("runner: warm Python p50", rules[0], _status(warm <= bare / 2),
               f"{warm:.1f} ms vs {bare:.1f} ms: {warm / bare:.2f}x"),
        Target("runner: trivial runs per second", rules[1], _status(rate >= 50),
               f"{rate:g} per second on 2 cores"),
    ]  # fmt: skip


def replay_target(replay: dict[str, Any] | None) -> Target:
    rule = "seek under 100 ms"
    if replay is None:
        return _missing("replay: seek", rule)
    ok = replay["seek_max_ms"] < 100 and replay["wrong"] == 0
    figure = (
        f"median {replay['seek_median_ms']:.1f} ms, p95 {replay['seek_p95_ms']:.1f} ms, "
        f"max {replay['seek_max_ms']:.1f} ms over {replay['updates']:,} updates"
    )
    return Target("replay: seek", rule, _status(ok), figure)


def relay_target(relay: dict[str, Any] | None) -> Target:
    name, rule = "relay: round trip p99", "at most 2x a bare tornado echo's p99"
    if relay is None or relay["relay"]["p99_ms"] is None or not relay["echo"]["p99_ms"]:
        return _missing(name, rule)
    ours, echo = relay["relay"]["p99_ms"], relay["echo"]["p99_ms"]
    ratio = ours / echo
    figure = f"{ours:.2f} ms vs {echo:.2f} ms: {ratio:.2f}x"
    rates = relay["relay"].get("throughput"), relay["echo"].get("throughput")
    if rates[0] and rates[1]:
        figure += (
            f"; {rates[0]['messages_per_second']:,.0f} vs {rates[1]['messages_per_second']:,.0f}"
            " messages/s (limit raised)"
        )
    return Target(name, rule, _status(ratio <= 2.0 and not relay["relay"].get("errors")), figure)


def memory_target(memory: dict[str, Any] | None) -> Target:
    name, rule = "memory per active room", "at most 1 MiB"
    memory = memory or {}
    ours = memory.get("servers", {}).get("codecall")
    if ours is None or ours.get("mib_per_room") is None:
        return _missing(name, rule)
    figure = f"{ours['mib_per_room']:.2f} MiB per room"
    node = memory["servers"].get("y-websocket", {}).get("mib_per_room")
    if node is not None:
        figure += f" vs {node:.2f} MiB on @y/websocket-server"
    alone = memory.get("documents_alone", {}).get("mib_per_room_documents")
    if alone is not None:
        figure += f" (the documents alone: {alone:.2f} MiB)"
    if ours.get("kib_per_doc_connection") is not None:
        figure += f"; {ours['kib_per_doc_connection']:.0f} KiB per document connection"
    return Target(name, rule, _status(ours["mib_per_room"] <= 1.0), figure)


def page_target(page: dict[str, Any] | None) -> Target:
    name, rule = "page: load time added", "at most 150 ms"
    if page is None or page.get("added_ms") is None:
        return _missing(name, rule)
    figure = (
        f"{page['added_ms']:.0f} ms added (median {page['with']['p50_ms']:.0f} ms with the "
        f"extension, {page['without']['p50_ms']:.0f} ms without)"
    )
    if page.get("added_renderer_task_ms") is not None:
        figure += f"; renderer busy {page['added_renderer_task_ms']:.0f} ms longer"
    if page.get("bundle_bytes") is not None:
        figure += f"; bundle {page['bundle_bytes'] / 1024:,.0f} KiB"
    return Target(name, rule, _status(page["added_ms"] <= 150), figure)


def all_targets(results: dict[str, Any]) -> list[Target]:
    return [
        *edit_targets(results.get("edits")),
        *runner_targets(results.get("runner")),
        replay_target(results.get("replay")),
        relay_target(results.get("relay")),
        memory_target(results.get("memory")),
        page_target(results.get("page")),
    ]


def largest_fast_n(edits: dict[str, Any] | None) -> int | None:
    """The largest N at which CodeCall's p99 stays under 50 ms."""
    if edits is None:
        return None
    fast = [r["rooms"] for r in edits["servers"]["codecall"]
            if r["p99_ms"] is not None and r["p99_ms"] < 50 and r["lost"] == 0]  # fmt: skip
    return max(fast, default=None)


def edits_chart(edits: dict[str, Any]) -> str:
    """p99 against rooms per server, log scale, as a small standalone SVG."""
    import math

    width, height, left, bottom, top, right = 640, 360, 64, 44, 20, 180
    rooms = sorted({r["rooms"] for rows in edits["servers"].values() for r in rows})
    lo, hi = 1.0, 20_000.0

    def x(n: int) -> float:
        return left + rooms.index(n) * (width - left - right) / max(1, len(rooms) - 1)

    def y(ms: float) -> float:
        share = (math.log10(ms) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))
        return height - bottom - share * (height - bottom - top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="12" role="img" '
        f'aria-label="Edit propagation p99 by number of rooms, per server">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for ms in (1, 10, 100, 1000, 10000):
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(ms):.1f}" '
                     f'y2="{y(ms):.1f}" stroke="#ddd"/>')  # fmt: skip
        parts.append(f'<text x="{left - 6}" y="{y(ms) + 4:.1f}" text-anchor="end">{ms} ms</text>')
    for n in rooms:
        parts.append(
            f'<text x="{x(n):.1f}" y="{height - bottom + 18}" text-anchor="middle">{n}</text>'
        )
    parts.append(f'<text x="{(left + width - right) / 2}" y="{height - 8}" '
                 f'text-anchor="middle">rooms (2 clients each)</text>')  # fmt: skip
    for index, (key, (label, colour)) in enumerate(SERIES.items()):
        rows = [r for r in edits["servers"].get(key, []) if r["p99_ms"] is not None]
        points = " ".join(f"{x(r['rooms']):.1f},{y(max(lo, r['p99_ms'])):.1f}" for r in rows)
        if points:
            parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" '
                         f'stroke-width="2"/>')  # fmt: skip
        legend_y = top + 16 + index * 20
        parts.append(f'<line x1="{width - right + 16}" x2="{width - right + 36}" '
                     f'y1="{legend_y - 4}" y2="{legend_y - 4}" stroke="{colour}" '
                     f'stroke-width="3"/>')  # fmt: skip
        parts.append(f'<text x="{width - right + 42}" y="{legend_y}">{escape(label)}</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


JOIN_SERVERS = {key: SERIES[key][0] for key in ("codecall", "y-websocket", "hocuspocus")}


def _p(row: dict[str, Any] | None) -> str:
    if not row or row.get("p50_ms") is None:
        return "-"
    return f"{row['p50_ms']:g} / {row['p99_ms']:g} ms"


def rounds_table(edits: dict[str, Any]) -> list[str]:
    """The rounds at the target's N (the sweep's is round 1), p99 of each server."""
    more = edits.get("rounds", {})
    rounds = more.get("rounds", [])
    if len(rounds) < 2:
        return []
    kinds = [k for k in SERIES if k in rounds[0]]
    lines = [
        "",
        f"p99 at {more['rooms']} rooms in each round (the servers take turns in every round; "
        "the target takes the median of the rounds' ratios):",
        "",
        "| round | " + " | ".join(SERIES[k][0] for k in kinds) + " | ratio |",
        "|---|" + "---|" * (len(kinds) + 1),
    ]
    for number, round_ in enumerate(rounds, 1):
        cells = [f"{round_[k]['p99_ms']:g} ms" if k in round_ else "-" for k in kinds]
        ratio = _ratio_at_100(round_) if more["rooms"] == 100 else None
        lines.append(
            f"| {number} | "
            + " | ".join(cells)
            + f" | {'-' if ratio is None else f'{ratio:.2f}x'} |"
        )
    return lines


def join_table(join: dict[str, Any]) -> list[str]:
    room = join["room"]
    lines = [
        "",
        "## Join and resync",
        "",
        f"A room of {room['code_bytes'] // 1000} KB of code and a whiteboard of "
        f"{room['whiteboard_strokes']:,} strokes, kept open by a resident client; p50 / p99 "
        f"over {room['joins']} joins until both documents are whole, and resyncs of a client "
        "that kept its copy while one line and one stroke were added: its sockets opened "
        "again in the same document sessions, as JupyterLab's provider reconnects, and "
        "(CodeCall) after a new document session request.",
        "",
        "| server | join | resync | resync, new session request | first open (from files) |",
        "|---|---|---|---|---|",
    ]
    for key, label in JOIN_SERVERS.items():
        row = join["servers"].get(key)
        if row is not None:
            first = _p(row.get("first_open")) if "first_open" in row else "n/a (no files)"
            again = _p(row["resync_new_session"]) if "resync_new_session" in row else "n/a"
            lines.append(
                f"| {label} | {_p(row['join'])} | {_p(row['resync'])} | {again} | {first} |"
            )
    return lines


def relay_table(relay: dict[str, Any]) -> list[str]:
    limit = relay.get("default_limit", {})
    lines = [
        "",
        "## Signaling relay",
        "",
        "| | round trip p50 / p99 | messages per second |",
        "|---|---|---|",
    ]
    for key, label in (("relay", "session channel"), ("echo", "bare tornado echo")):
        rate = relay[key].get("throughput", {}).get("messages_per_second")
        lines.append(f"| {label} | {_p(relay[key])} | {'-' if rate is None else f'{rate:,.0f}'} |")
    if limit:
        lines += [
            "",
            f"Throughput with `channel_signal_rate` raised to "
            f"{relay['relay'].get('throughput', {}).get('channel_signal_rate', '?')}; the "
            f"default ({limit['channel_signal_rate']}) lets one socket send "
            f"{limit['sustained_per_socket_per_second']} per second after a burst of "
            f"{limit['burst']}: {limit['measured_delivered']} delivered in "
            f"{limit['measured_seconds']:g} s of flooding.",
        ]
    return lines


def memory_table(memory: dict[str, Any]) -> list[str]:
    room = memory["room"]
    lines = [
        "",
        "## Memory",
        "",
        f"Server RSS slopes over rooms of {room['code_bytes'] // 1000} KB of code and "
        f"{room['whiteboard_strokes']:,} strokes with {room['clients']} clients each, and over "
        'extra connections. The slope is taken from the 10th room on; "from none" is the '
        "RSS all the rooms added, per room, which includes what loading them left in the "
        "allocator.",
        "",
        "| server | MiB per room | MiB per room, from none | KiB per document connection "
        "| KiB per channel connection |",
        "|---|---|---|---|---|",
    ]
    for key, label in JOIN_SERVERS.items():
        row = memory["servers"].get(key)
        if row is None:
            continue
        cells = [
            f"{row[f]:g}" if row.get(f) is not None else "-"
            for f in (
                "mib_per_room",
                "mib_per_room_from_none",
                "kib_per_doc_connection",
                "kib_per_channel_connection",
            )
        ]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    alone = memory.get("documents_alone")
    if alone:
        lines += [
            "",
            f"The room's two documents alone, loaded as a room loads them, in a bare "
            f"process: {alone['mib_per_room_documents']:g} MiB in use (the allocator's live "
            f"bytes; the whiteboard's update is "
            f"{alone['whiteboard_update_bytes'] / 2**20:.2f} MiB).",
        ]
    return lines


def markdown(results: dict[str, Any], targets: list[Target], machine: dict[str, Any]) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Written by `bench/report.py` from `bench/results/*.json` (`make bench`). Every "
        "figure was measured with its reference in the same run; see bench/README.md for "
        "the method and the analysis.",
        "",
        f"Machine: {machine['cpus']} CPUs, {machine['platform']}.",
        "",
    ]
    loads = [
        f"{name} {data['machine']['load_average_at_start'][0]:g}"
        for name, data in results.items()
        if isinstance(data, dict) and "load_average_at_start" in data.get("machine", {})
    ]
    if loads:
        lines += [
            f"Load average (1 minute) as each script started, on {machine['cpus']} cores: "
            + ", ".join(loads)
            + ".",
            "",
        ]
    lines += [
        "| target | rule | result | figure |",
        "|---|---|---|---|",
    ]
    lines += [f"| {t.name} | {t.rule} | **{t.status}** | {t.figure} |" for t in targets]
    edits = results.get("edits")
    if edits:
        lines += [
            "",
            "## Edit propagation, p99 by rooms",
            "",
            "![p99 by rooms per server](results/edits.svg)",
            "",
            f"Largest N with CodeCall's p99 under 50 ms: {largest_fast_n(edits)}.",
            "",
            "| rooms | " + " | ".join(label for label, _ in SERIES.values()) + " |",
            "|---|" + "---|" * len(SERIES),
        ]
        rooms = sorted({r["rooms"] for rows in edits["servers"].values() for r in rows})
        for n in rooms:
            cells = []
            for key in SERIES:
                row = _row(edits["servers"].get(key, []), n)
                if row is None:
                    cells.append("-")
                elif row["p99_ms"] is None:
                    cells.append(f"nothing delivered ({row['lost']} lost)")
                else:
                    lost = f", {row['lost']} lost" if row["lost"] else ""
                    cells.append(f"{row['p50_ms']:g} / {row['p99_ms']:g} ms{lost}")
            lines.append(f"| {n} | " + " | ".join(cells) + " |")
        lines += rounds_table(edits)
    if results.get("join"):
        lines += join_table(results["join"])
    if results.get("relay"):
        lines += relay_table(results["relay"])
    if results.get("memory"):
        lines += memory_table(results["memory"])
    lines += limits_section(results, [t.name for t in targets if t.status == "FAIL"])
    return "\n".join(lines) + "\n"


def main() -> None:
    names = ("edits", "runner", "replay", "relay", "memory", "join", "page")
    results = {name: _load(name) for name in names}
    present = {k: v for k, v in results.items() if v is not None}
    machine = next(
        (v["machine"] for v in present.values() if isinstance(v.get("machine"), dict)),
        {"cpus": None, "platform": platform.platform()},
    )
    targets = all_targets(present)
    latest = {
        "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "machine": machine,
        "targets": [asdict(t) for t in targets],
        "largest_n_p99_under_50ms": largest_fast_n(present.get("edits")),
        "results": present,
    }
    (RESULTS / "latest.json").write_text(json.dumps(latest, indent=2) + "\n")
    if present.get("edits"):
        (RESULTS / "edits.svg").write_text(edits_chart(present["edits"]))
    (HERE / "RESULTS.md").write_text(markdown(present, targets, machine))
    for target in targets:
        print(f"{target.status:>12}  {target.name}: {target.figure}")


if __name__ == "__main__":
    main()
