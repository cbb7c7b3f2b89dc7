/**
 * Types of the CodeCall REST API (`/codecall/api/`) and of the settings.
 */

/**
 * How new accounts may be created on the server.
 */
export type RegistrationMode = 'open' | 'invite' | 'closed';

/**
 * A CodeCall user (`GET /codecall/api/me`).
 */
export interface IUser {
  id: number;
  username: string;
  display_name: string;
  email: string | null;
  is_owner: boolean;
  color: string;
  initials: string;
  created_at: string;
  disabled: boolean;
}

/**
 * The body of `PATCH /codecall/api/me`.
 */
export interface IUserUpdate {
  display_name?: string;
  email?: string;
}

/**
 * The body of `POST /codecall/api/me/password`.
 */
export interface IPasswordChange {
  current_password: string;
  new_password: string;
}

/**
 * The public server configuration (`GET /codecall/api/config`).
 */
export interface IServerConfig {
  registration: RegistrationMode;
  version: string;
  hub: boolean;
}

/**
 * An invite as listed by `GET /codecall/api/invites` (no secret token).
 */
export interface IInviteSummary {
  id: number;
  created_at: string;
  expires_at: string;
  max_uses: number;
  uses: number;
  revoked: boolean;
}

/**
 * A freshly created invite (`POST /codecall/api/invites`).
 */
export interface IInvite extends IInviteSummary {
  token: string;
  /**
   * A path starting with the server base url.
   */
  url: string;
}

/**
 * The body of `POST /codecall/api/invites`.
 */
export interface IInviteCreate {
  max_uses?: number;
  expires_in_hours?: number;
}

/**
 * The response of `GET /codecall/api/invites`.
 */
export interface IInviteList {
  invites: IInviteSummary[];
}

/**
 * The error envelope returned with every 4xx response.
 */
export interface IErrorEnvelope {
  error: {
    code: string;
    message: string;
  };
}

/**
 * Languages offered for a new session.
 */
export const LANGUAGES = [
  'python',
  'javascript',
  'typescript',
  'cpp',
  'java',
  'go'
] as const;

export type Language = (typeof LANGUAGES)[number];

/**
 * The user settings of the extension (schema `codecall-jupyter:plugin`).
 */
export interface ICodeCallSettings {
  defaultLanguage: Language;
  cameraOnJoin: boolean;
  microphoneOnJoin: boolean;
  notifications: boolean;
}
