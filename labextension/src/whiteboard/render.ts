/**
 * Drawing whiteboard elements: on a canvas (the board and PNG exports) and
 * as SVG (exports). Text is drawn with `fillText` or set as `textContent`:
 * whatever anyone typed is never parsed as markup.
 */
import {
  IBox,
  IElement,
  INK,
  NOTE_FILL,
  NOTE_TEXT,
  bounds,
  textLines,
  unionBox
} from './elements';

/**
 * The colours of the theme that elements and exports use.
 */
export interface IPalette {
  /**
   * What `ink` means: the theme's text colour.
   */
  ink: string;
  /**
   * The board's background.
   */
  paper: string;
  /**
   * The selection outline.
   */
  accent: string;
  /**
   * The font family of text.
   */
  font: string;
}

/**
 * The theme's colours, read from JupyterLab's CSS variables.
 */
export function themePalette(node: HTMLElement): IPalette {
  const style = getComputedStyle(node);
  const read = (name: string, fallback: string): string =>
    style.getPropertyValue(name).trim() || fallback;
  return {
    ink: read('--jp-ui-font-color0', '#000'),
    paper: read('--jp-layout-color0', '#fff'),
    accent: read('--jp-brand-color1', '#1976d2'),
    font: read('--jp-ui-font-family', 'sans-serif')
  };
}

export function colorOf(color: string, palette: IPalette): string {
  return color === INK || !color ? palette.ink : color;
}

const ARROW_HEAD = 12;

function arrowHead(element: IElement): number[] | null {
  const p = element.points;
  if (p.length < 4) {
    return null;
  }
  const [x0, y0, x1, y1] = p.slice(-4);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  const size = ARROW_HEAD + element.width;
  const spread = Math.PI / 7;
  return [
    x1 - size * Math.cos(angle - spread),
    y1 - size * Math.sin(angle - spread),
    x1,
    y1,
    x1 - size * Math.cos(angle + spread),
    y1 - size * Math.sin(angle + spread)
  ];
}

function tracePolyline(ctx: CanvasRenderingContext2D, p: number[]): void {
  ctx.moveTo(p[0], p[1]);
  if (p.length === 2) {
    ctx.lineTo(p[0] + 0.01, p[1]);
    return;
  }
  if (p.length < 6) {
    for (let i = 2; i + 1 < p.length; i += 2) {
      ctx.lineTo(p[i], p[i + 1]);
    }
    return;
  }
  // Quadratic curves through the midpoints: smooth between the points.
  for (let i = 2; i + 3 < p.length; i += 2) {
    const mx = (p[i] + p[i + 2]) / 2;
    const my = (p[i + 1] + p[i + 3]) / 2;
    ctx.quadraticCurveTo(p[i], p[i + 1], mx, my);
  }
  ctx.lineTo(p[p.length - 2], p[p.length - 1]);
}

/**
 * Draw one element in board coordinates (the caller sets the transform).
 */
export function drawElement(
  ctx: CanvasRenderingContext2D,
  element: IElement,
  palette: IPalette
): void {
  const color = colorOf(element.color, palette);
  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.lineWidth = element.width;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  switch (element.kind) {
    case 'stroke':
    case 'line':
    case 'arrow': {
      ctx.translate(element.x, element.y);
      ctx.beginPath();
      tracePolyline(ctx, element.points);
      ctx.stroke();
      const head = element.kind === 'arrow' ? arrowHead(element) : null;
      if (head) {
        ctx.beginPath();
        ctx.moveTo(head[0], head[1]);
        ctx.lineTo(head[2], head[3]);
        ctx.lineTo(head[4], head[5]);
        ctx.stroke();
      }
      break;
    }
    case 'rect':
      if (element.fill) {
        ctx.fillStyle = colorOf(element.fill, palette);
        ctx.fillRect(element.x, element.y, element.w, element.h);
      }
      ctx.strokeRect(element.x, element.y, element.w, element.h);
      break;
    case 'ellipse':
      ctx.beginPath();
      ctx.ellipse(
        element.x + element.w / 2,
        element.y + element.h / 2,
        Math.abs(element.w / 2),
        Math.abs(element.h / 2),
        0,
        0,
        Math.PI * 2
      );
      if (element.fill) {
        ctx.fillStyle = colorOf(element.fill, palette);
        ctx.fill();
      }
      ctx.stroke();
      break;
    case 'note': {
      ctx.shadowColor = 'rgba(0, 0, 0, 0.25)';
      ctx.shadowBlur = 6;
      ctx.shadowOffsetY = 2;
      ctx.fillStyle = element.fill || NOTE_FILL;
      ctx.fillRect(element.x, element.y, element.w, element.h);
      ctx.shadowColor = 'transparent';
      ctx.beginPath();
      ctx.rect(element.x, element.y, element.w, element.h);
      ctx.clip();
      drawText(ctx, element, NOTE_TEXT, palette.font, 8);
      break;
    }
    case 'text':
      drawText(ctx, element, color, palette.font, 0);
      break;
  }
  ctx.restore();
}

function drawText(
  ctx: CanvasRenderingContext2D,
  element: IElement,
  color: string,
  font: string,
  pad: number
): void {
  const size =
    element.kind === 'note' ? Math.min(element.size, 18) : element.size;
  ctx.fillStyle = color;
  ctx.font = `${size}px ${font}`;
  ctx.textBaseline = 'top';
  const lines =
    element.kind === 'note'
      ? wrap(ctx, element.text, Math.max(element.w - 2 * pad, 10))
      : textLines(element.text);
  lines.forEach((line, i) => {
    ctx.fillText(line, element.x + pad, element.y + pad + i * size * 1.25);
  });
}

/**
 * The lines of a text wrapped to a width, measured by the canvas.
 */
function wrap(
  ctx: CanvasRenderingContext2D,
  text: string,
  width: number
): string[] {
  const lines: string[] = [];
  for (const paragraph of textLines(text)) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const next = line ? `${line} ${word}` : word;
      if (line && ctx.measureText(next).width > width) {
        lines.push(line);
        line = word;
      } else {
        line = next;
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The outline of selected elements.
 */
export function drawSelection(
  ctx: CanvasRenderingContext2D,
  box: IBox,
  palette: IPalette,
  zoom: number
): void {
  ctx.save();
  ctx.strokeStyle = palette.accent;
  ctx.lineWidth = 1 / zoom;
  ctx.setLineDash([4 / zoom, 3 / zoom]);
  const pad = 4 / zoom;
  ctx.strokeRect(
    box.x0 - pad,
    box.y0 - pad,
    box.x1 - box.x0 + 2 * pad,
    box.y1 - box.y0 + 2 * pad
  );
  ctx.restore();
}

const EXPORT_MARGIN = 24;

/**
 * The region an export shows: every element with a margin.
 */
export function exportBox(elements: IElement[]): IBox {
  const box = unionBox(elements.map(bounds)) ?? {
    x0: 0,
    y0: 0,
    x1: 320,
    y1: 200
  };
  return {
    x0: Math.floor(box.x0 - EXPORT_MARGIN),
    y0: Math.floor(box.y0 - EXPORT_MARGIN),
    x1: Math.ceil(box.x1 + EXPORT_MARGIN),
    y1: Math.ceil(box.y1 + EXPORT_MARGIN)
  };
}

/**
 * The board as a PNG, at `scale` pixels per board unit.
 */
export function toPng(
  elements: IElement[],
  palette: IPalette,
  scale = 2
): Promise<Blob | null> {
  const box = exportBox(elements);
  const canvas = document.createElement('canvas');
  const maxSide = 8192;
  const factor = Math.min(
    scale,
    maxSide / Math.max(box.x1 - box.x0, 1),
    maxSide / Math.max(box.y1 - box.y0, 1)
  );
  canvas.width = Math.max(1, Math.round((box.x1 - box.x0) * factor));
  canvas.height = Math.max(1, Math.round((box.y1 - box.y0) * factor));
  const ctx = canvas.getContext('2d');
  if (!ctx) {
    return Promise.resolve(null);
  }
  ctx.fillStyle = palette.paper;
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.setTransform(factor, 0, 0, factor, -box.x0 * factor, -box.y0 * factor);
  for (const element of elements) {
    drawElement(ctx, element, palette);
  }
  return new Promise(resolve => canvas.toBlob(resolve, 'image/png'));
}

const SVG_NS = 'http://www.w3.org/2000/svg';

function svgPath(points: number[]): string {
  const p = points.map(v => Math.round(v * 100) / 100);
  if (p.length === 2) {
    return `M${p[0]} ${p[1]}h0.01`;
  }
  let d = `M${p[0]} ${p[1]}`;
  if (p.length < 6) {
    for (let i = 2; i + 1 < p.length; i += 2) {
      d += ` L${p[i]} ${p[i + 1]}`;
    }
    return d;
  }
  for (let i = 2; i + 3 < p.length; i += 2) {
    const mx = Math.round(((p[i] + p[i + 2]) / 2) * 100) / 100;
    const my = Math.round(((p[i + 1] + p[i + 3]) / 2) * 100) / 100;
    d += ` Q${p[i]} ${p[i + 1]} ${mx} ${my}`;
  }
  return `${d} L${p[p.length - 2]} ${p[p.length - 1]}`;
}

/**
 * The board as an SVG document. Built with DOM calls, so colours and
 * text are attribute values and text nodes, escaped by the serializer.
 */
export function toSvg(elements: IElement[], palette: IPalette): string {
  const box = exportBox(elements);
  const svg = document.createElementNS(SVG_NS, 'svg');
  const set = (
    node: Element,
    attributes: { [key: string]: string | number }
  ): void => {
    for (const [key, value] of Object.entries(attributes)) {
      node.setAttribute(key, String(value));
    }
  };
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  set(svg, {
    width,
    height,
    viewBox: `${box.x0} ${box.y0} ${width} ${height}`
  });
  const background = document.createElementNS(SVG_NS, 'rect');
  set(background, { x: box.x0, y: box.y0, width, height, fill: palette.paper });
  svg.appendChild(background);
  for (const element of elements) {
    const color = colorOf(element.color, palette);
    const common = {
      stroke: color,
      'stroke-width': element.width,
      'stroke-linecap': 'round',
      'stroke-linejoin': 'round'
    };
    let node: Element;
    switch (element.kind) {
      case 'stroke':
      case 'line':
      case 'arrow': {
        node = document.createElementNS(SVG_NS, 'g');
        set(node, { transform: `translate(${element.x} ${element.y})` });
        const path = document.createElementNS(SVG_NS, 'path');
        set(path, { ...common, fill: 'none', d: svgPath(element.points) });
        node.appendChild(path);
        const head = element.kind === 'arrow' ? arrowHead(element) : null;
        if (head) {
          const tip = document.createElementNS(SVG_NS, 'polyline');
          set(tip, { ...common, fill: 'none', points: head.join(' ') });
          node.appendChild(tip);
        }
        break;
      }
      case 'rect':
        node = document.createElementNS(SVG_NS, 'rect');
        set(node, {
          ...common,
          fill: element.fill ? colorOf(element.fill, palette) : 'none',
          x: Math.min(element.x, element.x + element.w),
          y: Math.min(element.y, element.y + element.h),
          width: Math.abs(element.w),
          height: Math.abs(element.h)
        });
        break;
      case 'ellipse':
        node = document.createElementNS(SVG_NS, 'ellipse');
        set(node, {
          ...common,
          fill: element.fill ? colorOf(element.fill, palette) : 'none',
          cx: element.x + element.w / 2,
          cy: element.y + element.h / 2,
          rx: Math.abs(element.w / 2),
          ry: Math.abs(element.h / 2)
        });
        break;
      default: {
        node = document.createElementNS(SVG_NS, 'g');
        const note = element.kind === 'note';
        const pad = note ? 8 : 0;
        const size = note ? Math.min(element.size, 18) : element.size;
        if (note) {
          const paper = document.createElementNS(SVG_NS, 'rect');
          set(paper, {
            x: element.x,
            y: element.y,
            width: element.w,
            height: element.h,
            fill: element.fill || NOTE_FILL
          });
          node.appendChild(paper);
        }
        const text = document.createElementNS(SVG_NS, 'text');
        set(text, {
          x: element.x + pad,
          y: element.y + pad,
          fill: note ? NOTE_TEXT : color,
          'font-size': size,
          'font-family': palette.font,
          'dominant-baseline': 'hanging'
        });
        textLines(element.text).forEach((line, i) => {
          const span = document.createElementNS(SVG_NS, 'tspan');
          set(span, { x: element.x + pad, dy: i === 0 ? 0 : size * 1.25 });
          span.textContent = line;
          text.appendChild(span);
        });
        node.appendChild(text);
      }
    }
    svg.appendChild(node);
  }
  return new XMLSerializer().serializeToString(svg);
}
