/**
 * The whiteboard's shared document (`YWhiteboard`, registered with the
 * collaborative drive for the content type `whiteboard`) and the document
 * model JupyterLab's document context holds.
 */
import { DocumentChange, YDocument } from '@jupyter/ydoc';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import { PartialJSONValue, ReadonlyPartialJSONValue } from '@lumino/coreutils';
import { ISignal, Signal } from '@lumino/signaling';
import * as Y from 'yjs';

import {
  ElementAttributes,
  IElement,
  byStackingOrder,
  newId,
  readElement
} from './elements';

/**
 * The content type, file type and model names of whiteboards.
 */
export const WHITEBOARD_CONTENT_TYPE = 'whiteboard';
export const WHITEBOARD_MODEL_NAME = 'codecall-whiteboard';
const FILE_TYPE = 'codecall-whiteboard';
const FILE_VERSION = 1;

/**
 * A change of the whiteboard document.
 */
export type WhiteboardChange = DocumentChange & {
  /**
   * The ids of the elements added, changed or removed.
   */
  elementsChange?: string[];
};

/**
 * An entry of the shared map: the element's attributes as JSON text, or a
 * map of them (boards drawn before elements were text; an element is
 * rewritten as text when it next changes).
 */
type ElementValue = string | Y.Map<unknown>;

type RawAttributes = { [key: string]: unknown };

/**
 * The attributes an entry holds (not yet checked), or null.
 */
function readValue(value: unknown): RawAttributes | null {
  if (typeof value !== 'string' && !(value instanceof Y.Map)) {
    return null;
  }
  // Any writer may write any text or nest maps past the stack's depth: such an
  // entry is no element, and must not stop the board from being drawn.
  try {
    const parsed: unknown =
      value instanceof Y.Map ? value.toJSON() : JSON.parse(value);
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as RawAttributes)
      : null;
  } catch {
    return null;
  }
}

/**
 * An element's entry: its defined attributes as JSON text.
 */
function elementValue(attributes: RawAttributes): string {
  // JSON.stringify leaves out undefined attributes itself.
  return JSON.stringify(attributes);
}

/**
 * The shared whiteboard: a map "elements" of id -> the element's attributes
 * as JSON text (the server's `collab/whiteboard.py` says why text and not a
 * map per element: a sixth of the memory). A change rewrites the element;
 * of two concurrent changes of one element, one version wins whole, on
 * every copy.
 *
 * Its undo manager (inherited from `YDocument`) tracks only the changes
 * this document makes itself (the origin of `transact`), so undo and redo
 * take back one's own drawing, never someone else's. Each action is one
 * step.
 */
export class YWhiteboard extends YDocument<WhiteboardChange> {
  constructor(options?: YDocument.IOptions) {
    super(options);
    this._elements = this.ydoc.getMap('elements');
    this.undoManager.addToScope(this._elements);
    this._elements.observeDeep(this._onElementsChanged);
  }

  readonly version = '1.0.0';

  /**
   * A new, empty whiteboard (the shared-model factory's answer).
   */
  static create(): YWhiteboard {
    return new YWhiteboard();
  }

  /**
   * The shared map of elements.
   */
  get elements(): Y.Map<ElementValue> {
    return this._elements;
  }

  /**
   * The number of elements.
   */
  get size(): number {
    return this._elements.size;
  }

  /**
   * Every valid element, bottom to top.
   */
  list(): IElement[] {
    const result: IElement[] = [];
    this._elements.forEach((value, id) => {
      const attributes = this._attributes(id, value);
      const element = attributes && readElement(id, attributes);
      if (element) {
        result.push(element);
      }
    });
    return result.sort(byStackingOrder);
  }

  /**
   * One element, if it exists.
   */
  get(id: string): IElement | null {
    const attributes = this._attributes(id, this._elements.get(id));
    return attributes && readElement(id, attributes);
  }

  /**
   * The stacking order for a new element: above everything.
   */
  nextZ(): number {
    let top = 0;
    this._elements.forEach((value, id) => {
      const z = this._attributes(id, value)?.z;
      if (typeof z === 'number' && Number.isFinite(z)) {
        top = Math.max(top, z);
      }
    });
    return Math.floor(top) + 1;
  }

  /**
   * Add an element (one undo step); its id.
   */
  add(attributes: ElementAttributes): string {
    const id = newId();
    this.transact(() => {
      this._elements.set(id, elementValue(attributes));
    });
    this.undoManager.stopCapturing();
    return id;
  }

  /**
   * Change attributes of elements (one undo step). The element is written
   * whole, with the given attributes changed; an element that changes
   * nothing is not written.
   */
  update(changes: Map<string, Partial<ElementAttributes>>): void {
    this.transact(() => {
      changes.forEach((attributes, id) => {
        const current = this._attributes(id, this._elements.get(id));
        if (!current) {
          return;
        }
        const next: RawAttributes = { ...current };
        let changed = false;
        for (const [key, value] of Object.entries(attributes)) {
          if (value !== undefined && next[key] !== value) {
            next[key] = value;
            changed = true;
          }
        }
        if (changed) {
          this._elements.set(id, elementValue(next));
        }
      });
    });
    this.undoManager.stopCapturing();
  }

  /**
   * Remove elements. An eraser drag passes `step: false` until it ends,
   * so that the whole drag is one undo step.
   */
  remove(ids: Iterable<string>, step = true): void {
    this.transact(() => {
      for (const id of ids) {
        this._elements.delete(id);
      }
    });
    if (step) {
      this.undoManager.stopCapturing();
    }
  }

  /**
   * End the current undo step.
   */
  endStep(): void {
    this.undoManager.stopCapturing();
  }

  /**
   * Remove every element (one undo step: clearing can be undone).
   */
  clear(): void {
    this.remove(Array.from(this._elements.keys()));
  }

  /**
   * The board as the server saves it.
   */
  toJSONBoard(): {
    elements: Array<{ [key: string]: unknown }>;
    type: string;
    version: number;
  } {
    return {
      elements: this.list().map(element => ({
        ...this._attributes(element.id, this._elements.get(element.id)),
        id: element.id
      })),
      type: FILE_TYPE,
      version: FILE_VERSION
    };
  }

  getSource(): string {
    return JSON.stringify(this.toJSONBoard());
  }

  /**
   * Replace the board by a file's content; a text that is not a board
   * leaves it as it is (only used without collaboration: the server loads
   * files itself).
   */
  setSource(value: PartialJSONValue | string): void {
    let data: unknown = value;
    if (typeof value === 'string') {
      try {
        data = value.trim() ? JSON.parse(value) : { elements: [] };
      } catch {
        console.warn('CodeCall: this file is not a whiteboard');
        return;
      }
    }
    const raw =
      data && typeof data === 'object' && !Array.isArray(data)
        ? (data as { elements?: unknown }).elements
        : undefined;
    if (!Array.isArray(raw)) {
      console.warn('CodeCall: this file is not a whiteboard');
      return;
    }
    this.transact(() => {
      this._elements.clear();
      for (const item of raw) {
        if (!item || typeof item !== 'object') {
          continue;
        }
        const { id, ...attributes } = item as { [key: string]: unknown };
        if (
          typeof id === 'string' &&
          id &&
          readElement(id, attributes) !== null
        ) {
          this._elements.set(id, elementValue(attributes));
        }
      }
    }, false);
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._elements.unobserveDeep(this._onElementsChanged);
    super.dispose();
  }

  /**
   * The attributes of an entry, parsed once per text: a board is listed on
   * every change, and parsing thousands of strokes each time would show.
   */
  private _attributes(id: string, value: unknown): RawAttributes | null {
    if (typeof value !== 'string') {
      return readValue(value);
    }
    const cached = this._parsed.get(id);
    if (cached?.text === value) {
      return cached.attributes;
    }
    const attributes = readValue(value);
    this._parsed.set(id, { text: value, attributes });
    return attributes;
  }

  private _onElementsChanged = (
    events: Array<Y.YEvent<Y.AbstractType<unknown>>>
  ): void => {
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === this._elements) {
        event.changes.keys.forEach((_, key) => ids.add(key));
      } else {
        const key = event.path[0];
        if (typeof key === 'string') {
          ids.add(key);
        }
      }
    }
    for (const id of ids) {
      this._parsed.delete(id);
    }
    this._changed.emit({ elementsChange: Array.from(ids) });
  };

  private _elements: Y.Map<ElementValue>;
  private _parsed = new Map<
    string,
    { text: string; attributes: RawAttributes | null }
  >();
}

/**
 * The document model of a whiteboard file.
 */
export class WhiteboardModel implements DocumentRegistry.IModel {
  constructor(options: DocumentRegistry.IModelOptions<YWhiteboard> = {}) {
    this.sharedModel = options.sharedModel ?? YWhiteboard.create();
    this._collaborative = options.collaborationEnabled ?? false;
    this.sharedModel.changed.connect(this._onSharedChanged, this);
  }

  readonly sharedModel: YWhiteboard;

  get collaborative(): boolean {
    return this._collaborative;
  }

  get contentChanged(): ISignal<this, void> {
    return this._contentChanged;
  }

  get stateChanged(): ISignal<
    this,
    { name: string; oldValue: unknown; newValue: unknown }
  > {
    return this._stateChanged;
  }

  /**
   * Whether there are unsaved changes: the shared document's state, which
   * the server clears when it saves.
   */
  get dirty(): boolean {
    return this.sharedModel.dirty;
  }

  set dirty(value: boolean) {
    if (value !== this.sharedModel.dirty) {
      this.sharedModel.dirty = value;
    }
  }

  get readOnly(): boolean {
    return this._readOnly;
  }

  set readOnly(value: boolean) {
    if (value === this._readOnly) {
      return;
    }
    const oldValue = this._readOnly;
    this._readOnly = value;
    this._stateChanged.emit({ name: 'readOnly', oldValue, newValue: value });
  }

  readonly defaultKernelName = '';
  readonly defaultKernelLanguage = '';

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  toString(): string {
    return this.sharedModel.getSource();
  }

  fromString(value: string): void {
    this.sharedModel.setSource(value);
  }

  toJSON(): PartialJSONValue {
    return JSON.parse(this.sharedModel.getSource()) as PartialJSONValue;
  }

  fromJSON(value: ReadonlyPartialJSONValue): void {
    this.sharedModel.setSource(JSON.stringify(value));
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this.sharedModel.changed.disconnect(this._onSharedChanged, this);
    Signal.clearData(this);
  }

  private _onSharedChanged(_: YWhiteboard, change: WhiteboardChange): void {
    if (change.elementsChange) {
      this._contentChanged.emit();
    }
    for (const state of change.stateChange ?? []) {
      if (state.oldValue !== state.newValue) {
        this._stateChanged.emit({
          name: state.name,
          oldValue: state.oldValue,
          newValue: state.newValue
        });
      }
    }
  }

  private _collaborative: boolean;
  private _readOnly = false;
  private _isDisposed = false;
  private _contentChanged = new Signal<this, void>(this);
  private _stateChanged = new Signal<
    this,
    { name: string; oldValue: unknown; newValue: unknown }
  >(this);
}

/**
 * Makes whiteboard models: text files of the content type `whiteboard`,
 * collaborative when the collaborative drive is there.
 */
export class WhiteboardModelFactory implements DocumentRegistry.IModelFactory<
  WhiteboardModel,
  YWhiteboard
> {
  readonly name = WHITEBOARD_MODEL_NAME;
  readonly contentType = WHITEBOARD_CONTENT_TYPE;
  readonly fileFormat = 'text' as const;
  readonly collaborative = true;

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    this._isDisposed = true;
  }

  preferredLanguage(): string {
    return '';
  }

  createNew(
    options: DocumentRegistry.IModelOptions<YWhiteboard> = {}
  ): WhiteboardModel {
    return new WhiteboardModel(options);
  }

  private _isDisposed = false;
}
