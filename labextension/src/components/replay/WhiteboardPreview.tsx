/**
 * A whiteboard as it was at a moment of a replay, drawn with the board's
 * own renderer on a canvas that fits the panel. Read-only.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useMemo, useRef } from 'react';

import {
  IElement,
  byStackingOrder,
  readElement
} from '../../whiteboard/elements';
import { drawElement, exportBox, themePalette } from '../../whiteboard/render';

/**
 * The elements of a whiteboard's JSON data (`{elements: [...]}`), bottom
 * to top; anything that is not an element is skipped.
 */
export function boardElements(content: unknown): IElement[] {
  if (typeof content !== 'object' || content === null) {
    return [];
  }
  const raw = (content as { elements?: unknown }).elements;
  if (!Array.isArray(raw)) {
    return [];
  }
  const out: IElement[] = [];
  raw.forEach((item: unknown, index: number) => {
    if (typeof item !== 'object' || item === null) {
      return;
    }
    const attributes = item as { [key: string]: unknown };
    const id = typeof attributes.id === 'string' ? attributes.id : `e${index}`;
    const element = readElement(id, attributes);
    if (element !== null) {
      out.push(element);
    }
  });
  return out.sort(byStackingOrder);
}

const MAX_WIDTH = 960;
const MAX_HEIGHT = 640;

export interface IWhiteboardPreviewProps {
  content: unknown;
  trans: TranslationBundle;
}

export function WhiteboardPreview(props: IWhiteboardPreviewProps): JSX.Element {
  const { content, trans } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const elements = useMemo(() => boardElements(content), [content]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) {
      return;
    }
    const palette = themePalette(canvas);
    const box = exportBox(elements);
    const width = Math.max(box.x1 - box.x0, 1);
    const height = Math.max(box.y1 - box.y0, 1);
    const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
    const ratio = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(width * scale * ratio));
    canvas.height = Math.max(1, Math.round(height * scale * ratio));
    canvas.style.width = `${Math.round(width * scale)}px`;
    canvas.style.height = `${Math.round(height * scale)}px`;
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      return;
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = palette.paper;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    const f = scale * ratio;
    ctx.setTransform(f, 0, 0, f, -box.x0 * f, -box.y0 * f);
    for (const element of elements) {
      drawElement(ctx, element, palette);
    }
  }, [elements]);

  return (
    <div className="cc-ReplayBoard" data-element-count={elements.length}>
      <canvas
        ref={canvasRef}
        className="cc-ReplayBoard-canvas"
        role="img"
        aria-label={trans._n(
          'The whiteboard with %1 element',
          'The whiteboard with %1 elements',
          elements.length
        )}
      />
    </div>
  );
}
