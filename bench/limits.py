"""The end of RESULTS.md: where a reference is still ahead in the run being reported
(computed from its figures), and for each measure what was done and what limits the rest
(bench/README.md's analysis in brief, written to stay true from run to run; the README
keeps the figures of each step and of each recorded run).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

NODE = {"y-websocket": "@y/websocket-server", "hocuspocus": "@hocuspocus/server"}

# (measure, what was done, what limits the rest)
NOTES: tuple[tuple[str, str, str], ...] = (
    (
        "edit propagation",
        "Every update is stored before anyone sees it, a batch of updates in one "
        "transaction (a group commit), then relayed as one merged update and never echoed "
        "to its sender. The history's SQLite writer commits on the event loop's thread "
        "while the write lock is free and checkpoints beside its commits, not inside "
        "them. A room's messages are queued without a task each; one file poller per "
        "server and one save timer per room replace upstream's task per file and per "
        "change; the collector is tuned (the started server's objects frozen, young "
        "collections every 7,000 allocations). On the machine these steps were measured "
        "on, p99 at 100 rooms went from 24 ms to 3 to 5 ms, and the pauses of 330 to 430 "
        "ms at 200 rooms are gone.",
        "The wait for the group commit: relaying without it gave p99 2.5 ms at 100 rooms "
        "where the loop's own lag was 1.1 ms. The Node servers store nothing and save "
        "nothing, and tornado's WebSocket frames are read and written in Python. Tried "
        "and not kept, for no difference beyond the noise: relaying in the writer's own "
        "turn, committing inside the room's append, two batches in flight, a shorter GIL "
        "switch interval.",
    ),
    (
        "join and resync",
        "A whiteboard element is one map entry holding its JSON text, not a map of its "
        "own: a joiner downloads and applies 0.65 MiB instead of 1.13 for 2,000 strokes. "
        "The socket of a room that is open already no longer looks up its session, and "
        "upstream's record of document sessions is written only when it changes, not for "
        "every socket. A room saves and loads its whiteboard 50 elements at a time, "
        "letting other rooms' messages through between.",
        "Each socket's authentication and authorisation: jupyter_server's token check, "
        "with the login cookie it signs for every token request (about a third of the "
        "handshake's CPU), jupyter-collaboration's events (about a tenth) and tornado's "
        "upgrade. The Node servers check nothing. A first open from files is mostly "
        "parsing and checking the whiteboard file's numbers.",
    ),
    (
        "memory",
        "Whiteboard elements as JSON text in one map (9.9 MiB per room with a map per "
        "element, 1.7 MiB since). The room's copy of a document has no undo manager, "
        "which kept everything ever deleted. A room reads its whiteboard file an element "
        "at a time, not in one parse whose objects the allocator kept: on the machine "
        "this was measured on, 50 rooms from none took 1.9 MiB each instead of 2.6.",
        "The two documents themselves, about 1.5 MiB of the room's 1.7 as a room loads "
        "them: yrs keeps 380 bytes per map entry beside the strokes' 0.61 MiB of JSON "
        "text (460 in a document filled from an update, as upstream's load does), and "
        "Yjs in Node needs more for the same room. Under 1 MiB needs fewer items and "
        "fewer bytes per stroke: a Y.Array packs only what one client inserted in a row "
        "(a loaded board 0.73 MiB against the map's 1.46, one two people drew in turn "
        "1.27) and holds no ids, so two people moving one stroke at once would leave two "
        "copies; packed points are a format every client must read. Neither is done.",
    ),
    (
        "signaling relay",
        "A message goes to its target socket's own bounded queue and writer task, so a "
        "slow reader holds up no one, and the sender is the authenticated socket.",
        "Each message is parsed and validated (pydantic), charged to its sender's rate "
        "bucket and routed to its target; the echo, the floor, writes back what it read "
        "with no authentication. Up to twice the echo at the median, half its throughput.",
    ),
    (
        "runner",
        "A Python run forks from a run server beside a warm kernel, its child forked "
        "ahead of it; the run starts while its row is written, rows are written on the "
        "event loop's thread while SQLite's lock is free, and the answer goes before the "
        "sandbox is swept. On the machine these steps were measured on, a warm run went "
        "from 1.65 times a bare interpreter's start to about half of one, and from 4 to "
        "over 130 trivial runs a second.",
        "A warm run wakes three idle processes (the server, the run server, the prepared "
        "child), and a process idle for 20 ms runs the same Python about six times "
        "slower than a busy one; a bare start is one busy burst. The target, half a bare "
        "start, sits on the line.",
    ),
    (
        "replay",
        "Checkpoints every 500 updates, made on the first replay: a seek applies the "
        "checkpoint before the moment and the updates after it.",
        "Nothing near the target.",
    ),
    (
        "page",
        "The production bundle (365 KiB fetched per cold load instead of the development "
        "build's 994 KiB).",
        "On a loaded machine the extension's scripts run on a busier CPU; the sidebar's "
        "REST calls at start cost the server 30 to 50 ms of CPU per load.",
    ),
)


def _ms(value: float) -> str:
    return f"{value:g} ms"


def _behind(
    what: str, ours: float | None, refs: Iterable[tuple[str, float | None]],
    show: Callable[[float], str] = _ms,
) -> str | None:  # fmt: skip
    """``what: ours against the best reference's (ratio)`` when that reference is ahead."""
    known = [(value, name) for name, value in refs if value is not None]
    if ours is None or not known:
        return None
    best, name = min(known)
    if best <= 0 or ours <= best:
        return None
    return f"{what}: {show(ours)} against {show(best)} ({name}), {ours / best:.2f}x"


def _edits(edits: dict[str, Any]) -> list[str | None]:
    servers = edits["servers"]
    found = []
    for row in servers.get("codecall", []):
        refs = [
            (NODE[key], r["p99_ms"])
            for key in NODE
            for r in servers.get(key, [])
            if r["rooms"] == row["rooms"]
        ]
        rooms = f"{row['rooms']} room" + ("" if row["rooms"] == 1 else "s")
        found.append(_behind(f"edits p99 at {rooms}", row["p99_ms"], refs))
    return found


def _join(join: dict[str, Any]) -> list[str | None]:
    servers = join["servers"]
    ours = servers.get("codecall")
    if ours is None:
        return []
    found = []
    for part in ("join", "resync"):
        for stat in ("p50_ms", "p99_ms"):
            refs = [(NODE[k], servers[k][part][stat]) for k in NODE if part in servers.get(k, {})]
            label = f"{part} {stat.removesuffix('_ms')}"
            found.append(_behind(label, ours.get(part, {}).get(stat), refs))
    return found


def _relay(relay: dict[str, Any]) -> list[str | None]:
    ours, echo = relay["relay"], relay["echo"]
    found = [
        _behind(f"relay round trip {stat.removesuffix('_ms')}", ours[stat],
                [("bare tornado echo", echo[stat])])
        for stat in ("p50_ms", "p99_ms")
    ]  # fmt: skip
    rates = [side.get("throughput", {}).get("messages_per_second") for side in (ours, echo)]
    if rates[0] and rates[1] and rates[0] < rates[1]:
        found.append(
            f"relay messages per second: {rates[0]:,.0f} against {rates[1]:,.0f} (bare "
            f"tornado echo), {rates[0] / rates[1]:.2f} of its rate"
        )
    return found


def _memory(memory: dict[str, Any]) -> list[str | None]:
    servers = memory.get("servers", {})
    ours = servers.get("codecall", {}).get("mib_per_room")
    node = servers.get("y-websocket", {}).get("mib_per_room")
    return [_behind("memory per room", ours, [(NODE["y-websocket"], node)], lambda v: f"{v:g} MiB")]


def _runner(runner: dict[str, Any]) -> list[str | None]:
    ours = runner.get("python_hello_warm_rest", {}).get("p50_ms")
    bare = runner.get("reference_bare_subprocess", {}).get("p50_ms")
    return [_behind("warm Python run p50", ours, [("bare python3 -c", bare)])]


def still_ahead(results: dict[str, Any]) -> list[str]:
    """Each figure of this run where a reference did better than CodeCall."""
    parts: dict[str, Callable[[dict[str, Any]], list[str | None]]] = {
        "edits": _edits,
        "join": _join,
        "memory": _memory,
        "relay": _relay,
        "runner": _runner,
    }
    return [
        line
        for name, part in parts.items()
        if results.get(name)
        for line in part(results[name])
        if line is not None
    ]


def limits_section(results: dict[str, Any], failed: Iterable[str] = ()) -> list[str]:
    """The section's lines; ``failed`` names the targets this run did not meet."""
    lines = ["", "## What was done, and what limits the rest", ""]
    failed = list(failed)
    if failed:
        lines += ["Targets not met in this run: " + ", ".join(failed) + ".", ""]
    ahead = still_ahead(results)
    if ahead:
        lines += ["Where a reference is still ahead in this run:", ""]
        lines += [f"- {line}" for line in ahead]
    else:
        lines.append("No reference is ahead of CodeCall in this run.")
    lines += [
        "",
        "The steps behind each figure, with their measurements, and what was tried and not "
        "kept are in bench/README.md.",
        "",
        "| measure | what was done | what limits the rest |",
        "|---|---|---|",
    ]
    lines += [f"| {measure} | {done} | {limits} |" for measure, done, limits in NOTES]
    return lines
