/**
 * Readable lines out of a session's activity log.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { roleNoun } from './labels';
import { IPublicUser, ISessionEvent, ROLES, Role } from './types';

/**
 * Display names of the people a log mentions, by id and by username.
 */
export class NameBook {
  constructor(users: Iterable<IPublicUser>) {
    for (const user of users) {
      this.add(user);
    }
  }

  add(user: IPublicUser): void {
    this._byId.set(user.id, user.display_name);
    this._byUsername.set(user.username, user.display_name);
  }

  /**
   * The name of a user id found in an event's data.
   */
  byId(value: unknown, trans: TranslationBundle): string {
    if (typeof value === 'number' && this._byId.has(value)) {
      return this._byId.get(value) as string;
    }
    return trans.__('someone');
  }

  /**
   * The name of a username found in an event's data.
   */
  byUsername(value: unknown, trans: TranslationBundle): string {
    if (typeof value !== 'string') {
      return trans.__('someone');
    }
    return this._byUsername.get(value) ?? `@${value}`;
  }

  private _byId = new Map<number, string>();
  private _byUsername = new Map<string, string>();
}

function isRole(value: unknown): value is Role {
  return (
    typeof value === 'string' && (ROLES as readonly string[]).includes(value)
  );
}

function roleText(value: unknown, trans: TranslationBundle): string {
  return isRole(value) ? roleNoun(value, trans) : String(value);
}

/**
 * The labels of the session settings an `updated` event lists.
 */
function fieldLabel(field: string, trans: TranslationBundle): string {
  switch (field) {
    case 'title':
      return trans.__('title');
    case 'description':
      return trans.__('description');
    case 'language':
      return trans.__('language');
    case 'problem_id':
      return trans.__('problem');
    case 'password':
      return trans.__('password');
    case 'max_participants':
      return trans.__('size');
    case 'scheduled_at':
      return trans.__('start time');
    case 'auto_admit':
      return trans.__('auto-admit');
    default:
      return field;
  }
}

/**
 * A tab, focus, copy or paste event (`services/proctoring.py`, reported by
 * `activityReporter.ts`).
 */
function describeProctor(
  who: string,
  data: { [key: string]: unknown },
  trans: TranslationBundle
): string {
  const size = typeof data.size === 'number' ? data.size : null;
  switch (data.event) {
    case 'tab_hidden':
      return trans.__('%1 hid the tab', who);
    case 'tab_visible':
      return trans.__('%1 came back to the tab', who);
    case 'blur':
      return trans.__('%1 left the window', who);
    case 'focus':
      return trans.__('%1 came back to the window', who);
    case 'paste':
      return size === null
        ? trans.__('%1 pasted', who)
        : trans._n(
            '%2 pasted %1 character',
            '%2 pasted %1 characters',
            size,
            who
          );
    case 'copy':
      return size === null
        ? trans.__('%1 copied', who)
        : trans._n(
            '%2 copied %1 character',
            '%2 copied %1 characters',
            size,
            who
          );
    default:
      return trans.__('%1: %2', who, String(data.event));
  }
}

/**
 * Describe one event, e.g. "Ann admitted Bob as candidate".
 */
export function describeEvent(
  event: ISessionEvent,
  names: NameBook,
  trans: TranslationBundle
): string {
  const actor = event.actor ? event.actor.display_name : null;
  const who = actor ?? trans.__('CodeCall');
  const data = event.data;
  switch (event.kind) {
    case 'created':
      return trans.__('%1 created the session', who);
    case 'invited':
      return trans.__('%1 invited %2', who, names.byUsername(data.user, trans));
    case 'joined':
      return trans.__('%1 joined', who);
    case 'admitted':
      return trans.__(
        '%1 admitted %2 as %3',
        who,
        names.byId(data.user_id, trans),
        roleText(data.role, trans)
      );
    case 'rejected':
      return trans.__(
        '%1 turned %2 away',
        who,
        names.byId(data.user_id, trans)
      );
    case 'removed':
      return trans.__('%1 removed %2', who, names.byId(data.user_id, trans));
    case 'role_changed':
      return trans.__(
        '%1 made %2 %3',
        who,
        names.byId(data.user_id, trans),
        roleText(data.role, trans)
      );
    case 'host_changed':
      return trans.__(
        '%1 handed the host role to %2',
        who,
        names.byId(data.user_id, trans)
      );
    case 'roles_swapped':
      return trans.__('%1 swapped the interviewer and candidate roles', who);
    case 'left':
      return trans.__('%1 left', who);
    case 'declined':
      return trans.__('%1 declined the invitation', who);
    case 'updated': {
      const fields = Array.isArray(data.fields)
        ? data.fields
            .filter((f): f is string => typeof f === 'string')
            .map(f => fieldLabel(f, trans))
        : [];
      return fields.length > 0
        ? trans.__('%1 changed the %2', who, fields.join(', '))
        : trans.__('%1 changed the session', who);
    }
    case 'snapshot':
      return trans.__(
        '%1 saved the snapshot “%2”',
        who,
        typeof data.name === 'string' ? data.name : ''
      );
    case 'restored':
      return trans.__(
        '%1 restored the snapshot “%2”',
        who,
        typeof data.name === 'string' ? data.name : ''
      );
    case 'feedback_submitted':
      return trans.__('%1 submitted their feedback', who);
    case 'hint_revealed':
      return typeof data.number === 'number'
        ? trans.__('%1 revealed hint %2', who, data.number)
        : trans.__('%1 revealed a hint', who);
    case 'proctor':
      return describeProctor(who, data, trans);
    case 'file_changed_on_disk':
      return trans.__(
        '%1 was changed on disk; the editor now shows the file (the earlier text is kept in the history)',
        typeof data.path === 'string' ? data.path : trans.__('A file')
      );
    case 'ended':
      switch (data.reason) {
        case 'expired':
          return trans.__('The session ended: nobody was admitted in time');
        case 'idle':
          return trans.__('The session ended after being idle');
        default:
          return actor
            ? trans.__('%1 ended the session', actor)
            : trans.__('The session ended');
      }
    default:
      return trans.__('%1: %2', who, event.kind);
  }
}
