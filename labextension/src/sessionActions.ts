/**
 * Joining and declining sessions from the sidebar, a link or a panel.
 *
 * Every flow resolves (never rejects): errors are shown to the user.
 */
import { InputDialog, showErrorMessage } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { errorMessage, isApiError } from './api';
import { attempt } from './confirm';
import { parseJoinToken } from './joinLink';
import { SessionsModel } from './sessionsModel';
import { IJoinResult, ISession } from './types';

/**
 * What the session flows need.
 */
export interface ISessionFlows {
  sessions: SessionsModel;
  trans: TranslationBundle;
  /**
   * Open (or reveal) the panel of a session.
   */
  openSession: (sessionId: string) => void;
  /**
   * The languages this server runs (for the new-session dialog).
   */
  languages: () => Promise<ILanguageChoice[]>;
}

/**
 * A language a session may use, as the server's runner names it.
 */
export interface ILanguageChoice {
  id: string;
  name: string;
  available: boolean;
}

/**
 * Run `join`, asking for the session password while the server answers
 * `wrong_password`. Resolves to null when the user gives up.
 */
export async function withSessionPassword<T>(
  join: (password: string | null) => Promise<T>,
  trans: TranslationBundle
): Promise<T | null> {
  let password: string | null = null;
  for (;;) {
    try {
      return await join(password);
    } catch (error) {
      if (!isApiError(error, 'wrong_password')) {
        throw error;
      }
    }
    const result = await InputDialog.getPassword({
      title: trans.__('Session password'),
      label:
        password === null
          ? trans.__('This session has a password. Ask the host for it.')
          : trans.__('The password is wrong. Try again.'),
      okLabel: trans.__('Join'),
      cancelLabel: trans.__('Cancel')
    });
    if (!result.button.accept || !result.value) {
      return null;
    }
    password = result.value;
  }
}

async function joinAndOpen(
  flows: ISessionFlows,
  join: (password: string | null) => Promise<IJoinResult>
): Promise<void> {
  const { trans } = flows;
  let result: IJoinResult | null;
  try {
    result = await withSessionPassword(join, trans);
  } catch (error) {
    await showErrorMessage(
      trans.__('Could not join the session'),
      errorMessage(error)
    );
    return;
  }
  if (result !== null) {
    flows.openSession(result.session.id);
  }
}

/**
 * Join a session by id (an invitation or a friend's), then open it.
 */
export function joinSession(
  flows: ISessionFlows,
  session: ISession
): Promise<void> {
  return joinAndOpen(flows, password =>
    flows.sessions.join(session.id, password)
  );
}

/**
 * Join a session with the token of its invite link, then open it.
 */
export function joinSessionByToken(
  flows: ISessionFlows,
  token: string
): Promise<void> {
  return joinAndOpen(flows, password =>
    flows.sessions.joinByToken(token, password)
  );
}

/**
 * Ask for an invite link (or its token), then join that session.
 */
export async function joinWithLink(flows: ISessionFlows): Promise<void> {
  const { trans } = flows;
  let error = '';
  for (;;) {
    const result = await InputDialog.getText({
      title: trans.__('Join a practice session'),
      label: error || trans.__('Paste the invite link the host sent you.'),
      placeholder: trans.__('Invite link or token'),
      okLabel: trans.__('Join'),
      cancelLabel: trans.__('Cancel')
    });
    if (!result.button.accept || result.value === null) {
      return;
    }
    const token = parseJoinToken(result.value);
    if (token !== null) {
      return joinSessionByToken(flows, token);
    }
    error = trans.__('That is not a CodeCall invite link. Paste it again.');
  }
}

/**
 * Decline an invitation.
 */
export async function declineInvitation(
  flows: ISessionFlows,
  session: ISession
): Promise<void> {
  await attempt(
    () => flows.sessions.decline(session.id),
    flows.trans.__('Could not decline the invitation')
  );
}
