"""``YWhiteboard``: the collaborative whiteboard, a jupyter_ydoc document type.

Registered as the ``whiteboard`` entry point of the ``jupyter_ydoc`` group, so a room
``text:whiteboard:<fileId>`` holds one. Its file is a ``.whiteboard`` JSON text file;
rooms load and save it through the contents manager as format ``text`` (the contents
manager saves only text or base64, so not ``json``), and an unknown type like
``whiteboard`` is read and written as a plain file.

The shared document (the labextension's ``YWhiteboard`` has the same schema)::

    {
        "state": YMap,            # jupyter_ydoc's: path, dirty, hash
        "elements": YMap,         # element id -> its attributes as a JSON object's text
    }

An element's attributes: ``kind`` (one of ``KINDS``), ``x``, ``y`` (its position),
``w``, ``h`` (shapes, text, notes), ``points`` (a flat ``[x0, y0, x1, y1, ...]`` relative
to ``x``, ``y``: strokes, lines, arrows), ``color``, ``fill``, ``width``, ``text``,
``size`` (font size), ``z`` (stacking order), ``author`` (a username).

An element is one map entry, its attributes as JSON text (``element_value``): a change
rewrites the element, and of two people changing one element at the same moment, one
version wins whole, on every copy (as Excalidraw and tldraw merge). A nested YMap per
element, with an entry per attribute, merged those two changes; it held a 2,000-stroke
board in 8.4 MiB of server memory where JSON text holds it in 1.4 MiB (bench_memory.py),
and its update was 1.7 times as large. Boards drawn before (nested YMaps) are read as they
are, and an element is rewritten as text when it next changes.

The file::

    {"type": "codecall-whiteboard", "version": 1, "elements": [{"id": ..., "kind": ...}]}

with the elements in stacking order. ``get()`` writes it canonically (sorted keys, whole
numbers without ``.0``), so a board read back from its own file compares equal and a room
rebuilt from the history is not reloaded from disk. ``set()`` changes only what differs,
so reloading an unchanged or slightly changed file never duplicates an element. A file
that is not a board is logged and leaves the board as it is (empty for a new room):
opening it never fails. The room saves with ``aget()`` and loads with ``aset()``, which do
the same a chunk of elements at a time, yielding to the event loop between chunks: a save
of a 5,000-stroke board took 0.23 s of the loop at once, now at most about 12 ms at a time
(reading the entries; each chunk about 2 ms). A load reads the file an element at a time
(``board_reader``) and keeps of each element only its entry's text: the file's one
``json.loads`` held the loop 80 ms for 5,000 strokes, and its 8 MB of Python objects for
2,000 strokes stayed in the allocator's pools as the server's memory.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from collections.abc import Callable
from functools import partial
from operator import itemgetter
from typing import TYPE_CHECKING, Any, TypeVar

from pycrdt import Awareness, Doc, Map

from .board_reader import NotABoard, RepeatedElements, iter_raw_elements, keyed_elements

if TYPE_CHECKING:
    from jupyter_ydoc.ybasedoc import YBaseDoc

log = logging.getLogger(__name__)

FILE_TYPE = "codecall-whiteboard"
FILE_VERSION = 1
KINDS = frozenset({"stroke", "line", "rect", "ellipse", "arrow", "text", "note"})
NUMBERS = ("x", "y", "w", "h", "width", "size", "z")
STRINGS = {"color": 64, "fill": 64, "author": 200, "text": 20_000}
MAX_ELEMENTS = 50_000
MAX_POINTS = 40_000  # numbers in one element's ``points``
MAX_ID = 100
_EXACT = 2**53  # beyond this, whole numbers are not exact as floats (as in JavaScript)
EMPTY = {"elements": [], "type": FILE_TYPE, "version": FILE_VERSION}
CHUNK = 50  # elements checked between two yields to the event loop (about 2 ms here)

T = TypeVar("T")


def _number(value: Any) -> int | float | None:
    """A finite JSON number, whole numbers as int (floats come back from Yjs as float)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float):
        if not math.isfinite(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
        return round(value, 3)
    return value if abs(value) < 2**53 else None


def clean_element(raw: Any) -> dict[str, Any] | None:
    """The attributes of one element as stored, or None when it is not an element.
    Unknown attributes are dropped, bad values of known ones too."""
    if not isinstance(raw, dict):
        return None
    kind = raw.get("kind")
    if kind not in KINDS:
        return None
    element: dict[str, Any] = {"kind": kind}
    for key in NUMBERS:
        if key in raw and (number := _number(raw[key])) is not None:
            element[key] = number
    for key, limit in STRINGS.items():
        value = raw.get(key)
        if isinstance(value, str):
            element[key] = value[:limit]
    points = raw.get("points")
    if isinstance(points, list) and len(points) <= MAX_POINTS:
        numbers = _numbers(points)
        if numbers is not None:
            element["points"] = numbers[: len(numbers) // 2 * 2]
    return element


def _numbers(values: list[Any]) -> list[int | float] | None:
    """``_number`` of each value, or None when one is not a number. A board's points are
    most of what it holds, and every save cleans them all: this is ``_number`` inlined,
    with exact type checks (``get()`` of a 5,000-stroke board: 289 -> 237 ms)."""
    numbers: list[int | float] = []
    append = numbers.append
    for value in values:
        kind = type(value)
        if kind is float:
            if value - value != 0.0:  # inf or nan
                return None
            if value.is_integer() and -_EXACT < value < _EXACT:
                append(int(value))
            else:
                append(round(value, 3))
        elif kind is int and -_EXACT < value < _EXACT:
            append(value)
        else:
            number = _number(value)  # a subclass of int or float, say
            if number is None:
                return None
            append(number)
    return numbers


def _raw_elements(value: Any) -> list[Any] | None:
    """The elements of a file's text (or its parsed JSON) as they are written, or None when
    it is not a board. An empty text is an empty board."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    if isinstance(value, str):
        if not value.strip():
            return []
        try:
            value = json.loads(value)
        except (ValueError, RecursionError):  # not JSON; nested past the parser's depth
            return None
    if not isinstance(value, dict):
        return None
    raw = value.get("elements", [])
    if isinstance(raw, dict):  # {id: attributes} is accepted too
        raw = list(keyed_elements(raw))
    if not isinstance(raw, list):
        return None
    return raw[:MAX_ELEMENTS]


def _take_element(board: dict[str, dict[str, Any]], item: Any) -> None:
    """Put one written element into ``board``, cleaned; a bad one is skipped."""
    if (taken := _element(item)) is not None:
        board[taken[0]] = taken[1]


def _take_value(board: dict[str, str], item: Any) -> None:
    """Put one written element into ``board`` as its entry's text; a bad one is skipped."""
    if (taken := _element(item)) is not None:
        board[taken[0]] = element_value(taken[1])


def _element(item: Any) -> tuple[str, dict[str, Any]] | None:
    """A written element's id and cleaned attributes, or None when it is no element."""
    element = clean_element(item)
    element_id = item.get("id") if isinstance(item, dict) else None
    if element is not None and isinstance(element_id, str) and 0 < len(element_id) <= MAX_ID:
        return element_id, element
    return None


def parse_board(value: Any) -> dict[str, dict[str, Any]] | None:
    """``{id: attributes}`` in file order from a file's text (or its parsed JSON), or None
    when it is not a board. An empty text is an empty board; bad elements are skipped."""
    raw = _raw_elements(value)
    if raw is None:
        return None
    board: dict[str, dict[str, Any]] = {}
    for item in raw:
        _take_element(board, item)
    return board


async def aparse_values(value: Any) -> dict[str, str] | None:
    """The board as ``{id: entry text}`` (``element_value`` of its cleaned attributes) from
    a file's text (or its parsed JSON), or None when it is not a board, yielding to the
    event loop before every ``CHUNK`` elements. A text is read an element at a time
    (``board_reader``): what stays of an element is its entry's text, so a load never
    holds the whole file as Python objects, nor the loop for the file's parse."""
    if isinstance(value, bytes):
        value = value.decode("utf-8", errors="replace")
    board: dict[str, str] = {}
    if not isinstance(value, str):
        raw = _raw_elements(value)
        if raw is None:
            return None
        await _in_chunks(raw, partial(_take_value, board))
        return board
    if not value or value.isspace():  # as parse_board: str.isspace, wider than JSON's
        return board
    try:
        for index, item in enumerate(iter_raw_elements(value)):
            if index % CHUNK == 0:
                await asyncio.sleep(0)
            if index < MAX_ELEMENTS:
                _take_value(board, item)
    except RepeatedElements:  # json.loads lets the last win: read it as parse_board does
        try:
            parsed = json.loads(value)
        except (ValueError, RecursionError):
            return None
        return await aparse_values(parsed)
    except (NotABoard, RecursionError):
        return None
    return board


async def _in_chunks(items: list[T], work: Callable[[T], None]) -> None:
    """``work`` on each item, yielding to the event loop before every ``CHUNK`` items:
    checking a 5,000-stroke board takes a quarter of a second, which would stop every room.
    The first yield parts the chunks from reading the board (10 ms for 5,000 entries)."""
    for start in range(0, len(items), CHUNK):
        await asyncio.sleep(0)
        for item in items[start : start + CHUNK]:
            work(item)


def element_value(attributes: dict[str, Any]) -> str:
    """An element's entry in the shared map: its attributes as canonical JSON text."""
    return json.dumps(attributes, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def read_value(value: Any) -> Any:
    """An entry of the shared map as the attributes it holds (not yet cleaned): JSON text,
    or a nested map (boards drawn before elements were text). Anything else as it is, for
    ``clean_element`` to refuse."""
    if isinstance(value, str):
        try:
            return json.loads(value)
        except (ValueError, RecursionError):  # any client may write any text
            return None
    if isinstance(value, Map):
        try:
            return value.to_py()
        except RecursionError:  # maps nested in maps past Python's depth
            return None
    return value


def read_element(value: Any) -> dict[str, Any] | None:
    """An entry of the shared map as the element's cleaned attributes, or None."""
    return clean_element(read_value(value))


def _order(item: tuple[str, dict[str, Any]]) -> tuple[float, str]:
    z = item[1].get("z", 0)
    return (z if isinstance(z, int | float) else 0, item[0])


Fragment = tuple[tuple[float, str], str]  # an element's stacking order and its JSON in the file


def _add_fragment(fragments: list[Fragment], entry: tuple[str, Any]) -> None:
    element_id, value = entry
    element = read_element(value)
    if element is not None:
        text = element_value({"id": element_id, **element})
        fragments.append((_order((element_id, element)), text))


def _board_text(fragments: list[Fragment]) -> str:
    """The file's text: what ``json.dumps(board, sort_keys=True, ...)`` writes, made from
    the elements' own JSON so that they can be made a chunk at a time."""
    fragments.sort(key=itemgetter(0))
    elements = ",".join(text for _order, text in fragments)
    return f'{{"elements":[{elements}],"type":"{FILE_TYPE}","version":{FILE_VERSION}}}\n'


def _add_change(current: dict[str, Any], changes: dict[str, str], item: tuple[str, str]) -> None:
    """Note the entry to write for a wanted element (its id and entry text) unless the
    board has it already, as this text or as other text (or a nested map) that says the
    same."""
    element_id, value = item
    have = current.get(element_id)
    if have == value:
        return
    if have is None or read_element(have) != json.loads(value):
        changes[element_id] = value


# jupyter_ydoc's package __init__ loads every ``jupyter_ydoc`` entry point, this module's
# ``YWhiteboard`` among them. When this module is imported first, its import of jupyter_ydoc
# (in ``_define`` below) asks this half-imported module for ``YWhiteboard`` before the
# module's last line ran: ``__getattr__`` answers by defining the class then (jupyter_ydoc's
# ``ybasedoc`` is loaded by that time), and the last line finds it defined.
_DEFINED: list[type[YBaseDoc]] = []


def __getattr__(name: str) -> Any:
    if name == "YWhiteboard":
        return _define()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _define() -> type[YBaseDoc]:
    from jupyter_ydoc.ybasedoc import YBaseDoc

    if _DEFINED:  # defined meanwhile, by jupyter_ydoc's import of this module's entry point
        return _DEFINED[0]

    class YWhiteboard(YBaseDoc):
        """A whiteboard: elements keyed by id, each its attributes as JSON text."""

        def __init__(self, ydoc: Doc | None = None, awareness: Awareness | None = None) -> None:
            super().__init__(ydoc, awareness)
            self._yelements: Map = self._ydoc.get("elements", type=Map)
            self.undo_manager.expand_scope(self._yelements)

        @property
        def version(self) -> str:
            return "1.0.0"

        @property
        def elements(self) -> Map:
            return self._yelements

        def _entries(self) -> list[tuple[str, Any]]:
            """The map's entries as they are now, as Python values (text; nested maps of
            older boards as dicts)."""
            return [
                (element_id, read_value(value) if isinstance(value, Map) else value)
                for element_id, value in self._yelements.items()
            ]

        def get(self) -> str:
            """The file's text: the board as canonical JSON (sorted keys, whole numbers
            without ``.0``), elements in stacking order."""
            fragments: list[Fragment] = []
            for entry in self._entries():
                _add_fragment(fragments, entry)
            return _board_text(fragments)

        async def aget(self) -> str:
            """``get()`` for the room's saves, yielding to the event loop between chunks."""
            fragments: list[Fragment] = []
            await _in_chunks(self._entries(), partial(_add_fragment, fragments))
            return _board_text(fragments)

        def set(self, value: Any) -> None:
            """Make the board what ``value`` (a file's text, or its parsed JSON) says, changing
            only what differs. Not a board: logged, and the board stays as it is."""
            board = parse_board(value)
            if board is None:
                self._not_a_board()
                return
            current = dict(self._entries())
            changes: dict[str, str] = {}
            for element_id, element in board.items():
                _add_change(current, changes, (element_id, element_value(element)))
            self._apply(board, current, changes)

        async def aset(self, value: Any) -> None:
            """``set()`` for the room's loads, yielding to the event loop between chunks;
            the changes are made at once, in one transaction."""
            board = await aparse_values(value)
            if board is None:
                self._not_a_board()
                return
            current = dict(self._entries())
            changes: dict[str, str] = {}
            await _in_chunks(list(board.items()), partial(_add_change, current, changes))
            self._apply(board, current, changes)

        def _not_a_board(self) -> None:
            log.warning(
                "Whiteboard %s: the file is not a whiteboard; left the board as it was",
                self.path or "(no path)",
            )

        def _apply(
            self, board: dict[str, Any], current: dict[str, Any], changes: dict[str, str]
        ) -> None:
            """Write ``changes`` and delete the entries ``board`` (keyed by id) lacks."""
            gone = [element_id for element_id in current if element_id not in board]
            if not gone and not changes:
                return
            with self._ydoc.transaction():
                for element_id in gone:
                    if element_id in self._yelements:
                        del self._yelements[element_id]
                for element_id, entry in changes.items():
                    self._yelements[element_id] = entry

        def observe(self, callback: Callable[[str, Any], None]) -> None:
            self.unobserve()
            self._subscriptions[self._ystate] = self._ystate.observe(partial(callback, "state"))
            self._subscriptions[self._yelements] = self._yelements.observe_deep(
                partial(callback, "elements")
            )

    YWhiteboard.__qualname__ = "YWhiteboard"
    _DEFINED.append(YWhiteboard)
    return YWhiteboard


YWhiteboard = _define()
