/**
 * Translated labels of the values the API uses.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import {
  IPresence,
  ParticipantState,
  Role,
  SessionMode,
  SessionStatus
} from './types';

/**
 * The display name of a language.
 */
export function languageLabel(
  language: string,
  trans: TranslationBundle
): string {
  switch (language) {
    case 'python':
      return trans.__('Python');
    case 'javascript':
      return trans.__('JavaScript');
    case 'typescript':
      return trans.__('TypeScript');
    case 'cpp':
      return trans.__('C++');
    case 'java':
      return trans.__('Java');
    case 'go':
      return trans.__('Go');
    case 'rust':
      return trans.__('Rust');
    default:
      // Sessions may use any language of the server's runner (GET /languages names
      // them); an id is better than nothing where that list is not at hand.
      return language;
  }
}

/**
 * The label of a session mode.
 */
export function modeLabel(mode: SessionMode, trans: TranslationBundle): string {
  return mode === 'peer' ? trans.__('Peer practice') : trans.__('Interview');
}

/**
 * The label of a session status.
 */
export function statusLabel(
  status: SessionStatus,
  trans: TranslationBundle
): string {
  switch (status) {
    case 'WAITING':
      return trans.__('Waiting');
    case 'ACTIVE':
      return trans.__('Active');
    case 'ENDED':
      return trans.__('Ended');
  }
}

/**
 * The label of a participant role.
 */
export function roleLabel(role: Role, trans: TranslationBundle): string {
  switch (role) {
    case 'interviewer':
      return trans.__('Interviewer');
    case 'candidate':
      return trans.__('Candidate');
    case 'observer':
      return trans.__('Observer');
  }
}

/**
 * A role inside a sentence ("admitted Bob as candidate").
 */
export function roleNoun(role: Role, trans: TranslationBundle): string {
  switch (role) {
    case 'interviewer':
      return trans.__('interviewer');
    case 'candidate':
      return trans.__('candidate');
    case 'observer':
      return trans.__('observer');
  }
}

/**
 * The label of where a participant stands.
 */
export function participantStateLabel(
  state: ParticipantState,
  trans: TranslationBundle
): string {
  switch (state) {
    case 'invited':
      return trans.__('Invited');
    case 'waiting':
      return trans.__('Waiting');
    case 'admitted':
      return trans.__('In the session');
    case 'rejected':
      return trans.__('Turned away');
    case 'removed':
      return trans.__('Removed');
    case 'left':
      return trans.__('Left');
    case 'declined':
      return trans.__('Declined');
  }
}

/**
 * A friend's presence: a kind (for the dot's colour) and its text.
 */
export type PresenceKind = 'online' | 'in-session' | 'offline';

export function presenceKind(presence: IPresence): PresenceKind {
  if (presence.in_session) {
    return 'in-session';
  }
  return presence.online ? 'online' : 'offline';
}

export function presenceLabel(
  kind: PresenceKind,
  trans: TranslationBundle
): string {
  switch (kind) {
    case 'online':
      return trans.__('Online');
    case 'in-session':
      return trans.__('In a session');
    case 'offline':
      return trans.__('Offline');
  }
}
