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
    details?: { [key: string]: unknown } | null;
  };
}

/**
 * What anyone may see of another account (never its email).
 */
export interface IPublicUser {
  id: number;
  username: string;
  display_name: string;
  initials: string;
  color: string;
}

/**
 * A friend's presence, shown to friends only.
 */
export interface IPresence {
  /**
   * Seen within the last two minutes.
   */
  online: boolean;
  /**
   * Admitted to a practice session that is running.
   */
  in_session: boolean;
  last_seen_at: string | null;
}

/**
 * A friend (`GET /codecall/api/friends`).
 */
export interface IFriend {
  user: IPublicUser;
  since: string;
  presence: IPresence;
}

/**
 * The response of `GET /codecall/api/friends`.
 */
export interface IFriendList {
  friends: IFriend[];
}

/**
 * The state of a friend request.
 */
export type FriendRequestStatus =
  'pending' | 'accepted' | 'declined' | 'cancelled';

/**
 * A friend request.
 */
export interface IFriendRequest {
  id: number;
  from_user: IPublicUser;
  to_user: IPublicUser;
  status: FriendRequestStatus;
  created_at: string;
}

/**
 * The response of `GET /codecall/api/friends/requests`.
 */
export interface IFriendRequests {
  /**
   * Pending requests to me, newest first.
   */
  incoming: IFriendRequest[];
  /**
   * My pending requests, newest first.
   */
  outgoing: IFriendRequest[];
}

/**
 * The answer to `POST /codecall/api/friends/requests`.
 *
 * - `pending` (201): the request was sent to a username;
 * - `friends` (200): they had asked me already, we are friends now;
 * - `sent_if_registered` (202): the request went to an email address,
 *   the answer never tells whether it is registered.
 */
export type FriendRequestResult =
  | { status: 'pending'; request: IFriendRequest }
  | { status: 'friends'; friend: IFriend }
  | { status: 'sent_if_registered' };

/**
 * A user I have blocked.
 */
export interface IBlock {
  user: IPublicUser;
  blocked_at: string;
}

/**
 * The response of `GET /codecall/api/blocks`.
 */
export interface IBlockList {
  blocked: IBlock[];
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
  'go',
  'rust'
] as const;

export type Language = (typeof LANGUAGES)[number];

/**
 * How a session is run: an interview, or peers taking turns.
 */
export const SESSION_MODES = ['interview', 'peer'] as const;

export type SessionMode = (typeof SESSION_MODES)[number];

/**
 * The status of a session; ENDED is final.
 */
export type SessionStatus = 'WAITING' | 'ACTIVE' | 'ENDED';

/**
 * The roles of the admitted participants.
 */
export const ROLES = ['interviewer', 'candidate', 'observer'] as const;

export type Role = (typeof ROLES)[number];

/**
 * Where a user stands in a session.
 */
export type ParticipantState =
  | 'invited'
  | 'waiting'
  | 'admitted'
  | 'rejected'
  | 'removed'
  | 'left'
  | 'declined';

/**
 * The smallest and largest number of participants of a session.
 */
export const MIN_PARTICIPANTS = 2;
export const MAX_PARTICIPANTS = 6;

/**
 * A session as the caller sees it (lists and join answers).
 */
export interface ISession {
  id: string;
  title: string;
  description: string;
  language: Language;
  problem_id: string | null;
  mode: SessionMode;
  status: SessionStatus;
  host: IPublicUser;
  max_participants: number;
  /**
   * Admitted participants, the host included.
   */
  participant_count: number;
  has_password: boolean;
  auto_admit: boolean;
  scheduled_at: string | null;
  created_at: string;
  started_at: string | null;
  ended_at: string | null;
  end_reason: string | null;
  /**
   * My role, when I am admitted.
   */
  my_role: Role | null;
  my_state: ParticipantState | null;
  is_host: boolean;
  /**
   * A path below the server base url; shown to the host and the admitted.
   */
  invite_url: string | null;
  /**
   * Under JupyterHub, the JupyterLab of the host's server when the session's
   * files are there and not here (host and admitted participants only).
   */
  home_url?: string | null;
}

/**
 * A participant of a session.
 */
export interface IParticipant {
  user: IPublicUser;
  role: Role;
  state: ParticipantState;
  is_host: boolean;
  joined_at: string;
  admitted_at: string | null;
  left_at: string | null;
}

/**
 * How long a session waited and has been active.
 */
export interface IDurations {
  waiting_seconds: number;
  active_seconds: number;
}

/**
 * A session with its participants (`GET /codecall/api/sessions/{id}`).
 *
 * `participants` holds the admitted and past participants, and the waiting
 * room for the host only.
 */
export interface ISessionDetail extends ISession {
  participants: IParticipant[];
  durations: IDurations;
  /**
   * What the workspace opens, for those inside (null elsewhere).
   */
  files?: ISessionFiles | null;
}

/**
 * Contents paths of a session's files on this server.
 */
export interface ISessionFiles {
  folder: string;
  solution: string;
  statement: string;
  whiteboard: string;
}

/**
 * The response of the session lists.
 */
export interface ISessionList {
  sessions: ISession[];
}

/**
 * A page of `GET /codecall/api/sessions/history`.
 */
export interface ISessionPage {
  sessions: ISession[];
  page: number;
  per_page: number;
  total: number;
}

/**
 * The body of `POST /codecall/api/sessions`.
 */
export interface ISessionCreate {
  title: string;
  description?: string;
  language?: Language;
  problem_id?: string | null;
  password?: string | null;
  max_participants?: number;
  /**
   * ISO-8601.
   */
  scheduled_at?: string | null;
  mode?: SessionMode;
  auto_admit?: boolean;
  /**
   * Usernames of friends to invite.
   */
  invite?: string[];
}

/**
 * The body of `PATCH /codecall/api/sessions/{id}`: only the fields given
 * change; `password: null` removes the password.
 */
export interface ISessionUpdate {
  title?: string;
  description?: string;
  language?: Language;
  problem_id?: string | null;
  password?: string | null;
  max_participants?: number;
  scheduled_at?: string | null;
  auto_admit?: boolean;
}

/**
 * The answer to joining a session.
 */
export interface IJoinResult {
  state: ParticipantState;
  session: ISession;
}

/**
 * An entry of a session's activity log.
 *
 * `data` depends on `kind`, e.g. `{user_id, role}` for `admitted`.
 */
export interface ISessionEvent {
  id: number;
  kind: string;
  actor: IPublicUser | null;
  data: { [key: string]: unknown };
  created_at: string;
}

/**
 * The response of `GET /codecall/api/sessions/{id}/activity`.
 */
export interface IEventList {
  events: ISessionEvent[];
}

/**
 * The user settings of the extension (schema `codecall-jupyter:plugin`).
 */
export interface ICodeCallSettings {
  defaultLanguage: Language;
  /**
   * The language the run console starts with; '' for the session's.
   */
  defaultRunLanguage: Language | '';
  cameraOnJoin: boolean;
  microphoneOnJoin: boolean;
  notifications: boolean;
}
