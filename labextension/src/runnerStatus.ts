/**
 * The runner's status, shared by the sidebar and the session panels: its
 * warning banner is shown to every user, its isolation decides whether
 * code may run at all.
 */
import { ISignal } from '@lumino/signaling';

import { IRemoteState, RemoteValue } from './remote';
import { RunApi } from './runApi';
import { IRunnerStatus } from './runTypes';

/**
 * How long a loaded status is trusted before a refresh asks again (ms).
 */
export const RUNNER_STATUS_MAX_AGE = 30_000;

export class RunnerStatusModel {
  constructor(api: RunApi, maxAge: number = RUNNER_STATUS_MAX_AGE) {
    this._maxAge = maxAge;
    this._value = new RemoteValue(() => api.status());
  }

  get state(): IRemoteState<IRunnerStatus> {
    return this._value.state;
  }

  get stateChanged(): ISignal<unknown, IRemoteState<IRunnerStatus>> {
    return this._value.stateChanged;
  }

  /**
   * Whether code may run here, as far as is known (unknown counts as yes:
   * the server has the last word).
   */
  get canRun(): boolean {
    return this._value.state.data?.isolation !== 'unavailable';
  }

  /**
   * Load the status now; resolves to whether it worked.
   */
  refresh(): Promise<boolean> {
    this._loadedAt = Date.now();
    return this._value.refresh();
  }

  /**
   * Load the status unless it was loaded recently (or is loading).
   */
  refreshIfStale(): Promise<boolean> {
    const { status } = this._value.state;
    const fresh = Date.now() - this._loadedAt < this._maxAge;
    if (status === 'loading' || (fresh && status !== 'idle')) {
      return Promise.resolve(true);
    }
    return this.refresh();
  }

  private _value: RemoteValue<IRunnerStatus>;
  private _maxAge: number;
  private _loadedAt = 0;
}
