/**
 * The whiteboard on a canvas: tools, pan and zoom, undo, clear and exports.
 *
 * Everything drawn is an element of the shared `YWhiteboard`; the canvas is
 * redrawn from it (at most once per animation frame) whenever it changes,
 * here or anywhere else. A gesture in progress (a stroke being drawn, a
 * shape being dragged out, a move) is drawn locally and written to the
 * document when it ends, as one undo step.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import {
  LabIcon,
  clearIcon,
  downloadIcon,
  redoIcon,
  undoIcon
} from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';
import { Widget } from '@lumino/widgets';

import {
  ElementAttributes,
  ElementKind,
  IBox,
  IElement,
  INK,
  NOTE_FILL,
  bounds,
  boxesMeet,
  hits,
  round,
  smooth,
  unionBox
} from './elements';
import { YWhiteboard } from './model';
import {
  IPalette,
  drawElement,
  drawSelection,
  themePalette,
  toPng,
  toSvg
} from './render';

/**
 * The tools of the toolbar.
 */
export type WhiteboardTool =
  | 'select'
  | 'hand'
  | 'pen'
  | 'line'
  | 'arrow'
  | 'rect'
  | 'ellipse'
  | 'text'
  | 'note'
  | 'eraser';

/**
 * What the user may do on this board.
 */
export interface IWhiteboardAccess {
  /**
   * Whether "Clear" is offered (the session's host, the server's owner).
   */
  mayClear?: boolean;
  /**
   * Whether the user only looks (observers): nothing they draw would
   * reach anyone, so drawing is off.
   */
  readOnly?: boolean;
}

export interface IWhiteboardViewOptions extends IWhiteboardAccess {
  model: YWhiteboard;
  trans: TranslationBundle;
  /**
   * Who draws: recorded as the author of new elements.
   */
  user: string;
  /**
   * The base name of exported files.
   */
  fileName?: string;
}

const COLORS: ReadonlyArray<{ value: string; label: string }> = [
  { value: INK, label: 'Ink' },
  { value: '#e53935', label: 'Red' },
  { value: '#fb8c00', label: 'Orange' },
  { value: '#43a047', label: 'Green' },
  { value: '#1e88e5', label: 'Blue' },
  { value: '#8e24aa', label: 'Purple' }
];
const WIDTHS = [2, 4, 8];
const MIN_ZOOM = 0.1;
const MAX_ZOOM = 8;
const HIT_TOLERANCE = 6; // screen pixels
const NOTE_SIZE = { w: 180, h: 130 };

type Gesture =
  | { type: 'pan'; sx: number; sy: number; ox: number; oy: number }
  | { type: 'stroke'; points: number[] }
  | {
      type: 'shape';
      kind: 'line' | 'arrow' | 'rect' | 'ellipse';
      x0: number;
      y0: number;
      x1: number;
      y1: number;
    }
  | { type: 'move'; sx: number; sy: number; dx: number; dy: number }
  | { type: 'band'; x0: number; y0: number; x1: number; y1: number }
  | { type: 'erase'; erased: Set<string> };

interface IEditing {
  id: string | null;
  kind: 'text' | 'note';
  x: number;
  y: number;
}

export class WhiteboardView extends Widget {
  constructor(options: IWhiteboardViewOptions) {
    super();
    this.addClass('cc-Whiteboard');
    this._model = options.model;
    this._trans = options.trans;
    this._user = options.user;
    this._fileName = options.fileName ?? 'whiteboard';
    this._mayClear = options.mayClear ?? true;
    this._readOnly = options.readOnly ?? false;

    this._toolbar = this._buildToolbar();
    this._stage = document.createElement('div');
    this._stage.className = 'cc-Whiteboard-stage';
    this._stage.tabIndex = 0;
    this._stage.setAttribute('role', 'application');
    this._stage.setAttribute(
      'aria-roledescription',
      this._trans.__('whiteboard')
    );
    this._stage.setAttribute(
      'aria-label',
      this._trans.__(
        'Whiteboard. Tools: V select, H hand, P pen, L line, A arrow, R rectangle, O ellipse, T text, N note, E eraser. Arrow keys pan, plus and minus zoom.'
      )
    );
    this._canvas = document.createElement('canvas');
    this._canvas.className = 'cc-Whiteboard-canvas';
    this._editor = document.createElement('textarea');
    this._editor.className = 'cc-Whiteboard-editor';
    this._editor.setAttribute(
      'aria-label',
      this._trans.__('Text on the board')
    );
    this._editor.hidden = true;
    this._stage.append(this._canvas, this._editor);
    this._status = document.createElement('div');
    this._status.className = 'cc-Whiteboard-status';
    this._status.setAttribute('role', 'status');
    this.node.append(this._toolbar, this._stage, this._status);

    this._elements = this._model.list();
    this._model.changed.connect(this._onModelChanged, this);
    this._model.undoManager.on('stack-item-added', this._updateButtons);
    this._model.undoManager.on('stack-item-popped', this._updateButtons);
    this._model.undoManager.on('stack-cleared', this._updateButtons);
    this._resizeObserver = new ResizeObserver(() => this._scheduleRender());
    this._resizeObserver.observe(this._stage);
    this._applyAccess();
    this.setTool(this._readOnly ? 'hand' : 'pen');
  }

  /**
   * The shared document drawn here.
   */
  get model(): YWhiteboard {
    return this._model;
  }

  get tool(): WhiteboardTool {
    return this._tool;
  }

  /**
   * The zoom factor (1 is 100 %).
   */
  get zoom(): number {
    return this._view.zoom;
  }

  /**
   * Change what the user may do (known once the session is looked up).
   */
  setAccess(access: IWhiteboardAccess): void {
    if (access.mayClear !== undefined) {
      this._mayClear = access.mayClear;
    }
    if (access.readOnly !== undefined) {
      this._readOnly = access.readOnly;
      if (this._readOnly && !['select', 'hand'].includes(this._tool)) {
        this.setTool('hand');
      }
    }
    this._applyAccess();
  }

  setTool(tool: WhiteboardTool): void {
    if (this._readOnly && !['select', 'hand'].includes(tool)) {
      return;
    }
    this._commitEditor();
    this._tool = tool;
    if (tool !== 'select') {
      this._selection.clear();
    }
    this._toolButtons.forEach((button, name) => {
      button.setAttribute('aria-pressed', String(name === tool));
      button.classList.toggle('cc-mod-active', name === tool);
    });
    this.node.dataset.tool = tool;
    this._scheduleRender();
  }

  setColor(color: string): void {
    this._color = color;
    this._colorButtons.forEach((button, value) => {
      button.setAttribute('aria-pressed', String(value === color));
    });
    if (this._selection.size && !this._readOnly) {
      this._model.update(
        new Map(Array.from(this._selection, id => [id, { color }]))
      );
    }
  }

  setWidth(width: number): void {
    this._width = width;
    this._widthSelect.value = String(width);
    if (this._selection.size && !this._readOnly) {
      this._model.update(
        new Map(Array.from(this._selection, id => [id, { width }]))
      );
    }
  }

  undo(): void {
    if (!this._readOnly) {
      this._commitEditor();
      this._model.undo();
    }
  }

  redo(): void {
    if (!this._readOnly) {
      this._model.redo();
    }
  }

  /**
   * Remove every element; one undo step, so it can be taken back.
   */
  clear(): void {
    if (this._mayClear && !this._readOnly) {
      this._selection.clear();
      this._model.clear();
    }
  }

  /**
   * Zoom by a factor around a point of the stage (its centre by default).
   */
  zoomBy(factor: number, sx?: number, sy?: number): void {
    const { width, height } = this._stageSize();
    const cx = sx ?? width / 2;
    const cy = sy ?? height / 2;
    const view = this._view;
    const zoom = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, view.zoom * factor));
    // The board point under (cx, cy) stays there.
    view.x = cx - ((cx - view.x) * zoom) / view.zoom;
    view.y = cy - ((cy - view.y) * zoom) / view.zoom;
    view.zoom = zoom;
    this._scheduleRender();
  }

  /**
   * Back to 100 %, the board's origin at the top left.
   */
  resetView(): void {
    this._view = { x: 0, y: 0, zoom: 1 };
    this._scheduleRender();
  }

  /**
   * Show every element.
   */
  fitView(): void {
    const box = unionBox(this._elements.map(bounds));
    if (!box) {
      this.resetView();
      return;
    }
    const { width, height } = this._stageSize();
    const margin = 40;
    const zoom = Math.min(
      MAX_ZOOM,
      Math.max(
        MIN_ZOOM,
        Math.min(
          (width - 2 * margin) / Math.max(box.x1 - box.x0, 1),
          (height - 2 * margin) / Math.max(box.y1 - box.y0, 1),
          1
        )
      )
    );
    this._view = {
      zoom,
      x: (width - (box.x1 - box.x0) * zoom) / 2 - box.x0 * zoom,
      y: (height - (box.y1 - box.y0) * zoom) / 2 - box.y0 * zoom
    };
    this._scheduleRender();
  }

  async exportPng(): Promise<void> {
    const blob = await toPng(this._elements, this._palette());
    if (blob) {
      download(blob, `${this._fileName}.png`);
    }
  }

  exportSvg(): void {
    const svg = toSvg(this._elements, this._palette());
    download(
      new Blob([svg], { type: 'image/svg+xml' }),
      `${this._fileName}.svg`
    );
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._resizeObserver.disconnect();
    this._model.changed.disconnect(this._onModelChanged, this);
    this._model.undoManager.off('stack-item-added', this._updateButtons);
    this._model.undoManager.off('stack-item-popped', this._updateButtons);
    this._model.undoManager.off('stack-cleared', this._updateButtons);
    if (this._frame) {
      cancelAnimationFrame(this._frame);
    }
    super.dispose();
  }

  handleEvent(event: Event): void {
    switch (event.type) {
      case 'pointerdown':
        this._onPointerDown(event as PointerEvent);
        break;
      case 'pointermove':
        this._onPointerMove(event as PointerEvent);
        break;
      case 'pointerup':
      case 'pointercancel':
        this._onPointerUp(event as PointerEvent);
        break;
      case 'dblclick':
        this._onDoubleClick(event as MouseEvent);
        break;
      case 'wheel':
        this._onWheel(event as WheelEvent);
        break;
      case 'keydown':
        this._onKeyDown(event as KeyboardEvent);
        break;
      case 'keyup':
        if ((event as KeyboardEvent).key === ' ') {
          this._spaceDown = false;
          this._stage.classList.remove('cc-mod-panning');
        }
        break;
    }
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    for (const type of [
      'pointerdown',
      'pointermove',
      'pointerup',
      'pointercancel',
      'dblclick'
    ]) {
      this._stage.addEventListener(type, this);
    }
    this._stage.addEventListener('wheel', this, { passive: false });
    this._stage.addEventListener('keydown', this);
    this._stage.addEventListener('keyup', this);
    this._scheduleRender();
  }

  protected onBeforeDetach(msg: Message): void {
    for (const type of [
      'pointerdown',
      'pointermove',
      'pointerup',
      'pointercancel',
      'dblclick'
    ]) {
      this._stage.removeEventListener(type, this);
    }
    this._stage.removeEventListener('wheel', this);
    this._stage.removeEventListener('keydown', this);
    this._stage.removeEventListener('keyup', this);
    super.onBeforeDetach(msg);
  }

  protected onActivateRequest(): void {
    this._stage.focus();
  }

  // --- the toolbar -----------------------------------------------------------------

  private _buildToolbar(): HTMLElement {
    const trans = this._trans;
    const bar = document.createElement('div');
    bar.className = 'cc-Whiteboard-toolbar';
    bar.setAttribute('role', 'toolbar');
    bar.setAttribute('aria-label', trans.__('Whiteboard tools'));

    const group = (label: string): HTMLElement => {
      const node = document.createElement('div');
      node.className = 'cc-Whiteboard-group';
      node.setAttribute('role', 'group');
      node.setAttribute('aria-label', label);
      bar.appendChild(node);
      return node;
    };

    const tools: Array<[WhiteboardTool, string, string, string]> = [
      ['select', '⬚', trans.__('Select and move'), 'V'],
      ['hand', '↔', trans.__('Pan'), 'H'],
      ['pen', '✎', trans.__('Pen'), 'P'],
      ['line', '╱', trans.__('Line'), 'L'],
      ['arrow', '→', trans.__('Arrow'), 'A'],
      ['rect', '▭', trans.__('Rectangle'), 'R'],
      ['ellipse', '◯', trans.__('Ellipse'), 'O'],
      ['text', 'T', trans.__('Text'), 'T'],
      ['note', '▤', trans.__('Sticky note'), 'N'],
      ['eraser', '⌫', trans.__('Eraser'), 'E']
    ];
    const toolGroup = group(trans.__('Tools'));
    for (const [tool, glyph, label, key] of tools) {
      const button = this._button(toolGroup, label, () => this.setTool(tool), {
        glyph,
        shortcut: key
      });
      button.classList.add('cc-Whiteboard-tool');
      button.dataset.tool = tool;
      this._toolButtons.set(tool, button);
    }

    const colorGroup = group(trans.__('Colour'));
    for (const color of COLORS) {
      const button = this._button(
        colorGroup,
        trans.__('Colour: %1', trans.__(color.label)),
        () => this.setColor(color.value),
        {}
      );
      button.classList.add('cc-Whiteboard-swatch');
      const dot = document.createElement('span');
      dot.className = 'cc-Whiteboard-swatchDot';
      if (color.value === INK) {
        dot.classList.add('cc-mod-ink');
      } else {
        dot.style.backgroundColor = color.value;
      }
      button.appendChild(dot);
      this._colorButtons.set(color.value, button);
    }
    this._widthSelect = document.createElement('select');
    this._widthSelect.className = 'cc-Whiteboard-width';
    this._widthSelect.setAttribute('aria-label', trans.__('Line width'));
    this._widthSelect.title = trans.__('Line width');
    for (const width of WIDTHS) {
      const option = document.createElement('option');
      option.value = String(width);
      option.textContent = trans.__('%1 px', width);
      this._widthSelect.appendChild(option);
    }
    this._widthSelect.addEventListener('change', () =>
      this.setWidth(Number(this._widthSelect.value))
    );
    colorGroup.appendChild(this._widthSelect);

    const historyGroup = group(trans.__('History'));
    this._undoButton = this._button(
      historyGroup,
      trans.__('Undo'),
      () => this.undo(),
      {
        icon: undoIcon,
        shortcut: 'Ctrl+Z'
      }
    );
    this._redoButton = this._button(
      historyGroup,
      trans.__('Redo'),
      () => this.redo(),
      {
        icon: redoIcon,
        shortcut: 'Ctrl+Shift+Z'
      }
    );
    this._clearButton = this._button(
      historyGroup,
      trans.__('Clear the board'),
      () => this.clear(),
      { icon: clearIcon }
    );

    const viewGroup = group(trans.__('View'));
    this._button(viewGroup, trans.__('Zoom out'), () => this.zoomBy(1 / 1.25), {
      glyph: '−',
      shortcut: '-'
    });
    this._zoomLabel = this._button(
      viewGroup,
      trans.__('Reset zoom'),
      () => this.resetView(),
      {
        glyph: '100%'
      }
    );
    this._zoomLabel.classList.add('cc-Whiteboard-zoom');
    this._button(viewGroup, trans.__('Zoom in'), () => this.zoomBy(1.25), {
      glyph: '+',
      shortcut: '+'
    });
    this._button(viewGroup, trans.__('Fit the board'), () => this.fitView(), {
      glyph: '⤢'
    });

    const exportGroup = group(trans.__('Export'));
    this._button(
      exportGroup,
      trans.__('Export as PNG'),
      () => void this.exportPng(),
      {
        icon: downloadIcon,
        glyph: 'PNG'
      }
    );
    this._button(
      exportGroup,
      trans.__('Export as SVG'),
      () => this.exportSvg(),
      {
        icon: downloadIcon,
        glyph: 'SVG'
      }
    );
    return bar;
  }

  private _button(
    parent: HTMLElement,
    label: string,
    onClick: () => void,
    options: { glyph?: string; icon?: LabIcon; shortcut?: string }
  ): HTMLButtonElement {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'cc-Whiteboard-button';
    button.setAttribute('aria-label', label);
    button.title = options.shortcut ? `${label} (${options.shortcut})` : label;
    if (options.icon) {
      button.appendChild(
        options.icon.element({ tag: 'span', className: 'cc-Whiteboard-icon' })
      );
    }
    if (options.glyph) {
      const glyph = document.createElement('span');
      glyph.className = 'cc-Whiteboard-glyph';
      glyph.setAttribute('aria-hidden', 'true');
      glyph.textContent = options.glyph;
      button.appendChild(glyph);
    }
    button.addEventListener('click', onClick);
    parent.appendChild(button);
    return button;
  }

  private _applyAccess(): void {
    const drawing = !this._readOnly;
    this._toolButtons.forEach((button, tool) => {
      button.disabled = !drawing && !['select', 'hand'].includes(tool);
    });
    this._colorButtons.forEach(button => (button.disabled = !drawing));
    this._widthSelect.disabled = !drawing;
    this._clearButton.hidden = !this._mayClear;
    this.node.dataset.readOnly = String(this._readOnly);
    this._status.textContent = this._readOnly
      ? this._trans.__('You are observing: you see the board but cannot draw.')
      : '';
    this._updateButtons();
    this.setColor(this._color);
  }

  private _updateButtons = (): void => {
    const drawing = !this._readOnly;
    this._undoButton.disabled = !drawing || !this._model.canUndo();
    this._redoButton.disabled = !drawing || !this._model.canRedo();
    this._clearButton.disabled =
      !drawing || !this._mayClear || this._model.size === 0;
  };

  // --- the model -------------------------------------------------------------------

  private _onModelChanged(): void {
    this._elements = this._model.list();
    const present = new Set(this._elements.map(element => element.id));
    for (const id of this._selection) {
      if (!present.has(id)) {
        this._selection.delete(id);
      }
    }
    this._updateButtons();
    this._scheduleRender();
  }

  private _newAttributes(kind: ElementKind): ElementAttributes {
    return {
      kind,
      color: this._color,
      width: this._width,
      z: this._model.nextZ(),
      author: this._user
    };
  }

  // --- coordinates -----------------------------------------------------------------

  private _stageSize(): { width: number; height: number } {
    return {
      width: this._stage.clientWidth || 1,
      height: this._stage.clientHeight || 1
    };
  }

  private _local(event: MouseEvent): { sx: number; sy: number } {
    const rect = this._stage.getBoundingClientRect();
    return { sx: event.clientX - rect.left, sy: event.clientY - rect.top };
  }

  private _board(event: MouseEvent): { x: number; y: number } {
    const { sx, sy } = this._local(event);
    return {
      x: (sx - this._view.x) / this._view.zoom,
      y: (sy - this._view.y) / this._view.zoom
    };
  }

  private _topmostAt(x: number, y: number): IElement | null {
    const tolerance = HIT_TOLERANCE / this._view.zoom;
    for (let i = this._elements.length - 1; i >= 0; i--) {
      if (hits(this._elements[i], x, y, tolerance)) {
        return this._elements[i];
      }
    }
    return null;
  }

  // --- pointer gestures ------------------------------------------------------------

  private _onPointerDown(event: PointerEvent): void {
    this._stage.focus();
    if (this._gesture) {
      return;
    }
    const panning =
      event.button === 1 || this._spaceDown || this._tool === 'hand';
    if (event.button !== 0 && !panning) {
      return;
    }
    this._commitEditor();
    event.preventDefault();
    this._stage.setPointerCapture(event.pointerId);
    const { x, y } = this._board(event);
    if (panning) {
      const { sx, sy } = this._local(event);
      this._gesture = {
        type: 'pan',
        sx,
        sy,
        ox: this._view.x,
        oy: this._view.y
      };
      this._stage.classList.add('cc-mod-panning');
      return;
    }
    switch (this._tool) {
      case 'select': {
        const hit = this._topmostAt(x, y);
        if (hit) {
          if (event.shiftKey) {
            if (this._selection.has(hit.id)) {
              this._selection.delete(hit.id);
            } else {
              this._selection.add(hit.id);
            }
          } else if (!this._selection.has(hit.id)) {
            this._selection = new Set([hit.id]);
          }
          if (!this._readOnly && this._selection.size) {
            this._gesture = { type: 'move', sx: x, sy: y, dx: 0, dy: 0 };
          }
        } else {
          if (!event.shiftKey) {
            this._selection.clear();
          }
          this._gesture = { type: 'band', x0: x, y0: y, x1: x, y1: y };
        }
        break;
      }
      case 'pen':
        this._gesture = { type: 'stroke', points: [x, y] };
        break;
      case 'line':
      case 'arrow':
      case 'rect':
      case 'ellipse':
        this._gesture = {
          type: 'shape',
          kind: this._tool,
          x0: x,
          y0: y,
          x1: x,
          y1: y
        };
        break;
      case 'eraser':
        this._gesture = { type: 'erase', erased: new Set() };
        this._eraseAt(x, y);
        break;
      case 'text':
      case 'note': {
        const hit = this._topmostAt(x, y);
        if (hit && hit.kind === this._tool) {
          this._openEditor(
            { id: hit.id, kind: hit.kind, x: hit.x, y: hit.y },
            hit.text
          );
        } else {
          this._openEditor({ id: null, kind: this._tool, x, y }, '');
        }
        break;
      }
    }
    this._scheduleRender();
  }

  private _onPointerMove(event: PointerEvent): void {
    const gesture = this._gesture;
    if (!gesture) {
      return;
    }
    const { x, y } = this._board(event);
    switch (gesture.type) {
      case 'pan': {
        const { sx, sy } = this._local(event);
        this._view.x = gesture.ox + sx - gesture.sx;
        this._view.y = gesture.oy + sy - gesture.sy;
        break;
      }
      case 'stroke': {
        const events = event.getCoalescedEvents?.() ?? [];
        for (const e of events.length ? events : [event]) {
          const p = this._board(e);
          gesture.points.push(p.x, p.y);
        }
        break;
      }
      case 'shape':
      case 'band':
        gesture.x1 = x;
        gesture.y1 = y;
        break;
      case 'move':
        gesture.dx = x - gesture.sx;
        gesture.dy = y - gesture.sy;
        break;
      case 'erase':
        this._eraseAt(x, y);
        break;
    }
    this._scheduleRender();
  }

  private _onPointerUp(event: PointerEvent): void {
    const gesture = this._gesture;
    if (!gesture) {
      return;
    }
    this._gesture = null;
    if (this._stage.hasPointerCapture(event.pointerId)) {
      this._stage.releasePointerCapture(event.pointerId);
    }
    const cancelled = event.type === 'pointercancel';
    switch (gesture.type) {
      case 'pan':
        if (!this._spaceDown) {
          this._stage.classList.remove('cc-mod-panning');
        }
        break;
      case 'stroke':
        if (!cancelled) {
          this._commitStroke(gesture.points);
        }
        break;
      case 'shape':
        if (!cancelled) {
          this._commitShape(gesture);
        }
        break;
      case 'move':
        if (!cancelled && (gesture.dx !== 0 || gesture.dy !== 0)) {
          const changes = new Map<string, Partial<ElementAttributes>>();
          for (const element of this._elements) {
            if (this._selection.has(element.id)) {
              changes.set(element.id, {
                x: round(element.x + gesture.dx),
                y: round(element.y + gesture.dy)
              });
            }
          }
          this._model.update(changes);
        }
        break;
      case 'band': {
        const band: IBox = {
          x0: Math.min(gesture.x0, gesture.x1),
          y0: Math.min(gesture.y0, gesture.y1),
          x1: Math.max(gesture.x0, gesture.x1),
          y1: Math.max(gesture.y0, gesture.y1)
        };
        if (band.x1 - band.x0 > 1 || band.y1 - band.y0 > 1) {
          for (const element of this._elements) {
            if (boxesMeet(band, bounds(element))) {
              this._selection.add(element.id);
            }
          }
        }
        break;
      }
      case 'erase':
        this._model.endStep();
        break;
    }
    this._scheduleRender();
  }

  private _onDoubleClick(event: MouseEvent): void {
    if (this._readOnly || this._tool !== 'select') {
      return;
    }
    const { x, y } = this._board(event);
    const hit = this._topmostAt(x, y);
    if (hit && (hit.kind === 'text' || hit.kind === 'note')) {
      this._openEditor(
        { id: hit.id, kind: hit.kind, x: hit.x, y: hit.y },
        hit.text
      );
    }
  }

  private _onWheel(event: WheelEvent): void {
    event.preventDefault();
    if (event.ctrlKey || event.metaKey) {
      const { sx, sy } = this._local(event);
      this.zoomBy(Math.exp(-event.deltaY / 300), sx, sy);
    } else {
      this._view.x -= event.shiftKey ? event.deltaY : event.deltaX;
      this._view.y -= event.shiftKey ? 0 : event.deltaY;
      this._scheduleRender();
    }
  }

  private _onKeyDown(event: KeyboardEvent): void {
    if (event.target === this._editor) {
      return;
    }
    const mod = event.ctrlKey || event.metaKey;
    const key = event.key;
    let handled = true;
    if (mod && key.toLowerCase() === 'z') {
      if (event.shiftKey) {
        this.redo();
      } else {
        this.undo();
      }
    } else if (mod && key.toLowerCase() === 'y') {
      this.redo();
    } else if (mod || event.altKey) {
      handled = false;
    } else if (key === ' ') {
      this._spaceDown = true;
      this._stage.classList.add('cc-mod-panning');
    } else if (
      (key === 'Delete' || key === 'Backspace') &&
      this._selection.size
    ) {
      if (!this._readOnly) {
        this._model.remove(Array.from(this._selection));
        this._selection.clear();
      }
    } else if (key === 'Escape') {
      this._selection.clear();
      this._scheduleRender();
    } else if (key === '+' || key === '=') {
      this.zoomBy(1.25);
    } else if (key === '-') {
      this.zoomBy(1 / 1.25);
    } else if (key.startsWith('Arrow')) {
      const step = event.shiftKey ? 200 : 40;
      this._view.x +=
        key === 'ArrowLeft' ? step : key === 'ArrowRight' ? -step : 0;
      this._view.y +=
        key === 'ArrowUp' ? step : key === 'ArrowDown' ? -step : 0;
      this._scheduleRender();
    } else {
      const tool = SHORTCUTS[key.toLowerCase()];
      if (tool) {
        this.setTool(tool);
      } else {
        handled = false;
      }
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  // --- committing gestures ---------------------------------------------------------

  private _commitStroke(raw: number[]): void {
    const points = smooth(raw, 1.5 / this._view.zoom);
    let x0 = Infinity;
    let y0 = Infinity;
    for (let i = 0; i < points.length; i += 2) {
      x0 = Math.min(x0, points[i]);
      y0 = Math.min(y0, points[i + 1]);
    }
    if (!Number.isFinite(x0)) {
      return;
    }
    this._model.add({
      ...this._newAttributes('stroke'),
      x: round(x0),
      y: round(y0),
      points: points.map((v, i) => round(v - (i % 2 ? y0 : x0)))
    });
  }

  private _commitShape(shape: Extract<Gesture, { type: 'shape' }>): void {
    const dx = shape.x1 - shape.x0;
    const dy = shape.y1 - shape.y0;
    if (Math.hypot(dx, dy) * this._view.zoom < 3) {
      return; // a click, not a shape
    }
    const base = this._newAttributes(shape.kind);
    if (shape.kind === 'line' || shape.kind === 'arrow') {
      this._model.add({
        ...base,
        x: round(shape.x0),
        y: round(shape.y0),
        points: [0, 0, round(dx), round(dy)]
      });
    } else {
      this._model.add({
        ...base,
        x: round(Math.min(shape.x0, shape.x1)),
        y: round(Math.min(shape.y0, shape.y1)),
        w: round(Math.abs(dx)),
        h: round(Math.abs(dy))
      });
    }
  }

  private _eraseAt(x: number, y: number): void {
    const gesture = this._gesture;
    if (!gesture || gesture.type !== 'erase' || this._readOnly) {
      return;
    }
    const hit = this._topmostAt(x, y);
    if (hit && !gesture.erased.has(hit.id)) {
      gesture.erased.add(hit.id);
      this._model.remove([hit.id], false);
    }
  }

  // --- text and notes --------------------------------------------------------------

  private _openEditor(editing: IEditing, text: string): void {
    if (this._readOnly) {
      return;
    }
    this._editing = editing;
    const editor = this._editor;
    const zoom = this._view.zoom;
    editor.value = text;
    editor.hidden = false;
    editor.classList.toggle('cc-mod-note', editing.kind === 'note');
    editor.style.left = `${editing.x * zoom + this._view.x}px`;
    editor.style.top = `${editing.y * zoom + this._view.y}px`;
    editor.style.fontSize = `${20 * zoom}px`;
    if (editing.kind === 'note') {
      editor.style.width = `${NOTE_SIZE.w * zoom}px`;
      editor.style.height = `${NOTE_SIZE.h * zoom}px`;
    } else {
      editor.style.width = '';
      editor.style.height = '';
    }
    editor.onkeydown = (event: KeyboardEvent) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        event.preventDefault();
        this._closeEditor();
      } else if (event.key === 'Enter' && !event.shiftKey) {
        event.preventDefault();
        this._commitEditor();
      }
    };
    editor.onblur = () => this._commitEditor();
    // After the pointer event that opened it, or the stage takes the focus back.
    requestAnimationFrame(() => editor.focus());
    this._scheduleRender();
  }

  private _commitEditor(): void {
    const editing = this._editing;
    if (!editing) {
      return;
    }
    const text = this._editor.value.replace(/\s+$/, '');
    this._closeEditor();
    if (editing.id) {
      if (!text && editing.kind === 'text') {
        this._model.remove([editing.id]);
      } else {
        this._model.update(new Map([[editing.id, { text }]]));
      }
    } else if (text) {
      const base = this._newAttributes(editing.kind);
      this._model.add(
        editing.kind === 'note'
          ? {
              ...base,
              x: round(editing.x),
              y: round(editing.y),
              w: NOTE_SIZE.w,
              h: NOTE_SIZE.h,
              fill: NOTE_FILL,
              text
            }
          : {
              ...base,
              x: round(editing.x),
              y: round(editing.y),
              size: 20,
              text
            }
      );
    }
  }

  private _closeEditor(): void {
    this._editing = null;
    this._editor.onblur = null;
    this._editor.onkeydown = null;
    this._editor.hidden = true;
    if (document.activeElement === this._editor || !document.activeElement) {
      this._stage.focus();
    }
    this._scheduleRender();
  }

  // --- drawing ---------------------------------------------------------------------

  private _palette(): IPalette {
    return themePalette(this.node);
  }

  private _scheduleRender(): void {
    if (!this._frame) {
      this._frame = requestAnimationFrame(() => {
        this._frame = 0;
        this._render();
      });
    }
  }

  private _render(): void {
    if (this.isDisposed) {
      return;
    }
    const node = this.node;
    node.dataset.elementCount = String(this._elements.length);
    node.dataset.elements = this._elements
      .map(element => `${element.kind}:${element.author}`)
      .join(' ');
    node.dataset.zoom = String(Math.round(this._view.zoom * 100));
    const zoomGlyph = this._zoomLabel.querySelector('.cc-Whiteboard-glyph');
    if (zoomGlyph) {
      zoomGlyph.textContent = `${Math.round(this._view.zoom * 100)}%`;
    }
    if (!this.isVisible) {
      return;
    }
    const { width, height } = this._stageSize();
    const ratio = window.devicePixelRatio || 1;
    const canvas = this._canvas;
    if (
      canvas.width !== Math.round(width * ratio) ||
      canvas.height !== Math.round(height * ratio)
    ) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      return;
    }
    const palette = this._palette();
    const { x, y, zoom } = this._view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * x, ratio * y);
    const visible: IBox = {
      x0: -x / zoom,
      y0: -y / zoom,
      x1: (width - x) / zoom,
      y1: (height - y) / zoom
    };
    const gesture = this._gesture;
    const moving = gesture?.type === 'move' ? gesture : null;
    const selected: IElement[] = [];
    for (const element of this._elements) {
      if (this._editing?.id === element.id) {
        continue;
      }
      let shown = element;
      if (this._selection.has(element.id)) {
        if (moving) {
          shown = {
            ...element,
            x: element.x + moving.dx,
            y: element.y + moving.dy
          };
        }
        selected.push(shown);
      }
      if (boxesMeet(visible, bounds(shown))) {
        drawElement(ctx, shown, palette);
      }
    }
    const draft = this._draft();
    if (draft) {
      drawElement(ctx, draft, palette);
    }
    const selectionBox = unionBox(selected.map(bounds));
    if (selectionBox) {
      drawSelection(ctx, selectionBox, palette, zoom);
    }
    if (gesture?.type === 'band') {
      drawSelection(
        ctx,
        {
          x0: Math.min(gesture.x0, gesture.x1),
          y0: Math.min(gesture.y0, gesture.y1),
          x1: Math.max(gesture.x0, gesture.x1),
          y1: Math.max(gesture.y0, gesture.y1)
        },
        palette,
        zoom
      );
    }
  }

  /**
   * The element being drawn, before it is committed.
   */
  private _draft(): IElement | null {
    const gesture = this._gesture;
    const base: IElement = {
      id: '',
      kind: 'stroke',
      x: 0,
      y: 0,
      w: 0,
      h: 0,
      points: [],
      color: this._color,
      fill: '',
      width: this._width,
      text: '',
      size: 20,
      z: 0,
      author: this._user
    };
    if (gesture?.type === 'stroke') {
      return { ...base, points: gesture.points };
    }
    if (gesture?.type === 'shape') {
      const { kind, x0, y0, x1, y1 } = gesture;
      if (kind === 'line' || kind === 'arrow') {
        return {
          ...base,
          kind,
          x: x0,
          y: y0,
          points: [0, 0, x1 - x0, y1 - y0]
        };
      }
      return {
        ...base,
        kind,
        x: Math.min(x0, x1),
        y: Math.min(y0, y1),
        w: Math.abs(x1 - x0),
        h: Math.abs(y1 - y0)
      };
    }
    return null;
  }

  private _model: YWhiteboard;
  private _trans: TranslationBundle;
  private _user: string;
  private _fileName: string;
  private _mayClear: boolean;
  private _readOnly: boolean;
  private _tool: WhiteboardTool = 'pen';
  private _color = INK;
  private _width = WIDTHS[0];
  private _view = { x: 0, y: 0, zoom: 1 };
  private _elements: IElement[];
  private _selection = new Set<string>();
  private _gesture: Gesture | null = null;
  private _editing: IEditing | null = null;
  private _spaceDown = false;
  private _frame = 0;
  private _toolbar: HTMLElement;
  private _stage: HTMLDivElement;
  private _canvas: HTMLCanvasElement;
  private _editor: HTMLTextAreaElement;
  private _status: HTMLElement;
  private _toolButtons = new Map<WhiteboardTool, HTMLButtonElement>();
  private _colorButtons = new Map<string, HTMLButtonElement>();
  private _widthSelect!: HTMLSelectElement;
  private _undoButton!: HTMLButtonElement;
  private _redoButton!: HTMLButtonElement;
  private _clearButton!: HTMLButtonElement;
  private _zoomLabel!: HTMLButtonElement;
  private _resizeObserver: ResizeObserver;
}

const SHORTCUTS: { [key: string]: WhiteboardTool | undefined } = {
  v: 'select',
  h: 'hand',
  p: 'pen',
  l: 'line',
  a: 'arrow',
  r: 'rect',
  o: 'ellipse',
  t: 'text',
  n: 'note',
  e: 'eraser'
};

/**
 * Let the browser save a file.
 */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
