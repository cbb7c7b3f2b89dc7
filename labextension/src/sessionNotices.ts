/**
 * What is worth a notification when a session changes under the user.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { ISessionState } from './sessionModel';

export interface ISessionNotice {
  kind: 'success' | 'info' | 'warning';
  message: string;
}

/**
 * The notices between two states of the same session (none on first load).
 */
export function sessionNotices(
  before: ISessionState,
  after: ISessionState,
  trans: TranslationBundle
): ISessionNotice[] {
  const prev = before.session;
  const next = after.session;
  if (prev === null || next === null) {
    return [];
  }
  const notices: ISessionNotice[] = [];
  const title = next.title;
  if (prev.my_state === 'waiting' && next.my_state === 'admitted') {
    notices.push({
      kind: 'success',
      message: trans.__('You are in “%1”.', title)
    });
  }
  if (next.is_host && next.status !== 'ENDED') {
    const waitingBefore = new Set(
      prev.participants.filter(p => p.state === 'waiting').map(p => p.user.id)
    );
    for (const p of next.participants) {
      if (p.state === 'waiting' && !waitingBefore.has(p.user.id)) {
        notices.push({
          kind: 'info',
          message: trans.__(
            '%1 is waiting to join “%2”.',
            p.user.display_name,
            title
          )
        });
      }
    }
  }
  if (!next.is_host && prev.status !== 'ENDED' && next.status === 'ENDED') {
    notices.push({
      kind: 'info',
      message: trans.__('“%1” has ended.', title)
    });
  }
  if (!prev.is_host && next.is_host) {
    notices.push({
      kind: 'info',
      message: trans.__('You are now the host of “%1”.', title)
    });
  }
  return notices;
}
