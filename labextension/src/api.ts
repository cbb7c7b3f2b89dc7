/**
 * A typed client for the CodeCall REST API (`/codecall/api/`).
 *
 * Every request goes through `ServerConnection.makeRequest`, which adds the
 * Jupyter authentication and XSRF headers.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

import {
  IErrorEnvelope,
  IInvite,
  IInviteCreate,
  IInviteList,
  IInviteSummary,
  IPasswordChange,
  IServerConfig,
  IUser,
  IUserUpdate
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
  constructor(message: string, code: string, status: number) {
    super(message);
    this.name = 'CodeCallApiError';
    this.code = code;
    this.status = status;
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

  /**
   * Make a request and decode the JSON answer (`undefined` for 204).
   */
  private async _request<T>(
    endpoint: string,
    init: RequestInit = {}
  ): Promise<T> {
    const url = URLExt.join(this.serverSettings.baseUrl, API_PATH, endpoint);
    const headers = new Headers(init.headers);
    if (init.body !== undefined && !headers.has('Content-Type')) {
      headers.set('Content-Type', 'application/json');
    }

    let response: Response;
    try {
      response = await ServerConnection.makeRequest(
        url,
        { ...init, headers },
        this.serverSettings
      );
    } catch {
      throw new CodeCallApiError(this._networkMessage, 'network', 0);
    }

    const text = await response.text();
    let data: unknown = undefined;
    if (text.length > 0) {
      try {
        data = JSON.parse(text);
      } catch {
        data = undefined;
      }
    }

    if (!response.ok) {
      if (isErrorEnvelope(data)) {
        throw new CodeCallApiError(
          data.error.message,
          data.error.code,
          response.status
        );
      }
      throw new CodeCallApiError(
        this._fallbackMessage(response.status),
        'http_error',
        response.status
      );
    }
    return data as T;
  }

  private _fallbackMessage: (status: number) => string;
  private _networkMessage: string;
}
