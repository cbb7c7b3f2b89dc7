"""A whiteboard as an SVG picture, made on the server (the session archive has one per
board). It draws what the labextension's SVG export draws (``labextension/src/whiteboard/
render.ts``) in the light theme's colours. Built with ElementTree, so every colour and
every piece of text is an escaped attribute value or text node, never markup."""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET  # writing only: nothing here parses XML
from typing import Any

from .whiteboard import parse_board

INK, PAPER, FONT = "#212121", "#ffffff", "sans-serif"
NOTE_FILL, NOTE_TEXT = "#fff59d", "#212121"
ARROW_HEAD, MARGIN = 12.0, 24.0
_SAFE_COLOUR = frozenset("#0123456789abcdefABCDEF(),. %rgbhslatransparent")


def _colour(value: Any, default: str) -> str:
    """A colour an element names, if it looks like one (hex, rgb(), a word)."""
    if not isinstance(value, str) or not value or value == "ink":
        return default
    if value.isalpha() or all(c in _SAFE_COLOUR for c in value):
        return value[:64]
    return default


def _num(value: Any, default: float = 0.0) -> float:
    return float(value) if isinstance(value, int | float) and math.isfinite(value) else default


def _el(parent: ET.Element, tag: str, **attributes: str) -> ET.Element:
    return ET.SubElement(parent, tag, attributes)


def _f(value: float) -> str:
    """A number as SVG wants it: at most two decimals, no trailing zeros."""
    text = f"{round(float(value), 2):.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def _path(points: list[float]) -> str:
    p = [round(v, 2) for v in points]
    if len(p) == 2:
        return f"M{p[0]} {p[1]}h0.01"
    d = f"M{p[0]} {p[1]}"
    if len(p) < 6:
        return d + "".join(f" L{p[i]} {p[i + 1]}" for i in range(2, len(p) - 1, 2))
    for i in range(2, len(p) - 3, 2):
        d += f" Q{p[i]} {p[i + 1]} {round((p[i] + p[i + 2]) / 2, 2)} "
        d += f"{round((p[i + 1] + p[i + 3]) / 2, 2)}"
    return f"{d} L{p[-2]} {p[-1]}"


def _arrow_head(points: list[float], width: float) -> str | None:
    if len(points) < 4:
        return None
    x0, y0, x1, y1 = points[-4:]
    angle, size, spread = math.atan2(y1 - y0, x1 - x0), ARROW_HEAD + width, math.pi / 7
    corners = [
        (x1 - size * math.cos(angle - spread), y1 - size * math.sin(angle - spread)),
        (x1, y1),
        (x1 - size * math.cos(angle + spread), y1 - size * math.sin(angle + spread)),
    ]
    return " ".join(f"{round(x, 2)} {round(y, 2)}" for x, y in corners)


def _bounds(element: dict[str, Any]) -> tuple[float, float, float, float]:
    x, y = _num(element.get("x")), _num(element.get("y"))
    points = element.get("points") or []
    if element["kind"] in ("stroke", "line", "arrow") and len(points) >= 2:
        xs, ys = points[0::2], points[1::2]
        return x + min(xs), y + min(ys), x + max(xs), y + max(ys)
    w, h = _num(element.get("w")), _num(element.get("h"))
    if element["kind"] == "text":
        lines = str(element.get("text", " ")).split("\n")
        size = _num(element.get("size"), 16)
        w, h = max(len(line) for line in lines) * size * 0.6, len(lines) * size * 1.25
    return min(x, x + w), min(y, y + h), max(x, x + w), max(y, y + h)


def board_svg(content: Any) -> str:
    """The board in ``content`` (a ``.whiteboard`` file's text or JSON) as an SVG
    document; an empty picture for a file that is not a board."""
    elements = parse_board(content) or {}
    ordered = [
        element
        for _id, element in sorted(
            elements.items(), key=lambda item: (_num(item[1].get("z")), item[0])
        )
    ]
    boxes = [_bounds(e) for e in ordered]
    if boxes:
        x0, y0 = min(b[0] for b in boxes) - MARGIN, min(b[1] for b in boxes) - MARGIN
        x1, y1 = max(b[2] for b in boxes) + MARGIN, max(b[3] for b in boxes) + MARGIN
    else:
        x0, y0, x1, y1 = 0.0, 0.0, 320.0, 200.0
    width, height = round(x1 - x0, 2), round(y1 - y0, 2)
    svg = ET.Element(
        "svg",
        xmlns="http://www.w3.org/2000/svg",
        width=_f(width),
        height=_f(height),
        viewBox=f"{_f(x0)} {_f(y0)} {_f(width)} {_f(height)}",
    )
    _el(svg, "rect", x=_f(x0), y=_f(y0), width=_f(width), height=_f(height))
    svg[0].set("fill", PAPER)
    for element in ordered:
        _draw(svg, element)
    return ET.tostring(svg, encoding="unicode")


def _draw(svg: ET.Element, element: dict[str, Any]) -> None:
    kind = element["kind"]
    colour = _colour(element.get("color"), INK)
    width = _num(element.get("width"), 2)
    x, y = _num(element.get("x")), _num(element.get("y"))
    w, h = _num(element.get("w")), _num(element.get("h"))
    line = {
        "stroke": colour,
        "stroke-width": _f(width),
        "stroke-linecap": "round",
        "stroke-linejoin": "round",
    }
    fill = _colour(element.get("fill"), "none")
    if kind in ("stroke", "line", "arrow"):
        points = [float(v) for v in element.get("points") or []]
        if len(points) < 2:
            return
        group = _el(svg, "g", transform=f"translate({_f(x)} {_f(y)})")
        _el(group, "path", d=_path(points), fill="none", **line)
        head = _arrow_head(points, width) if kind == "arrow" else None
        if head:
            _el(group, "polyline", points=head, fill="none", **line)
    elif kind == "rect":
        _el(
            svg,
            "rect",
            x=_f(min(x, x + w)),
            y=_f(min(y, y + h)),
            width=_f(abs(w)),
            height=_f(abs(h)),
            fill=fill,
            **line,
        )
    elif kind == "ellipse":
        _el(
            svg,
            "ellipse",
            cx=_f(x + w / 2),
            cy=_f(y + h / 2),
            rx=_f(abs(w / 2)),
            ry=_f(abs(h / 2)),
            fill=fill,
            **line,
        )
    else:  # text and sticky notes
        note = kind == "note"
        pad = 8.0 if note else 0.0
        size = min(_num(element.get("size"), 16), 18) if note else _num(element.get("size"), 16)
        group = _el(svg, "g")
        if note:
            paper = _colour(element.get("fill"), NOTE_FILL)
            _el(group, "rect", x=_f(x), y=_f(y), width=_f(w), height=_f(h), fill=paper)
        text = _el(
            group,
            "text",
            x=_f(x + pad),
            y=_f(y + pad),
            fill=NOTE_TEXT if note else colour,
            **{"font-size": _f(size), "font-family": FONT, "dominant-baseline": "hanging"},
        )
        for i, part in enumerate(str(element.get("text", "")).split("\n")):
            span = _el(text, "tspan", x=_f(x + pad), dy=_f(0 if i == 0 else size * 1.25))
            span.text = part
