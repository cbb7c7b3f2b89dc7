/**
 * A typed client for the CodeCall REST API (`/codecall/api/`).
 *
 * Every request goes through `ServerConnection.makeRequest`, which adds the
 * Jupyter authentication and XSRF headers.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import {
  FriendRequestResult,
  IBlock,
  IBlockList,
  IErrorEnvelope,
  IEventList,
  IFriend,
  IFriendList,
  IFriendRequests,
  IInvite,
  IInviteCreate,
  IInviteList,
  IInviteSummary,
  IJoinResult,
  IPasswordChange,
  IServerConfig,
  ISessionCreate,
  ISessionDetail,
  ISessionEvent,
  ISession,
  ISessionList,
  ISessionPage,
  ISessionUpdate,
  IUser,
  IUserUpdate,
  Role
} from './types';

/**
 * The path of the REST API below the server base url.
 */
export const API_PATH = 'codecall/api';

/**
 * An error raised by the CodeCall client.
 *
 * `message` is the human readable message sent by the server in the error
 * envelope (or a generic fallback), `code` its machine readable code.
 */
export class CodeCallApiError extends Error {
  constructor(
    message: string,
    code: string,
    status: number,
    retryAfter: number | null = null,
    details: { [key: string]: unknown } | null = null
  ) {
    super(message);
    this.name = 'CodeCallApiError';
    this.code = code;
    this.status = status;
    this.retryAfter = retryAfter;
    this.details = details;
  }

  /**
   * The machine readable error code, e.g. `registration_closed`.
   * `network` when the server could not be reached.
   */
  readonly code: string;

  /**
   * The HTTP status, 0 for network errors.
   */
  readonly status: number;

  /**
   * Seconds to wait before trying again (`Retry-After`), when given.
   */
  readonly retryAfter: number | null;

  /**
   * The envelope's `details`, when the server gave any (e.g. `faults`).
   */
  readonly details: { [key: string]: unknown } | null;
}

/**
 * Get a message suitable for the user out of anything thrown.
 */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    return error.message;
  }
  return String(error);
}

function isErrorEnvelope(data: unknown): data is IErrorEnvelope {
  if (typeof data !== 'object' || data === null || !('error' in data)) {
    return false;
  }
  const inner = (data as { error: unknown }).error;
  return (
    typeof inner === 'object' &&
    inner !== null &&
    typeof (inner as { message?: unknown }).message === 'string'
  );
}

/**
 * JSON text as a value; undefined when empty or not JSON.
 */
function parseJson(text: string): unknown {
  if (text.length === 0) {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Whether an error is the API refusing with `code` (and `status` if given).
 */
export function isApiError(
  error: unknown,
  code?: string,
  status?: number
): error is CodeCallApiError {
  return (
    error instanceof CodeCallApiError &&
    (code === undefined || error.code === code) &&
    (status === undefined || error.status === status)
  );
}

/**
 * Join path segments, each URL-encoded.
 */
function path(...segments: Array<string | number>): string {
  return segments.map(segment => encodeURIComponent(String(segment))).join('/');
}

/**
 * Options of the client.
 */
export interface IClientOptions {
  /**
   * The server connection settings (defaults to `makeSettings()`).
   */
  serverSettings?: ServerConnection.ISettings;

  /**
   * Build the message used when the server gives no error envelope.
   */
  fallbackMessage?: (status: number) => string;

  /**
   * The message used when the server cannot be reached.
   */
  networkMessage?: string;
}

/**
 * The REST client.
 */
export class CodeCallClient {
  constructor(options: IClientOptions = {}) {
    this.serverSettings =
      options.serverSettings ?? ServerConnection.makeSettings();
    this._fallbackMessage =
      options.fallbackMessage ??
      ((status: number) => `Request failed with status ${status}`);
    this._networkMessage =
      options.networkMessage ?? 'The CodeCall server could not be reached';
  }

  /**
   * The server connection settings.
   */
  readonly serverSettings: ServerConnection.ISettings;

  /**
   * Get the signed-in user.
   */
  getMe(): Promise<IUser> {
    return this._request<IUser>('me');
  }

  /**
   * Update the display name and/or email of the signed-in user.
   */
  updateMe(update: IUserUpdate): Promise<IUser> {
    return this._request<IUser>('me', {
      method: 'PATCH',
      body: JSON.stringify(update)
    });
  }

  /**
   * Change the password of the signed-in user.
   */
  async changePassword(change: IPasswordChange): Promise<void> {
    await this._request<void>('me/password', {
      method: 'POST',
      body: JSON.stringify(change)
    });
  }

  /**
   * Get the public server configuration.
   */
  getConfig(): Promise<IServerConfig> {
    return this._request<IServerConfig>('config');
  }

  /**
   * Create an invite link.
   */
  createInvite(options: IInviteCreate = {}): Promise<IInvite> {
    return this._request<IInvite>('invites', {
      method: 'POST',
      body: JSON.stringify(options)
    });
  }

  /**
   * List the invites created by the signed-in user.
   */
  async listInvites(): Promise<IInviteSummary[]> {
    const data = await this._request<IInviteList>('invites');
    return data.invites;
  }

  /**
   * Revoke an invite.
   */
  async revokeInvite(id: number): Promise<void> {
    await this._request<void>(`invites/${encodeURIComponent(String(id))}`, {
      method: 'DELETE'
    });
  }

  // --- friends -------------------------------------------------------------

  /**
   * List my friends with their presence, sorted by display name.
   */
  async listFriends(): Promise<IFriend[]> {
    const data = await this._request<IFriendList>('friends');
    return data.friends;
  }

  /**
   * End a friendship.
   */
  async unfriend(userId: number): Promise<void> {
    await this._request<void>(path('friends', userId), { method: 'DELETE' });
  }

  /**
   * List my pending friend requests, both ways.
   */
  listFriendRequests(): Promise<IFriendRequests> {
    return this._request<IFriendRequests>('friends/requests');
  }

  /**
   * Ask a username or an email address to be friends.
   */
  sendFriendRequest(to: string): Promise<FriendRequestResult> {
    return this._request<FriendRequestResult>('friends/requests', {
      method: 'POST',
      body: JSON.stringify({ to })
    });
  }

  /**
   * Accept a friend request sent to me.
   */
  acceptFriendRequest(requestId: number): Promise<IFriend> {
    return this._request<IFriend>(
      path('friends', 'requests', requestId, 'accept'),
      { method: 'POST' }
    );
  }

  /**
   * Decline a friend request sent to me.
   */
  async declineFriendRequest(requestId: number): Promise<void> {
    await this._request<void>(
      path('friends', 'requests', requestId, 'decline'),
      { method: 'POST' }
    );
  }

  /**
   * Cancel a friend request I sent.
   */
  async cancelFriendRequest(requestId: number): Promise<void> {
    await this._request<void>(path('friends', 'requests', requestId), {
      method: 'DELETE'
    });
  }

  // --- blocks --------------------------------------------------------------

  /**
   * List the users I have blocked.
   */
  async listBlocks(): Promise<IBlock[]> {
    const data = await this._request<IBlockList>('blocks');
    return data.blocked;
  }

  /**
   * Block someone: ends any friendship and pending requests both ways.
   */
  block(username: string): Promise<IBlock> {
    return this._request<IBlock>('blocks', {
      method: 'POST',
      body: JSON.stringify({ username })
    });
  }

  /**
   * Unblock someone.
   */
  async unblock(userId: number): Promise<void> {
    await this._request<void>(path('blocks', userId), { method: 'DELETE' });
  }

  // --- sessions ------------------------------------------------------------

  /**
   * My sessions that have not ended: hosting, joined or waiting.
   */
  async listSessions(): Promise<ISession[]> {
    const data = await this._request<ISessionList>('sessions');
    return data.sessions;
  }

  /**
   * The sessions I am invited to.
   */
  async listInvitations(): Promise<ISession[]> {
    const data = await this._request<ISessionList>('sessions/invitations');
    return data.sessions;
  }

  /**
   * My friends' sessions that I may join.
   */
  async listFriendsSessions(): Promise<ISession[]> {
    const data = await this._request<ISessionList>('sessions/friends');
    return data.sessions;
  }

  /**
   * Ended sessions I hosted or took part in, newest first.
   */
  getSessionHistory(page = 1, perPage = 20): Promise<ISessionPage> {
    const query = URLExt.objectToQueryString({
      page: String(page),
      per_page: String(perPage)
    });
    return this._request<ISessionPage>(`sessions/history${query}`);
  }

  /**
   * Create a session; I am its host.
   */
  createSession(spec: ISessionCreate): Promise<ISessionDetail> {
    return this._request<ISessionDetail>('sessions', {
      method: 'POST',
      body: JSON.stringify(spec)
    });
  }

  /**
   * Get a session as I see it.
   */
  getSession(sessionId: string): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(path('sessions', sessionId));
  }

  /**
   * Change a session (host).
   */
  updateSession(
    sessionId: string,
    update: ISessionUpdate
  ): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(path('sessions', sessionId), {
      method: 'PATCH',
      body: JSON.stringify(update)
    });
  }

  /**
   * Delete a session and its folder (host).
   */
  async deleteSession(sessionId: string): Promise<void> {
    await this._request<void>(path('sessions', sessionId), {
      method: 'DELETE'
    });
  }

  /**
   * End a session (host); ENDED is final.
   */
  endSession(sessionId: string): Promise<ISessionDetail> {
    return this._sessionAction(sessionId, 'end');
  }

  /**
   * The activity log of a session, oldest first.
   */
  async getActivity(sessionId: string): Promise<ISessionEvent[]> {
    const data = await this._request<IEventList>(
      path('sessions', sessionId, 'activity')
    );
    return data.events;
  }

  /**
   * Join a session I was invited to, or a friend's.
   */
  joinSession(
    sessionId: string,
    password: string | null = null
  ): Promise<IJoinResult> {
    return this._request<IJoinResult>(path('sessions', sessionId, 'join'), {
      method: 'POST',
      body: JSON.stringify({ password })
    });
  }

  /**
   * Join a session with the token of its invite link.
   */
  joinSessionByToken(
    token: string,
    password: string | null = null
  ): Promise<IJoinResult> {
    return this._request<IJoinResult>('sessions/join', {
      method: 'POST',
      body: JSON.stringify({ token, password })
    });
  }

  /**
   * Leave a session (guests).
   */
  async leaveSession(sessionId: string): Promise<void> {
    await this._request<void>(path('sessions', sessionId, 'leave'), {
      method: 'POST'
    });
  }

  /**
   * Decline an invitation to a session.
   */
  async declineInvitation(sessionId: string): Promise<void> {
    await this._request<void>(path('sessions', sessionId, 'decline'), {
      method: 'POST'
    });
  }

  /**
   * Invite friends to a session (host).
   */
  inviteToSession(
    sessionId: string,
    usernames: string[]
  ): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(
      path('sessions', sessionId, 'invite'),
      { method: 'POST', body: JSON.stringify({ usernames }) }
    );
  }

  /**
   * Admit someone from the waiting room (host).
   */
  admit(sessionId: string, userId: number): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(
      path('sessions', sessionId, 'participants', userId, 'admit'),
      { method: 'POST' }
    );
  }

  /**
   * Turn someone in the waiting room away (host).
   */
  reject(sessionId: string, userId: number): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(
      path('sessions', sessionId, 'participants', userId, 'reject'),
      { method: 'POST' }
    );
  }

  /**
   * Remove a participant (host).
   */
  async removeParticipant(sessionId: string, userId: number): Promise<void> {
    await this._request<void>(
      path('sessions', sessionId, 'participants', userId),
      { method: 'DELETE' }
    );
  }

  /**
   * Set an admitted participant's role (host).
   */
  setRole(
    sessionId: string,
    userId: number,
    role: Role
  ): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(
      path('sessions', sessionId, 'participants', userId, 'role'),
      { method: 'PUT', body: JSON.stringify({ role }) }
    );
  }

  /**
   * Hand the host role to an admitted participant (host).
   */
  handHost(sessionId: string, userId: number): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(path('sessions', sessionId, 'host'), {
      method: 'POST',
      body: JSON.stringify({ user_id: userId })
    });
  }

  /**
   * Swap the interviewer and the candidate (host, peer mode).
   */
  swapRoles(sessionId: string): Promise<ISessionDetail> {
    return this._sessionAction(sessionId, 'swap-roles');
  }

  private _sessionAction(
    sessionId: string,
    action: string
  ): Promise<ISessionDetail> {
    return this._request<ISessionDetail>(path('sessions', sessionId, action), {
      method: 'POST'
    });
  }

  /**
   * Call any endpoint below `/codecall/api/` and decode the JSON answer;
   * rejects with a `CodeCallApiError` (for the clients of other modules).
   */
  request<T>(endpoint: string, init: RequestInit = {}): Promise<T> {
    return this._request<T>(endpoint, init);
  }

  /**
   * Call an endpoint that answers with a file (e.g. a zip) and get it as
   * a blob; rejects with a `CodeCallApiError` like `request`.
   */
  async requestBlob(endpoint: string, init: RequestInit = {}): Promise<Blob> {
    const response = await this._send(endpoint, init);
    if (!response.ok) {
      throw this._failure(response, parseJson(await response.text()));
    }
    return response.blob();
  }

  /**
   * Make a request and decode the JSON answer (`undefined` for 204).
   */
  private async _request<T>(
    endpoint: string,
    init: RequestInit = {}
  ): Promise<T> {
    const response = await this._send(endpoint, init);
    const data = parseJson(await response.text());
    if (!response.ok) {
      throw this._failure(response, data);
    }
    return data as T;
  }

  /**
   * Send a request (JSON unless the caller says otherwise).
   */
  private async _send(endpoint: string, init: RequestInit): Promise<Response> {
    const url = URLExt.join(this.serverSettings.baseUrl, API_PATH, endpoint);
    const headers = new Headers(init.headers);
    if (init.body !== undefined && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }
    try {
      return await ServerConnection.makeRequest(
        url,
        { ...init, headers },
        this.serverSettings
      );
    } catch {
      throw new CodeCallApiError(this._networkMessage, 'network', 0);
    }
  }

  /**
   * The error of a response that is not ok, from its envelope if any.
   */
  private _failure(response: Response, data: unknown): CodeCallApiError {
    const retry = Number(response.headers.get('Retry-After') ?? NaN);
    const retryAfter = Number.isFinite(retry) && retry >= 0 ? retry : null;
    if (isErrorEnvelope(data)) {
      return new CodeCallApiError(
        data.error.message,
        data.error.code,
        response.status,
        retryAfter,
        data.error.details ?? null
      );
    }
    return new CodeCallApiError(
      this._fallbackMessage(response.status),
      'http_error',
      response.status,
      retryAfter
    );
  }

  private _fallbackMessage: (status: number) => string;
  private _networkMessage: string;
}
