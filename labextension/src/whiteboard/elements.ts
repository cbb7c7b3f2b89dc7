/**
 * The elements of a whiteboard: their attributes as stored in the shared
 * document (the same schema as the server's `codecall_jupyter/collab/whiteboard.py`),
 * reading them back safely, geometry, and the smoothing of freehand strokes.
 */

/**
 * What an element is.
 */
export type ElementKind =
  'stroke' | 'line' | 'rect' | 'ellipse' | 'arrow' | 'text' | 'note';

export const ELEMENT_KINDS: ReadonlyArray<ElementKind> = [
  'stroke',
  'line',
  'rect',
  'ellipse',
  'arrow',
  'text',
  'note'
];

/**
 * The colour that follows the theme's text colour (dark on light themes,
 * light on dark ones). Other colours are CSS colours.
 */
export const INK = 'ink';

/**
 * The paper of sticky notes and the text on them (the same in every theme).
 */
export const NOTE_FILL = '#fff59d';
export const NOTE_TEXT = '#212121';

/**
 * An element as read from the shared document, with defaults filled in.
 */
export interface IElement {
  id: string;
  kind: ElementKind;
  /**
   * The position: the top left corner of shapes, text and notes, the
   * origin of `points` for strokes, lines and arrows.
   */
  x: number;
  y: number;
  w: number;
  h: number;
  /**
   * Flat `[x0, y0, x1, y1, ...]`, relative to `x`, `y`.
   */
  points: number[];
  color: string;
  fill: string;
  width: number;
  text: string;
  /**
   * The font size of text.
   */
  size: number;
  /**
   * The stacking order (larger is on top).
   */
  z: number;
  author: string;
}

/**
 * The attributes of an element as they are stored (everything but the id).
 */
export type ElementAttributes = Partial<Omit<IElement, 'id'>> & {
  kind: ElementKind;
};

const LIMITS = { color: 64, fill: 64, author: 200, text: 20000 };

function num(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

function str(value: unknown, limit: number, fallback = ''): string {
  return typeof value === 'string' ? value.slice(0, limit) : fallback;
}

/**
 * An element from its stored attributes, or null when they are not one.
 * Anyone may write anything into a shared document: every value is checked.
 */
export function readElement(
  id: string,
  raw: { [key: string]: unknown }
): IElement | null {
  const kind = raw.kind;
  if (
    typeof kind !== 'string' ||
    !(ELEMENT_KINDS as ReadonlyArray<string>).includes(kind)
  ) {
    return null;
  }
  const points = Array.isArray(raw.points)
    ? raw.points.filter(
        (p): p is number => typeof p === 'number' && Number.isFinite(p)
      )
    : [];
  return {
    id,
    kind: kind as ElementKind,
    x: num(raw.x, 0),
    y: num(raw.y, 0),
    w: num(raw.w, 0),
    h: num(raw.h, 0),
    points: points.length % 2 ? points.slice(0, -1) : points,
    color: str(raw.color, LIMITS.color, INK) || INK,
    fill: str(raw.fill, LIMITS.fill),
    width: Math.min(Math.max(num(raw.width, 2), 0.5), 64),
    text: str(raw.text, LIMITS.text),
    size: Math.min(Math.max(num(raw.size, 20), 6), 200),
    z: num(raw.z, 0),
    author: str(raw.author, LIMITS.author)
  };
}

/**
 * Elements bottom to top.
 */
export function byStackingOrder(a: IElement, b: IElement): number {
  return a.z - b.z || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A coordinate as stored: two decimals are plenty.
 */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * A new element id: unique across everyone drawing.
 */
export function newId(): string {
  const bytes = new Uint8Array(9);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
}

export interface IBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The lines of a text, and the box they take at a font size (an estimate
 * used where no canvas measures it: hit tests and exports).
 */
export function textLines(text: string): string[] {
  return text.split('\n');
}

export function textBox(element: IElement): { w: number; h: number } {
  const lines = textLines(element.text || ' ');
  const longest = Math.max(...lines.map(line => line.length), 1);
  return {
    w: longest * element.size * 0.6,
    h: lines.length * element.size * 1.25
  };
}

/**
 * Where an element lies, in board coordinates.
 */
export function bounds(element: IElement): IBox {
  const { x, y } = element;
  switch (element.kind) {
    case 'stroke':
    case 'line':
    case 'arrow': {
      const pad = element.width / 2 + (element.kind === 'arrow' ? 8 : 0);
      let x0 = Infinity;
      let y0 = Infinity;
      let x1 = -Infinity;
      let y1 = -Infinity;
      for (let i = 0; i < element.points.length; i += 2) {
        x0 = Math.min(x0, element.points[i]);
        x1 = Math.max(x1, element.points[i]);
        y0 = Math.min(y0, element.points[i + 1]);
        y1 = Math.max(y1, element.points[i + 1]);
      }
      if (x0 === Infinity) {
        x0 = y0 = x1 = y1 = 0;
      }
      return {
        x0: x + x0 - pad,
        y0: y + y0 - pad,
        x1: x + x1 + pad,
        y1: y + y1 + pad
      };
    }
    case 'text': {
      const box = textBox(element);
      return { x0: x, y0: y, x1: x + box.w, y1: y + box.h };
    }
    default: {
      const pad = element.kind === 'note' ? 0 : element.width / 2;
      const x0 = Math.min(x, x + element.w);
      const y0 = Math.min(y, y + element.h);
      return {
        x0: x0 - pad,
        y0: y0 - pad,
        x1: x0 + Math.abs(element.w) + pad,
        y1: y0 + Math.abs(element.h) + pad
      };
    }
  }
}

export function unionBox(boxes: IBox[]): IBox | null {
  if (boxes.length === 0) {
    return null;
  }
  return boxes.reduce((a, b) => ({
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1)
  }));
}

export function boxesMeet(a: IBox, b: IBox): boolean {
  return a.x0 <= b.x1 && b.x0 <= a.x1 && a.y0 <= b.y1 && b.y0 <= a.y1;
}

function segmentDistance(
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t =
    length === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/**
 * Whether the point (board coordinates) touches the element, within
 * `tolerance`: on the line of strokes and outlines, anywhere inside text
 * and notes.
 */
export function hits(
  element: IElement,
  px: number,
  py: number,
  tolerance: number
): boolean {
  const box = bounds(element);
  if (
    px < box.x0 - tolerance ||
    px > box.x1 + tolerance ||
    py < box.y0 - tolerance ||
    py > box.y1 + tolerance
  ) {
    return false;
  }
  const reach = tolerance + element.width / 2;
  switch (element.kind) {
    case 'stroke':
    case 'line':
    case 'arrow': {
      const p = element.points;
      if (p.length === 2) {
        return (
          Math.hypot(px - element.x - p[0], py - element.y - p[1]) <= reach
        );
      }
      for (let i = 0; i + 3 < p.length; i += 2) {
        if (
          segmentDistance(
            px - element.x,
            py - element.y,
            p[i],
            p[i + 1],
            p[i + 2],
            p[i + 3]
          ) <= reach
        ) {
          return true;
        }
      }
      return false;
    }
    case 'rect': {
      const inside =
        px > box.x0 + reach &&
        px < box.x1 - reach &&
        py > box.y0 + reach &&
        py < box.y1 - reach;
      return !inside;
    }
    case 'ellipse': {
      const rx = Math.abs(element.w) / 2;
      const ry = Math.abs(element.h) / 2;
      const cx = Math.min(element.x, element.x + element.w) + rx;
      const cy = Math.min(element.y, element.y + element.h) + ry;
      if (rx < 1 || ry < 1) {
        return true;
      }
      const d = Math.hypot((px - cx) / rx, (py - cy) / ry);
      return Math.abs(d - 1) * Math.min(rx, ry) <= reach;
    }
    default:
      return true;
  }
}

/**
 * A freehand stroke made smooth: points closer than `minStep` to the last
 * kept one are dropped, then two rounds of Chaikin's corner cutting round
 * the corners off (the first and last points stay where they were).
 */
export function smooth(points: number[], minStep = 1.5): number[] {
  const kept: number[] = [];
  for (let i = 0; i + 1 < points.length; i += 2) {
    const n = kept.length;
    if (
      n === 0 ||
      Math.hypot(points[i] - kept[n - 2], points[i + 1] - kept[n - 1]) >=
        minStep
    ) {
      kept.push(points[i], points[i + 1]);
    }
  }
  const last = points.length >= 2 ? points.slice(-2) : [];
  const n = kept.length;
  if (
    n >= 2 &&
    last.length === 2 &&
    (kept[n - 2] !== last[0] || kept[n - 1] !== last[1])
  ) {
    kept.push(last[0], last[1]);
  }
  let result = kept;
  for (let pass = 0; pass < 2 && result.length >= 6; pass++) {
    const next: number[] = [result[0], result[1]];
    for (let i = 0; i + 3 < result.length; i += 2) {
      const [ax, ay, bx, by] = [
        result[i],
        result[i + 1],
        result[i + 2],
        result[i + 3]
      ];
      next.push(0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by);
      next.push(0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by);
    }
    next.push(result[result.length - 2], result[result.length - 1]);
    result = next;
  }
  return result;
}
