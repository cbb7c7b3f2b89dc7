/**
 * The state of a session replay: the timeline, the document shown, the
 * moment, and the player (play/pause, speed, skipping idle stretches).
 *
 * Document states are fetched a little after the moment stops moving
 * (`STATE_DELAY`) and cached by room and moment (rounded to `STEP`).
 */
import { ISignal, Signal } from '@lumino/signaling';

import { errorMessage } from './api';
import { LoadStatus } from './remote';
import { ReplayApi } from './replayApi';
import { IDocState, IReplayDocument, IReplayTimeline } from './replayTypes';

/**
 * The playback speeds offered.
 */
export const SPEEDS = [1, 2, 4, 8, 16, 32] as const;

export type Speed = (typeof SPEEDS)[number];

/**
 * The resolution of the moment (seconds): states are asked for and cached
 * at multiples of it.
 */
export const STEP = 0.1;

/**
 * How long the moment must rest before its state is fetched (ms).
 */
export const STATE_DELAY = 120;

/**
 * How often the player moves on while playing (ms).
 */
export const TICK = 100;

const CACHE_SIZE = 400;

/**
 * The shown document's content at the moment.
 */
export interface IDocShown {
  readonly status: LoadStatus;
  readonly error: string | null;
  /**
   * The state last loaded for the document (kept while the next loads).
   */
  readonly state: IDocState | null;
}

export interface IReplayState {
  readonly status: LoadStatus;
  readonly error: string | null;
  readonly timeline: IReplayTimeline | null;
  /**
   * The room of the document shown.
   */
  readonly room: string | null;
  /**
   * The moment, in seconds since the epoch.
   */
  readonly at: number;
  readonly playing: boolean;
  readonly speed: Speed;
  readonly skipIdle: boolean;
  readonly doc: IDocShown;
}

/**
 * Round a moment to the replay's resolution.
 */
export function roundMoment(at: number): number {
  return Math.round(at / STEP) * STEP;
}

/**
 * The document a replay starts with: the code file edited most, else the
 * first document.
 */
export function firstDocument(
  documents: ReadonlyArray<IReplayDocument>
): IReplayDocument | null {
  let best: IReplayDocument | null = null;
  for (const doc of documents) {
    if (doc.type !== 'file') {
      continue;
    }
    if (best === null || doc.updates > best.updates) {
      best = doc;
    }
  }
  return best ?? documents[0] ?? null;
}

export class ReplayModel {
  constructor(api: ReplayApi) {
    this._api = api;
  }

  get state(): IReplayState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IReplayState> {
    return this._stateChanged;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * The start and end of the timeline (equal when nothing happened).
   */
  get bounds(): { start: number; end: number } | null {
    const timeline = this._state.timeline;
    if (!timeline || timeline.start === null || timeline.end === null) {
      return null;
    }
    return {
      start: timeline.start,
      end: Math.max(timeline.end, timeline.start)
    };
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._stopTimer();
    if (this._fetchTimer !== null) {
      window.clearTimeout(this._fetchTimer);
    }
    Signal.clearData(this);
  }

  /**
   * Load (or reload) the timeline; the moment stays where it was, inside
   * the new bounds, or starts at the beginning.
   */
  async load(): Promise<boolean> {
    const ticket = ++this._ticket;
    this._update({ status: 'loading' });
    let timeline: IReplayTimeline;
    try {
      timeline = await this._api.timeline();
    } catch (error) {
      if (ticket === this._ticket) {
        this._update({ status: 'error', error: errorMessage(error) });
      }
      return false;
    }
    if (ticket !== this._ticket) {
      return true;
    }
    const known = timeline.documents.some(d => d.room === this._state.room);
    const room = known
      ? this._state.room
      : (firstDocument(timeline.documents)?.room ?? null);
    const first = this._state.timeline === null;
    this._update({ status: 'ready', error: null, timeline, room });
    const bounds = this.bounds;
    const at = bounds === null ? 0 : first ? bounds.start : this._state.at;
    this.seek(at, { immediate: true });
    return true;
  }

  /**
   * Show another document.
   */
  setRoom(room: string): void {
    if (room === this._state.room) {
      return;
    }
    this._update({ room, doc: { status: 'idle', error: null, state: null } });
    this._scheduleFetch(true);
  }

  /**
   * Move to a moment (clamped to the timeline).
   */
  seek(at: number, options: { immediate?: boolean } = {}): void {
    const bounds = this.bounds;
    const clamped =
      bounds === null ? at : Math.min(Math.max(at, bounds.start), bounds.end);
    this._update({ at: clamped });
    this._scheduleFetch(options.immediate ?? false);
  }

  play(): void {
    const bounds = this.bounds;
    if (this._state.playing || bounds === null) {
      return;
    }
    if (this._state.at >= bounds.end) {
      this.seek(bounds.start, { immediate: true });
    }
    this._update({ playing: true });
    this._lastTick = performance.now();
    this._timer = window.setInterval(() => this._tick(), TICK);
  }

  pause(): void {
    this._stopTimer();
    if (this._state.playing) {
      this._update({ playing: false });
    }
  }

  setSpeed(speed: Speed): void {
    this._update({ speed });
  }

  setSkipIdle(skipIdle: boolean): void {
    this._update({ skipIdle });
    if (skipIdle) {
      const gap = this._gapAt(this._state.at);
      if (gap !== null && this._state.playing) {
        this.seek(gap);
      }
    }
  }

  /**
   * Where an idle gap holding `at` ends, if `at` is inside one.
   */
  private _gapAt(at: number): number | null {
    const gaps = this._state.timeline?.gaps ?? [];
    for (const gap of gaps) {
      if (at >= gap.start && at < gap.end) {
        return gap.end;
      }
    }
    return null;
  }

  private _tick(): void {
    const bounds = this.bounds;
    if (bounds === null) {
      this.pause();
      return;
    }
    const now = performance.now();
    const elapsed = (now - this._lastTick) / 1000;
    this._lastTick = now;
    let at = this._state.at + elapsed * this._state.speed;
    if (this._state.skipIdle) {
      at = this._gapAt(at) ?? at;
    }
    if (at >= bounds.end) {
      this.seek(bounds.end, { immediate: true });
      this.pause();
      return;
    }
    this.seek(at);
  }

  private _stopTimer(): void {
    if (this._timer !== null) {
      window.clearInterval(this._timer);
      this._timer = null;
    }
  }

  private _scheduleFetch(immediate: boolean): void {
    if (this._fetchTimer !== null) {
      window.clearTimeout(this._fetchTimer);
      this._fetchTimer = null;
    }
    const room = this._state.room;
    if (room === null || this.bounds === null) {
      return;
    }
    const at = roundMoment(this._state.at);
    const cached = this._cache.get(this._key(room, at));
    if (cached !== undefined) {
      this._update({ doc: { status: 'ready', error: null, state: cached } });
      return;
    }
    if (immediate) {
      void this._fetch(room, at);
    } else {
      this._fetchTimer = window.setTimeout(() => {
        this._fetchTimer = null;
        void this._fetch(room, at);
      }, STATE_DELAY);
    }
  }

  private async _fetch(room: string, at: number): Promise<void> {
    const ticket = ++this._docTicket;
    this._update({ doc: { ...this._state.doc, status: 'loading' } });
    try {
      const state = await this._api.state(room, at);
      this._remember(this._key(room, at), state);
      if (ticket === this._docTicket && room === this._state.room) {
        this._update({ doc: { status: 'ready', error: null, state } });
      }
    } catch (error) {
      if (ticket === this._docTicket) {
        this._update({
          doc: {
            ...this._state.doc,
            status: 'error',
            error: errorMessage(error)
          }
        });
      }
    }
  }

  private _key(room: string, at: number): string {
    return `${room}@${Math.round(at / STEP)}`;
  }

  private _remember(key: string, state: IDocState): void {
    this._cache.delete(key);
    this._cache.set(key, state);
    if (this._cache.size > CACHE_SIZE) {
      const oldest = this._cache.keys().next().value;
      if (oldest !== undefined) {
        this._cache.delete(oldest);
      }
    }
  }

  private _update(patch: Partial<IReplayState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _api: ReplayApi;
  private _state: IReplayState = {
    status: 'idle',
    error: null,
    timeline: null,
    room: null,
    at: 0,
    playing: false,
    speed: 1,
    skipIdle: true,
    doc: { status: 'idle', error: null, state: null }
  };
  private _stateChanged = new Signal<this, IReplayState>(this);
  private _cache = new Map<string, IDocState>();
  private _ticket = 0;
  private _docTicket = 0;
  private _timer: number | null = null;
  private _fetchTimer: number | null = null;
  private _lastTick = 0;
  private _isDisposed = false;
}
