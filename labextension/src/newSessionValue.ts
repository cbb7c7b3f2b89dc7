/**
 * The values of the "New practice session" form and their check.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { IProblemSummary } from './problemTypes';
import {
  ISessionCreate,
  Language,
  MIN_PARTICIPANTS,
  SessionMode
} from './types';

/**
 * The values entered in the form.
 */
export interface INewSessionValue {
  title: string;
  description: string;
  language: Language;
  mode: SessionMode;
  maxParticipants: number;
  password: string;
  autoAdmit: boolean;
  /**
   * A `datetime-local` value (local time, no zone), or ''.
   */
  scheduledAt: string;
  /**
   * Usernames of the friends to invite.
   */
  invite: string[];
  /**
   * The problem from the bank the session starts with, or null.
   */
  problem: IProblemSummary | null;
}

/**
 * The most friends a session can invite at once.
 */
export const MAX_INVITES = 20;

/**
 * A blank form (with a problem chosen already, when given: its title is
 * the session's too).
 */
export function emptyNewSession(
  language: Language,
  problem: IProblemSummary | null = null
): INewSessionValue {
  return {
    title: problem?.title ?? '',
    description: '',
    language,
    mode: 'interview',
    maxParticipants: MIN_PARTICIPANTS,
    password: '',
    autoAdmit: false,
    scheduledAt: '',
    invite: [],
    problem
  };
}

/**
 * Check the form and turn it into the request body.
 *
 * Returns a message for the user when the form is not valid.
 */
export function toSessionCreate(
  value: INewSessionValue,
  trans: TranslationBundle
): ISessionCreate | string {
  const title = value.title.trim();
  if (!title) {
    return trans.__('Give the session a title.');
  }
  let scheduledAt: string | null = null;
  if (value.scheduledAt) {
    const date = new Date(value.scheduledAt);
    if (isNaN(date.getTime())) {
      return trans.__('The start time is not a valid date.');
    }
    scheduledAt = date.toISOString();
  }
  if (value.invite.length > MAX_INVITES) {
    return trans.__('Invite at most %1 friends at once.', MAX_INVITES);
  }
  const spec: ISessionCreate = {
    title,
    description: value.description.trim(),
    language: value.language,
    mode: value.mode,
    max_participants: value.maxParticipants,
    password: value.password ? value.password : null,
    auto_admit: value.autoAdmit,
    scheduled_at: scheduledAt,
    invite: value.invite
  };
  if (value.problem !== null) {
    spec.problem_id = value.problem.id;
  }
  return spec;
}
