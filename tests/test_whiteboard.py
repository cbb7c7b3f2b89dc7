"""The collaborative whiteboard: a ``jupyter_ydoc`` document type of our own, served in
``text:whiteboard:<fileId>`` rooms through our durable rooms, with real pycrdt clients
over real WebSockets.

Every new session has an empty ``whiteboard.whiteboard``; writers draw together, a late
joiner gets the whole board, the board is saved as JSON and comes back without duplicates
after its room was dropped, an observer's drawing reaches no one, and a broken file opens
as an empty board."""

from __future__ import annotations

import asyncio
import json
import logging
import random
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pycrdt import Doc, Map
from ydoc_client import YClient, document_room, room_closed, stroke, ydoc_server
from ydoc_client import saved as saved_text

from codecall_jupyter.collab.whiteboard import (
    CHUNK,
    YWhiteboard,
    _number,
    aparse_values,
    element_value,
    parse_board,
    read_value,
)
from codecall_jupyter.services.solutions import EMPTY_WHITEBOARD, WHITEBOARD
from codecall_jupyter.testing import Browser, body_json, create_session, join_session

CLEANUP_DELAY = 0.5  # seconds an unused room stays open (upstream's default is 60)


@pytest.fixture
def jp_server_config(codecall_server_config):
    codecall_server_config.YDocExtension.document_cleanup_delay = CLEANUP_DELAY
    return codecall_server_config


@dataclass
class Board:
    """A session of three around its whiteboard: ann (host), bob (candidate), cat
    (observer)."""

    ann: Browser
    bob: Browser
    cat: Browser
    session_id: str
    path: str  # the whiteboard's contents path
    file: Path  # ...and where it lies on disk
    room: str  # its room id, with the sessionId query


@pytest.fixture
def board(people, codecall_services, jp_root_dir):
    async def make(content: str | None = None) -> Board:
        ann, bob, cat = await people("ann", "bob", "cat")
        session = await create_session(ann, auto_admit=True, max_participants=3)
        for guest in (bob, cat):
            joined = await join_session(guest, session)
            assert joined.code == 200, joined.body
        folder = codecall_services.access.folder_path(session["id"])
        file = jp_root_dir / folder / WHITEBOARD
        if content is not None:
            file.write_text(content)
        path = f"{folder}/{WHITEBOARD}"
        room = await document_room(ann, path, file_type="whiteboard")
        return Board(ann, bob, cat, session["id"], path, file, room)

    return make


def draw(*elements: tuple[str, dict[str, Any]]):
    """A change adding elements (id, attributes), as the labextension does."""

    def change(doc: Doc) -> None:
        ymap = doc.get("elements", type=Map)
        for element_id, attributes in elements:
            ymap[element_id] = element_value(attributes)

    return change


def edit(element_id: str, **changes: Any):
    """A change of some attributes of an element, as the labextension makes it: the element
    written whole."""

    def change(doc: Doc) -> None:
        ymap = doc.get("elements", type=Map)
        ymap[element_id] = element_value({**read_value(ymap[element_id]), **changes})

    return change


def ids(client: YClient) -> set[str]:
    return set(client.elements.keys())


def _board(text: str) -> dict[str, Any] | None:
    try:
        data = json.loads(text)
    except ValueError:
        return None
    ok = isinstance(data, dict) and isinstance(data.get("elements"), list)
    return data if ok else None


async def saved(file: Path, predicate, timeout: float = 15.0) -> dict[str, Any]:
    """The file's board once ``predicate`` holds for it (rooms save ~1 s after a change)."""

    def holds(text: str) -> bool:
        board = _board(text)
        return board is not None and bool(predicate(board))

    return json.loads(await saved_text(file, holds, timeout))


def file_ids(data: dict[str, Any]) -> list[str]:
    return [element["id"] for element in data["elements"]]


# --- the document type and the session's file --------------------------------------------


async def test_every_session_has_an_empty_whiteboard(board, jp_serverapp):
    b = await board()
    assert b.file.read_text() == EMPTY_WHITEBOARD
    # The contents API serves it the way the labextension's drive asks for it.
    response = await b.bob.fetch(
        f"api/contents/{b.path}", params={"type": "whiteboard", "format": "text", "content": "0"}
    )
    assert response.code == 200, response.body
    assert body_json(response)["type"] == "file"
    assert b.room.startswith("text:whiteboard:")


# --- writers ------------------------------------------------------------------------------


async def test_two_writers_draw_and_the_board_is_saved(board, rooms, jp_serverapp):
    b = await board()
    ann = await rooms(b.ann, b.room)
    bob = await rooms(b.bob, b.room)
    assert ids(ann) == ids(bob) == set()
    room = await ydoc_server(jp_serverapp).get_room(b.room.split("?")[0])
    assert type(room).__name__ == "DurableRoom"
    assert isinstance(room._document, YWhiteboard)

    await ann.change(draw(("ann-1", stroke(1))))
    await bob.until(lambda: "ann-1" in ids(bob))
    rect = {"kind": "rect", "x": 5, "y": 6, "w": 40, "h": 30, "color": "#e53935", "z": 2}
    await bob.change(draw(("bob-1", {**rect, "author": "bob"})))
    await ann.until(lambda: "bob-1" in ids(ann))
    assert ann.elements == bob.elements
    assert bob.elements["ann-1"]["points"] == [0, 0, 3.5, 4, 7, 9.25]

    # A move by one, then a recolour by the other of the same element: both stay.
    await ann.change(edit("bob-1", x=50))
    await bob.until(lambda: bob.elements["bob-1"]["x"] == 50)
    await bob.change(edit("bob-1", color="#000"))
    both = lambda c: c.elements["bob-1"]["x"] == 50 and c.elements["bob-1"]["color"] == "#000"  # noqa: E731
    await ann.until(lambda: both(ann))
    await bob.until(lambda: both(bob))

    data = await saved(b.file, lambda d: d["elements"] and d["elements"][-1].get("x") == 50)
    assert data["type"] == "codecall-whiteboard"
    assert file_ids(data) == ["ann-1", "bob-1"]  # stacking order
    assert data["elements"][0] == {"id": "ann-1", **stroke(1)}
    assert data["elements"][1] == {"id": "bob-1", **rect, "author": "bob", "x": 50, "color": "#000"}


async def test_changes_of_one_element_at_once_end_the_same_everywhere(board, rooms):
    b = await board()
    ann = await rooms(b.ann, b.room)
    bob = await rooms(b.bob, b.room)
    await ann.change(draw(("r", {"kind": "rect", "x": 1, "y": 1, "w": 9, "h": 9})))
    await bob.until(lambda: "r" in ids(bob))

    # Each changes the element before seeing the other's change: one version wins whole.
    await asyncio.gather(ann.change(edit("r", x=50)), bob.change(edit("r", color="#000")))
    await ann.round_trip()
    await bob.round_trip()
    await ann.until(lambda: ann.elements == bob.elements)
    await bob.until(lambda: ann.elements == bob.elements)
    won = ann.elements["r"]
    assert won in (
        {"kind": "rect", "x": 50, "y": 1, "w": 9, "h": 9},
        {"kind": "rect", "x": 1, "y": 1, "w": 9, "h": 9, "color": "#000"},
        {"kind": "rect", "x": 50, "y": 1, "w": 9, "h": 9, "color": "#000"},  # one saw the other
    )
    data = await saved(
        b.file,
        lambda d: (
            file_ids(d) == ["r"]
            and d["elements"][0] != {"id": "r", "kind": "rect", "x": 1, "y": 1, "w": 9, "h": 9}
        ),
    )
    assert data["elements"] == [{"id": "r", **won}]


async def test_a_late_joiner_gets_the_whole_board(board, rooms):
    b = await board()
    ann = await rooms(b.ann, b.room)
    for n in range(500):  # one update per stroke, as people draw
        await ann.change(draw((f"s{n}", stroke(n))))
    await ann.round_trip()
    bob = await rooms(b.bob, b.room)
    assert len(bob.elements) == 500
    assert bob.elements == ann.elements


async def test_the_board_comes_back_after_the_room_closed(board, rooms, jp_serverapp):
    b = await board()
    ann = await rooms(b.ann, b.room)
    bob = await rooms(b.bob, b.room)
    await ann.change(draw(*((f"a{n}", stroke(n)) for n in range(3))))
    await bob.change(draw(("b0", {"kind": "text", "x": 1, "y": 2, "text": "<b>hi</b>", "z": 9})))
    await ann.until(lambda: "b0" in ids(ann))
    first = await saved(b.file, lambda d: len(d["elements"]) == 4)
    board_before = ann.elements
    on_disk = b.file.read_text()

    await ann.close()
    await bob.close()
    await room_closed(jp_serverapp, b.room)

    # Rebuilt from the stored history; the file agrees, so it is not loaded again.
    again = await rooms(b.bob, b.room)
    assert again.elements == board_before
    await asyncio.sleep(1.5)  # a save would have happened by now
    assert b.file.read_text() == on_disk

    # Drawn on, closed, and changed on disk meanwhile: the file wins, nothing doubles.
    await again.change(draw(("b1", stroke(20, "bob"))))
    await saved(b.file, lambda d: "b1" in file_ids(d))
    await again.close()
    await room_closed(jp_serverapp, b.room)
    data = json.loads(b.file.read_text())
    data["elements"] = [e for e in data["elements"] if e["id"] != "a0"]
    data["elements"][0]["x"] = 99
    b.file.write_text(json.dumps(data))

    last = await rooms(b.ann, b.room)
    assert sorted(ids(last)) == ["a1", "a2", "b0", "b1"]
    assert last.elements["a1"]["x"] == 99
    assert last.elements["b0"]["text"] == "<b>hi</b>"
    assert file_ids(first) == ["a0", "a1", "a2", "b0"]


# --- observers ----------------------------------------------------------------------------


async def test_an_observers_drawing_reaches_no_one(board, rooms, jp_serverapp):
    b = await board()
    ann = await rooms(b.ann, b.room)
    assert await document_room(b.cat, b.path, file_type="whiteboard") == b.room
    cat = await rooms(b.cat, b.room)

    await cat.change(draw(("cat-1", stroke(1, "cat"))))
    await cat.change(lambda doc: doc.get("elements", type=Map).clear())
    await cat.round_trip()
    await ann.change(draw(("ann-1", stroke(2))))
    await cat.until(lambda: "ann-1" in ids(cat))

    data = await saved(b.file, lambda d: "ann-1" in file_ids(d))
    assert file_ids(data) == ["ann-1"]
    assert ids(ann) == {"ann-1"}
    fresh = await rooms(b.bob, b.room)
    assert ids(fresh) == {"ann-1"}


# --- broken files -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content",
    ["{not json", "[1, 2, 3]", '{"elements": "none"}', "\x00\x01", '{"elements": [{"id": 1}]}'],
)
async def test_a_broken_file_opens_as_an_empty_board(board, rooms, content, caplog):
    caplog.set_level(logging.WARNING, logger="codecall_jupyter.collab.whiteboard")
    b = await board(content)
    bob = await rooms(b.bob, b.room)
    assert ids(bob) == set()
    if content.startswith(("{not", "[", '{"elements": "')):
        assert any("not a whiteboard" in r.getMessage() for r in caplog.records)
    # Drawing on it makes it a board again.
    await bob.change(draw(("b1", stroke(1, "bob"))))
    data = await saved(b.file, lambda d: "b1" in file_ids(d))
    assert file_ids(data) == ["b1"]


async def test_bad_elements_are_skipped_and_good_ones_kept(board, rooms):
    content = json.dumps(
        {
            "type": "codecall-whiteboard",
            "version": 1,
            "elements": [
                {"id": "ok", "kind": "note", "x": 1, "y": 2, "text": "keep", "extra": {"a": 1}},
                {"id": "bad-kind", "kind": "script", "x": 1},
                {"kind": "rect"},
                "nonsense",
                {"id": "bad-values", "kind": "rect", "x": "far", "points": ["a"], "color": 3},
            ],
        }
    )
    b = await board(content)
    ann = await rooms(b.ann, b.room)
    assert ann.elements == {
        "ok": {"kind": "note", "x": 1, "y": 2, "text": "keep"},
        "bad-values": {"kind": "rect"},
    }


# --- the document type alone --------------------------------------------------------------


@pytest.mark.sqlite_only
def test_get_and_set_round_trip_without_duplicates():
    source = YWhiteboard()
    source.set({"elements": [{"id": f"e{n}", **stroke(n)} for n in range(5)]})
    text = source.get()
    assert json.loads(text)["elements"][0] == {"id": "e0", **stroke(0)}

    copy = YWhiteboard()
    copy.set(text)
    assert copy.get() == text
    changes: list[str] = []
    copy.observe(lambda target, _event: changes.append(target))
    copy.set(text)  # the same board: nothing changes
    assert changes == []
    edited = json.loads(text)
    edited["elements"][1]["color"] = "#fff"
    copy.set(json.dumps(edited))
    assert len(copy.elements) == 5
    assert read_value(copy.elements["e1"])["color"] == "#fff"
    assert changes == ["elements"]
    copy.set("definitely not json")  # logged; the board stays
    assert copy.get() == json.dumps(edited, sort_keys=True, separators=(",", ":")) + "\n"


@pytest.mark.sqlite_only
async def test_a_large_board_is_saved_and_loaded_a_chunk_at_a_time():
    # The room saves with aget() and loads with aset(): a board of thousands of strokes
    # takes a noticeable time to check, and the loop runs every room's edits.
    count = 10 * CHUNK
    board = {
        "elements": [{"id": f"e{n}", **stroke(n, z=count - n)} for n in range(count)],
        "type": "codecall-whiteboard",
        "version": 1,
    }
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    source = YWhiteboard()
    source.set(board)
    expected = {**board, "elements": sorted(board["elements"], key=lambda e: e["z"])}
    canonical = json.dumps(expected, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    assert source.get() == canonical + "\n"

    task = asyncio.ensure_future(ticker())
    try:
        await asyncio.sleep(0)
        before = ticks
        text = await source.aget()
        assert ticks - before >= 9  # the loop ran between the chunks
        assert text == source.get()

        copy = YWhiteboard()
        before = ticks
        await copy.aset(text)
        assert ticks - before >= 9
        assert copy.get() == text
        changes: list[str] = []
        copy.observe(lambda target, _event: changes.append(target))
        await copy.aset(text)  # the same board: nothing changes
        assert changes == []
        edited = json.loads(text)
        edited["elements"][3]["color"] = "#fff"
        del edited["elements"][0]
        await copy.aset(edited)
        assert changes == ["elements"]
        assert json.loads(copy.get()) == edited
        await copy.aset("not a board")  # logged; the board stays
        assert json.loads(copy.get()) == edited
    finally:
        task.cancel()


@pytest.mark.sqlite_only
def test_a_board_drawn_as_nested_maps_is_read_and_rewritten_as_it_changes():
    # Before elements were JSON text, each was a map of its attributes: such a board, kept
    # in a room's history, still reads, and an element becomes text only when it changes.
    doc = Doc()
    old = doc.get("elements", type=Map)
    old["a"] = Map(stroke(1))
    old["b"] = Map({"kind": "rect", "x": 5.0, "y": 6, "w": 1, "h": 2, "z": 3})
    legacy = YWhiteboard(doc)
    assert json.loads(legacy.get())["elements"] == [
        {"id": "a", **stroke(1)},
        {"id": "b", "kind": "rect", "x": 5, "y": 6, "w": 1, "h": 2, "z": 3},
    ]
    board = json.loads(legacy.get())
    board["elements"][1]["x"] = 7
    legacy.set(board)
    assert isinstance(legacy.elements["a"], Map)  # unchanged: left as it was
    assert isinstance(legacy.elements["b"], str)
    moved = {"kind": "rect", "x": 7, "y": 6, "w": 1, "h": 2, "z": 3}
    assert read_value(legacy.elements["b"]) == moved


@pytest.mark.sqlite_only
def test_points_are_cleaned_as_every_other_number():
    values = [0, 3, -0.0, 1.0, 2.5, 1.23456, -7.0005, 1e300, -1e300, 2**53 - 1, 2**53, -(2**53)]
    values += [float(2**53), 2.0**60, float("inf"), float("-inf"), float("nan"), True, None, "1"]
    for value in values:
        board = parse_board({"elements": [{"id": "l", "kind": "line", "points": [value, 0]}]})
        assert board is not None
        number = _number(value)
        assert board["l"].get("points") == (None if number is None else [number, 0]), value


@pytest.mark.sqlite_only
def test_an_element_a_client_wrote_as_bad_text_is_skipped_and_the_board_still_saves():
    board = YWhiteboard()
    board.set({"elements": [{"id": "ok", **stroke(1)}]})
    with board.ydoc.transaction():
        board.elements["not-json"] = "{not json"
        board.elements["deep"] = "[" * 100_000 + "]" * 100_000  # past the parser's depth
        board.elements["array"] = "[1, 2]"
    assert [e["id"] for e in json.loads(board.get())["elements"]] == ["ok"]
    assert parse_board("[" * 100_000 + "]" * 100_000) is None

    # The same with maps nested in maps, as a board drawn before elements were text holds.
    deep = Map({"kind": "rect"})
    board.elements["nested"] = deep
    for _ in range(2_000):
        inner = Map({"kind": "rect"})
        deep["inner"] = inner
        deep = inner
    assert [e["id"] for e in json.loads(board.get())["elements"]] == ["ok"]


@pytest.mark.sqlite_only
def test_parse_board_is_loose_but_safe():
    assert parse_board("") == {}
    assert parse_board("{}") == {}
    assert parse_board("null") is None
    assert parse_board({"elements": {"x": {"kind": "line", "points": [1, 2, 3]}}}) == {
        "x": {"kind": "line", "points": [1, 2]}
    }
    assert parse_board({"elements": [{"id": "n", "kind": "rect", "x": float("nan")}]}) == {
        "n": {"kind": "rect"}
    }
    assert (
        parse_board({"elements": [{"id": "t", "kind": "text", "text": "x" * 30_000}]})["t"]["text"]
        == "x" * 20_000
    )


# What json.loads makes of these, the room's load (read an element at a time) makes too.
GOOD = {"id": "a", **stroke(1)}
READS_AS_PARSED = [
    "",
    " \n\t",
    "\x0b\u00a0",  # whitespace to str.strip, not to JSON
    "{}",
    "{ }",
    '{"elements": []}',
    '{"elements":[ ]}',
    json.dumps({"type": "codecall-whiteboard", "elements": [GOOD, {"id": "b", **stroke(2)}]}),
    json.dumps({"elements": [GOOD], "version": 1}, indent=2),
    '\r\n {\n "elements" :\t[\n' + json.dumps(GOOD) + '\n ] ,\n"v": null } \n',
    json.dumps({"meta": {"elements": [GOOD]}, "elements": [{"id": "b", **stroke(2)}]}),
    json.dumps({"elements": {"x": stroke(3), "y": "not an element"}}),
    json.dumps({"elements": [GOOD, 3, None, [], {"id": 5, **stroke(4)}, {"id": "", **stroke(5)}]}),
    json.dumps({"elements": [GOOD, {"id": "a", **stroke(6)}]}),  # the same id twice
    '{"elements": [' + json.dumps(GOOD) + '], "elements": []}',  # the last wins
    '{"elements": [], "elements": [' + json.dumps(GOOD) + "]}",
    '{"elements": [' + json.dumps(GOOD) + '], "elements": [}',
    '{"elements": [{"id": "n", "kind": "rect", "x": NaN, "y": Infinity}]}',
    '{"elements": [' + json.dumps(GOOD) + "]} trailing",
    '{"elements": [' + json.dumps(GOOD) + "]",  # cut short
    '{"elements": [' + json.dumps(GOOD) + ",]}",
    '{"elements": [' + json.dumps(GOOD) + " " + json.dumps(GOOD) + "]}",
    '{"elements": [' + json.dumps(GOOD) + '], "type" "x"}',
    '{"elements": [' + json.dumps(GOOD) + "], }",
    "{elements: []}",
    '{"elements": "none"}',
    '{"elements": 7}',
    "[1, 2, 3]",
    "null",
    "\ufeff{}",
    '{"elements": [' + "[" * 100_000 + "]" * 100_000 + "]}",  # past the parser's depth
    "[" * 100_000 + "]" * 100_000,
    json.dumps({"elements": [GOOD, {"id": "t", "kind": "text", "text": "\u00e9\ud83d\ude00 <b>"}]}),
]


@pytest.mark.sqlite_only
@pytest.mark.parametrize("text", READS_AS_PARSED)
async def test_a_load_reads_a_file_as_a_whole_parse_would(text):
    parsed = parse_board(text)
    expected = None if parsed is None else {k: element_value(v) for k, v in parsed.items()}
    assert await aparse_values(text) == expected
    assert await aparse_values(text.encode()) == expected


@pytest.mark.sqlite_only
async def test_loading_a_large_board_does_not_hold_the_whole_file_as_python_objects():
    # Parsed whole, the file of 2,000 strokes became 8 MB of Python objects at once (11.6
    # times the file), which the allocator keeps long after.
    rng = random.Random(7)
    elements = [
        {"id": f"s{n}", **stroke(n, points=[round(rng.uniform(-50, 50), 1) for _ in range(48)])}
        for n in range(2_000)
    ]
    text = json.dumps({"elements": elements, "type": "codecall-whiteboard", "version": 1})
    board = YWhiteboard()
    tracemalloc.start()
    try:
        start = tracemalloc.get_traced_memory()[0]
        await board.aset(text)
        peak = tracemalloc.get_traced_memory()[1] - start
    finally:
        tracemalloc.stop()
    assert len(board.elements) == 2_000
    assert json.loads(board.get())["elements"][5] == {**elements[5], "id": "s5"}
    assert peak < 2 * len(text), (peak, len(text))
