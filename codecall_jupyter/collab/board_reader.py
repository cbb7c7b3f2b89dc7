"""Reading a ``.whiteboard`` file's text one element at a time.

``json.loads`` of a whole board builds every element, and every number of every stroke,
as Python objects at once: for 2,000 strokes about 4.5 MB, freed a moment later into the
allocator's pools, where the rooms loaded meanwhile keep it from going back to the
system; and for 5,000 strokes one call of 50 to 60 ms that no other room's edit can
interrupt. Here the file's top-level object is walked key by key, and its ``elements``
array item by item, each item decoded alone by the same decoder ``json.loads`` uses, so
the caller can keep what it needs of an element, drop the rest, and yield to the event
loop between elements.

What is accepted is exactly what ``json.loads`` accepts (the same decoder reads every
value; only the punctuation of the top-level object and of the array between them is
read here), and ``elements`` is read as ``json.loads(text).get("elements")`` would give
it, with one exception the caller handles: a second ``elements`` key, which ``json.loads``
would let win, raises ``RepeatedElements`` after the first one's items were given.
"""

from __future__ import annotations

import json
import re
from collections.abc import Generator, Iterator
from typing import Any

_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")  # JSON's whitespace, as json.loads skips it


class NotABoard(ValueError):
    """The text is not JSON, or not an object whose ``elements`` is a list or an object."""


class RepeatedElements(ValueError):
    """The object has ``elements`` twice; ``json.loads`` would keep the last."""


def iter_raw_elements(text: str) -> Iterator[Any]:
    """The items of the text's ``elements`` as ``json.loads`` would give them, one at a time
    and in file order; ``{id: attributes}`` gives ``{**attributes, "id": id}`` per entry
    that is an object. An empty text, or an object without ``elements``, gives none.
    Raises ``NotABoard`` (or ``RecursionError``, past the decoder's depth) when the text
    turns out not to be a board, possibly after some items were given: the caller must
    not act on the items until the iteration ended."""
    end = len(text)
    pos = _space(text, 0)
    if pos == end:
        return
    if text[pos] != "{":
        raise NotABoard("not an object")
    pos = _space(text, pos + 1)
    seen = False
    if _char(text, pos) == "}":
        pos += 1
    else:
        while True:
            if _char(text, pos) != '"':
                raise NotABoard(f"expected a key at {pos}")
            key, pos = _decode(text, pos)
            pos = _space(text, pos)
            if _char(text, pos) != ":":
                raise NotABoard(f"expected ':' at {pos}")
            pos = _space(text, pos + 1)
            if key == "elements":
                if seen:
                    raise RepeatedElements("elements is given twice")
                seen = True
                if _char(text, pos) == "[":
                    pos = yield from _array_items(text, pos)
                else:
                    value, pos = _decode(text, pos)
                    if not isinstance(value, dict):
                        raise NotABoard("elements is neither a list nor an object")
                    yield from keyed_elements(value)
            else:
                _, pos = _decode(text, pos)
            pos = _space(text, pos)
            separator = _char(text, pos)
            if separator == "}":
                pos += 1
                break
            if separator != ",":
                raise NotABoard(f"expected ',' or '}}' at {pos}")
            pos = _space(text, pos + 1)
    if _space(text, pos) != end:
        raise NotABoard(f"extra data at {pos}")


def keyed_elements(elements: dict[Any, Any]) -> Iterator[dict[str, Any]]:
    """``elements`` written as ``{id: attributes}``, as the list it stands for: each entry
    that is an object, with its key as its ``id``; the others are skipped."""
    return ({**v, "id": k} for k, v in elements.items() if isinstance(v, dict))


def _array_items(text: str, pos: int) -> Generator[Any, None, int]:
    """The items of the array opening at ``pos``; returns the position after it."""
    pos = _space(text, pos + 1)
    if _char(text, pos) == "]":
        return pos + 1
    while True:
        item, pos = _decode(text, pos)
        yield item
        pos = _space(text, pos)
        separator = _char(text, pos)
        if separator == "]":
            return pos + 1
        if separator != ",":
            raise NotABoard(f"expected ',' or ']' at {pos}")
        pos = _space(text, pos + 1)


def _decode(text: str, pos: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as error:
        raise NotABoard(str(error)) from None


def _space(text: str, pos: int) -> int:
    match = _SPACE.match(text, pos)
    return match.end() if match else pos


def _char(text: str, pos: int) -> str:
    return text[pos] if pos < len(text) else ""
