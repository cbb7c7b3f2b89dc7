/**
 * The session lists of the signed-in user: mine, invitations, friends'.
 */
import { CodeCallClient } from './api';
import { RemoteValue } from './remote';
import { IJoinResult, ISession, ISessionCreate, ISessionDetail } from './types';

/**
 * The session lists.
 *
 * Loading never rejects (failures land in each list's state); actions
 * reject with a `CodeCallApiError` and reload the lists.
 */
export class SessionsModel {
  constructor(client: CodeCallClient) {
    this._client = client;
    this.mine = new RemoteValue(() => client.listSessions());
    this.invitations = new RemoteValue(() => client.listInvitations());
    this.ofFriends = new RemoteValue(() => client.listFriendsSessions());
  }

  /**
   * The REST client.
   */
  get client(): CodeCallClient {
    return this._client;
  }

  /**
   * Sessions I host or joined (waiting or admitted), not ended.
   */
  readonly mine: RemoteValue<ISession[]>;

  /**
   * Sessions I am invited to.
   */
  readonly invitations: RemoteValue<ISession[]>;

  /**
   * Friends' sessions I may join.
   */
  readonly ofFriends: RemoteValue<ISession[]>;

  /**
   * Reload every list; resolves to whether every load succeeded.
   */
  async refresh(): Promise<boolean> {
    const results = await Promise.all([
      this.mine.refresh(),
      this.invitations.refresh(),
      this.ofFriends.refresh()
    ]);
    return results.every(Boolean);
  }

  /**
   * Create a session hosted by me.
   */
  async create(spec: ISessionCreate): Promise<ISessionDetail> {
    const session = await this._client.createSession(spec);
    void this.refresh();
    return session;
  }

  /**
   * Join a session by id (an invitation or a friend's session).
   */
  async join(
    sessionId: string,
    password: string | null = null
  ): Promise<IJoinResult> {
    const result = await this._client.joinSession(sessionId, password);
    void this.refresh();
    return result;
  }

  /**
   * Join a session with the token of its invite link.
   */
  async joinByToken(
    token: string,
    password: string | null = null
  ): Promise<IJoinResult> {
    const result = await this._client.joinSessionByToken(token, password);
    void this.refresh();
    return result;
  }

  /**
   * Decline an invitation.
   */
  async decline(sessionId: string): Promise<void> {
    await this._client.declineInvitation(sessionId);
    await this.refresh();
  }

  private _client: CodeCallClient;
}
