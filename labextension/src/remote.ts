/**
 * A value loaded from the server, with its loading state.
 */
import { ISignal, Signal } from '@lumino/signaling';

import { errorMessage } from './api';

/**
 * The status of a remote resource.
 */
export type LoadStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * An immutable snapshot of a remote value.
 */
export interface IRemoteState<T> {
  readonly status: LoadStatus;
  readonly error: string | null;
  /**
   * The last value loaded (kept while reloading and after a failure).
   */
  readonly data: T | null;
}

/**
 * A value fetched by `load`, reloaded on `refresh()`.
 *
 * `refresh()` never rejects: failures land in the state. When several loads
 * overlap, the last one started wins.
 */
export class RemoteValue<T> {
  constructor(load: () => Promise<T>) {
    this._load = load;
  }

  /**
   * The current state.
   */
  get state(): IRemoteState<T> {
    return this._state;
  }

  /**
   * Emitted with the new state on every change.
   */
  get stateChanged(): ISignal<this, IRemoteState<T>> {
    return this._stateChanged;
  }

  /**
   * Load the value again; resolves to whether it succeeded.
   */
  async refresh(): Promise<boolean> {
    const ticket = ++this._ticket;
    this._update({ status: 'loading' });
    try {
      const data = await this._load();
      if (ticket === this._ticket) {
        this._update({ status: 'ready', error: null, data });
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
   * Forget the value (e.g. when it may no longer be seen).
   */
  clear(): void {
    ++this._ticket;
    this._update({ status: 'idle', error: null, data: null });
  }

  private _update(patch: Partial<IRemoteState<T>>): void {
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _load: () => Promise<T>;
  private _state: IRemoteState<T> = { status: 'idle', error: null, data: null };
  private _stateChanged = new Signal<this, IRemoteState<T>>(this);
  private _ticket = 0;
}
