/**
 * One practice session as the signed-in user sees it: its detail, its
 * activity log and the actions on it.
 */
import { ISignal, Signal } from '@lumino/signaling';

import { CodeCallClient, errorMessage, isApiError } from './api';
import { LoadStatus } from './remote';
import { ISessionDetail, ISessionEvent, Role } from './types';

/**
 * Why the session cannot be shown any more.
 *
 * - `missing`: it does not exist or may not be seen (first load);
 * - `deleted`: the host (me) deleted it, or it vanished while I hosted it;
 * - `rejected`: the host turned me away from the waiting room;
 * - `removed`: the host removed me;
 * - `not-admitted`: I was waiting and it vanished (turned away, or deleted);
 * - `dropped`: I was admitted and it vanished (removed, or deleted).
 */
export type GoneReason =
  'missing' | 'deleted' | 'rejected' | 'removed' | 'not-admitted' | 'dropped';

/**
 * An immutable snapshot of a session model.
 */
export interface ISessionState {
  readonly status: LoadStatus;
  readonly error: string | null;
  readonly session: ISessionDetail | null;
  readonly events: ReadonlyArray<ISessionEvent>;
  readonly gone: GoneReason | null;
  /**
   * An action is running.
   */
  readonly busy: boolean;
}

/**
 * Options of a session model.
 */
export interface ISessionModelOptions {
  client: CodeCallClient;
  sessionId: string;
  /**
   * Called after every successful action (to reload the session lists).
   */
  onAction?: () => void;
}

/**
 * The model of one session.
 *
 * `refresh()` never rejects; actions reject with a `CodeCallApiError`.
 */
export class SessionModel {
  constructor(options: ISessionModelOptions) {
    this._client = options.client;
    this.sessionId = options.sessionId;
    this._onAction = options.onAction ?? (() => undefined);
  }

  /**
   * The session id.
   */
  readonly sessionId: string;

  /**
   * The current state.
   */
  get state(): ISessionState {
    return this._state;
  }

  /**
   * Emitted with the new state on every change.
   */
  get stateChanged(): ISignal<this, ISessionState> {
    return this._stateChanged;
  }

  /**
   * Whether the session may still change (worth polling).
   */
  get isLive(): boolean {
    const { session, gone } = this._state;
    return gone === null && (session === null || session.status !== 'ENDED');
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
   * Reload the session and its activity; resolves to whether it worked
   * (a session that is gone counts as loaded).
   */
  async refresh(): Promise<boolean> {
    const ticket = ++this._ticket;
    this._update({ status: 'loading' });
    let session: ISessionDetail;
    try {
      session = await this._client.getSession(this.sessionId);
    } catch (error) {
      if (ticket !== this._ticket) {
        return true;
      }
      if (isApiError(error, undefined, 404)) {
        this._update({
          status: 'ready',
          error: null,
          gone: this._vanished()
        });
        return true;
      }
      this._update({ status: 'error', error: errorMessage(error) });
      return false;
    }
    if (ticket !== this._ticket) {
      return true;
    }
    this._apply(session);
    await this._refreshActivity(ticket);
    return true;
  }

  // --- the host's actions ----------------------------------------------------

  /**
   * Admit someone from the waiting room.
   */
  admit(userId: number): Promise<void> {
    return this._run(() => this._client.admit(this.sessionId, userId));
  }

  /**
   * Turn someone in the waiting room away.
   */
  reject(userId: number): Promise<void> {
    return this._run(() => this._client.reject(this.sessionId, userId));
  }

  /**
   * Remove a participant.
   */
  remove(userId: number): Promise<void> {
    return this._run(() =>
      this._client.removeParticipant(this.sessionId, userId)
    );
  }

  /**
   * Set an admitted participant's role.
   */
  setRole(userId: number, role: Role): Promise<void> {
    return this._run(() => this._client.setRole(this.sessionId, userId, role));
  }

  /**
   * Hand the host role to an admitted participant.
   */
  handHost(userId: number): Promise<void> {
    return this._run(() => this._client.handHost(this.sessionId, userId));
  }

  /**
   * Swap the interviewer and the candidate (peer mode).
   */
  swapRoles(): Promise<void> {
    return this._run(() => this._client.swapRoles(this.sessionId));
  }

  /**
   * Admit everyone who joins without asking, or not.
   */
  setAutoAdmit(autoAdmit: boolean): Promise<void> {
    return this._run(() =>
      this._client.updateSession(this.sessionId, { auto_admit: autoAdmit })
    );
  }

  /**
   * End the session for everyone.
   */
  end(): Promise<void> {
    return this._run(() => this._client.endSession(this.sessionId));
  }

  /**
   * Delete the session and its folder.
   */
  async delete(): Promise<void> {
    this._update({ busy: true });
    try {
      await this._client.deleteSession(this.sessionId);
    } finally {
      this._update({ busy: false });
    }
    ++this._ticket;
    this._update({ gone: 'deleted' });
    this._onAction();
  }

  // --- a guest's actions -----------------------------------------------------

  /**
   * Join the session (rejects with `wrong_password` when one is needed).
   */
  join(password: string | null = null): Promise<void> {
    return this._run(() => this._client.joinSession(this.sessionId, password));
  }

  /**
   * Leave the session.
   */
  leave(): Promise<void> {
    return this._run(() => this._client.leaveSession(this.sessionId));
  }

  /**
   * Decline the invitation to the session.
   */
  decline(): Promise<void> {
    return this._run(() => this._client.declineInvitation(this.sessionId));
  }

  /**
   * Run an action, then reload the session and tell the lists.
   */
  private async _run(action: () => Promise<unknown>): Promise<void> {
    this._update({ busy: true });
    try {
      await action();
    } finally {
      this._update({ busy: false });
    }
    await this.refresh();
    this._onAction();
  }

  private _apply(session: ISessionDetail): void {
    let gone: GoneReason | null = null;
    if (session.my_state === 'rejected' || session.my_state === 'removed') {
      gone = session.my_state;
    }
    this._update({ status: 'ready', error: null, session, gone });
  }

  private async _refreshActivity(ticket: number): Promise<void> {
    const session = this._state.session;
    const mayRead =
      session !== null &&
      (session.is_host ||
        session.my_state === 'admitted' ||
        session.my_state === 'left');
    if (!mayRead) {
      if (this._state.events.length > 0) {
        this._update({ events: [] });
      }
      return;
    }
    try {
      const events = await this._client.getActivity(this.sessionId);
      if (ticket === this._ticket) {
        this._update({ events });
      }
    } catch {
      // The log is a bonus: the next poll tries again.
    }
  }

  /**
   * Why a session that answered 404 is gone, from what was known before.
   */
  private _vanished(): GoneReason {
    const before = this._state.session;
    if (before === null) {
      return 'missing';
    }
    if (before.is_host) {
      return 'deleted';
    }
    if (before.my_state === 'waiting') {
      return 'not-admitted';
    }
    if (before.my_state === 'admitted') {
      return 'dropped';
    }
    return 'missing';
  }

  private _update(patch: Partial<ISessionState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _client: CodeCallClient;
  private _onAction: () => void;
  private _state: ISessionState = {
    status: 'idle',
    error: null,
    session: null,
    events: [],
    gone: null,
    busy: false
  };
  private _stateChanged = new Signal<this, ISessionState>(this);
  private _ticket = 0;
  private _isDisposed = false;
}
