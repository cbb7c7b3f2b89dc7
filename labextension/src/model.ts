/**
 * The client-side state of CodeCall: the signed-in user, the server
 * configuration and the caller's invites.
 */
import { ISignal, Signal } from '@lumino/signaling';

import { CodeCallApiError, CodeCallClient, errorMessage } from './api';
import { LoadStatus } from './remote';
import {
  IInvite,
  IInviteCreate,
  IInviteSummary,
  IServerConfig,
  IUser,
  IUserUpdate
} from './types';

export type { LoadStatus };

/**
 * An immutable snapshot of the model.
 */
export interface ICodeCallState {
  readonly status: LoadStatus;
  readonly error: string | null;
  readonly user: IUser | null;
  readonly config: IServerConfig | null;
  readonly invitesStatus: LoadStatus;
  readonly invitesError: string | null;
  readonly invites: ReadonlyArray<IInviteSummary>;
  /**
   * The last invite created in this browser session (its link is only
   * known right after creation).
   */
  readonly lastInvite: IInvite | null;
}

const INITIAL_STATE: ICodeCallState = {
  status: 'idle',
  error: null,
  user: null,
  config: null,
  invitesStatus: 'idle',
  invitesError: null,
  invites: [],
  lastInvite: null
};

/**
 * The CodeCall model.
 *
 * Loading methods never reject (failures land in the state); action methods
 * reject with a `CodeCallApiError` so callers can show its message.
 */
export class CodeCallModel {
  constructor(client: CodeCallClient) {
    this._client = client;
  }

  /**
   * The REST client.
   */
  get client(): CodeCallClient {
    return this._client;
  }

  /**
   * The current state.
   */
  get state(): ICodeCallState {
    return this._state;
  }

  /**
   * Emitted with the new state on every change.
   */
  get stateChanged(): ISignal<this, ICodeCallState> {
    return this._stateChanged;
  }

  /**
   * Whether invites can be created (registration is not closed).
   */
  get canInvite(): boolean {
    const config = this._state.config;
    return config !== null && config.registration !== 'closed';
  }

  /**
   * Load the user and the configuration, then the invites.
   */
  async refresh(): Promise<void> {
    const ticket = ++this._ticket;
    this._update({ status: 'loading', error: null });
    let user: IUser;
    let config: IServerConfig;
    try {
      [user, config] = await Promise.all([
        this._client.getMe(),
        this._client.getConfig()
      ]);
    } catch (error) {
      if (ticket === this._ticket) {
        this._update({ status: 'error', error: errorMessage(error) });
      }
      return;
    }
    if (ticket !== this._ticket) {
      return;
    }
    this._update({ status: 'ready', user, config });
    if (config.registration === 'closed') {
      this._update({ invitesStatus: 'idle', invites: [], lastInvite: null });
    } else {
      await this.refreshInvites();
    }
  }

  /**
   * Reload the caller's invites.
   */
  async refreshInvites(): Promise<void> {
    const ticket = ++this._invitesTicket;
    this._update({ invitesStatus: 'loading', invitesError: null });
    try {
      const invites = await this._client.listInvites();
      if (ticket === this._invitesTicket) {
        this._update({ invitesStatus: 'ready', invites });
      }
    } catch (error) {
      if (ticket === this._invitesTicket) {
        this._update({
          invitesStatus: 'error',
          invitesError: errorMessage(error)
        });
      }
    }
  }

  /**
   * Create an invite and remember it as `lastInvite`.
   */
  async createInvite(options: IInviteCreate = {}): Promise<IInvite> {
    let invite: IInvite;
    try {
      invite = await this._client.createInvite(options);
    } catch (error) {
      if (
        error instanceof CodeCallApiError &&
        error.code === 'registration_closed'
      ) {
        void this.refresh();
      }
      throw error;
    }
    this._update({ lastInvite: invite });
    void this.refreshInvites();
    return invite;
  }

  /**
   * Revoke an invite.
   */
  async revokeInvite(id: number): Promise<void> {
    await this._client.revokeInvite(id);
    const lastInvite = this._state.lastInvite;
    if (lastInvite !== null && lastInvite.id === id) {
      this._update({ lastInvite: null });
    }
    await this.refreshInvites();
  }

  /**
   * Forget the last created invite link.
   */
  dismissLastInvite(): void {
    this._update({ lastInvite: null });
  }

  /**
   * Update the profile of the signed-in user.
   */
  async updateProfile(update: IUserUpdate): Promise<IUser> {
    const user = await this._client.updateMe(update);
    this._update({ user });
    return user;
  }

  /**
   * Change the password of the signed-in user.
   */
  changePassword(currentPassword: string, newPassword: string): Promise<void> {
    return this._client.changePassword({
      current_password: currentPassword,
      new_password: newPassword
    });
  }

  private _update(patch: Partial<ICodeCallState>): void {
    this._state = { ...this._state, ...patch };
    this._stateChanged.emit(this._state);
  }

  private _client: CodeCallClient;
  private _state: ICodeCallState = INITIAL_STATE;
  private _stateChanged = new Signal<this, ICodeCallState>(this);
  private _ticket = 0;
  private _invitesTicket = 0;
}
