/**
 * A session's snapshots as the session panel shows them: the list, the
 * diff on screen, and the actions (save, compare, restore).
 *
 * `refresh()` never rejects; actions reject with a `CodeCallApiError`.
 */
import { ISignal, Signal } from '@lumino/signaling';

import { errorMessage } from './api';
import { LoadStatus } from './remote';
import { ReplayApi } from './replayApi';
import { IFileDiff, IRestoreResult, ISnapshotSummary } from './replayTypes';

/**
 * A diff on screen: which two states, and what changed file by file.
 */
export interface IDiffShown {
  a: string;
  b: string;
  files: ReadonlyArray<IFileDiff>;
}

/**
 * An immutable snapshot of the model.
 */
export interface ISnapshotsState {
  readonly status: LoadStatus;
  readonly error: string | null;
  /**
   * Oldest first; null until loaded.
   */
  readonly snapshots: ReadonlyArray<ISnapshotSummary> | null;
  readonly diff: IDiffShown | null;
  /**
   * An action is running.
   */
  readonly busy: boolean;
}

export class SnapshotsModel {
  constructor(api: ReplayApi) {
    this._api = api;
  }

  get state(): ISnapshotsState {
    return this._state;
  }

  get stateChanged(): ISignal<this, ISnapshotsState> {
    return this._stateChanged;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    Signal.clearData(this);
  }

  /**
   * Reload the list; resolves to whether it worked.
   */
  async refresh(): Promise<boolean> {
    const ticket = ++this._ticket;
    this._update({ status: 'loading' });
    try {
      const snapshots = await this._api.snapshots();
      if (ticket === this._ticket) {
        this._update({ status: 'ready', error: null, snapshots });
      }
      return true;
    } catch (error) {
      if (ticket === this._ticket) {
        this._update({ status: 'error', error: errorMessage(error) });
      }
      return false;
    }
  }

  /**
   * Save the session's documents under `name`.
   */
  async save(name: string): Promise<ISnapshotSummary> {
    const saved = await this._run(() => this._api.saveSnapshot(name));
    await this.refresh();
    return saved;
  }

  /**
   * Show what changed from `a` to `b` (either may be `current`).
   */
  async compare(a: string, b: string): Promise<void> {
    const diff = await this._run(() => this._api.diff(a, b));
    this._update({ diff: { a, b, files: diff.files } });
  }

  /**
   * Hide the diff.
   */
  closeDiff(): void {
    this._update({ diff: null });
  }

  /**
   * Write a snapshot back (the server saves a backup first).
   */
  async restore(snapshotId: string): Promise<IRestoreResult> {
    const result = await this._run(() => this._api.restore(snapshotId));
    this._update({ diff: null });
    await this.refresh();
    return result;
  }

  private async _run<T>(action: () => Promise<T>): Promise<T> {
    this._update({ busy: true });
    try {
      return await action();
    } finally {
      this._update({ busy: false });
    }
  }

  private _update(patch: Partial<ISnapshotsState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _api: ReplayApi;
  private _state: ISnapshotsState = {
    status: 'idle',
    error: null,
    snapshots: null,
    diff: null,
    busy: false
  };
  private _stateChanged = new Signal<this, ISnapshotsState>(this);
  private _ticket = 0;
  private _isDisposed = false;
}
