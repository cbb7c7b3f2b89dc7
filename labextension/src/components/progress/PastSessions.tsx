/**
 * My past sessions: title, problem, role, result, duration, tests passed
 * and feedback received, each with its replay.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { roleLabel } from '../../labels';
import { IPastSession } from '../../problemTypes';
import { verdictName } from '../../runLabels';
import { ROLES, Role } from '../../types';
import { formatDate } from '../../utils';

export interface IPastSessionsProps {
  sessions: ReadonlyArray<IPastSession>;
  openReplay: (session: IPastSession) => void;
  trans: TranslationBundle;
}

/**
 * A duration, briefly: "45 s", "12 min", "1 h 05 min".
 */
export function formatDuration(
  seconds: number,
  trans: TranslationBundle
): string {
  if (seconds < 60) {
    return trans.__('%1 s', seconds);
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return trans.__('%1 min', minutes);
  }
  return trans.__(
    '%1 h %2 min',
    Math.floor(minutes / 60),
    String(minutes % 60).padStart(2, '0')
  );
}

function roleText(session: IPastSession, trans: TranslationBundle): string {
  const role = (ROLES as readonly string[]).includes(session.role)
    ? roleLabel(session.role as Role, trans)
    : session.role;
  return session.host ? trans.__('%1, host', role) : role;
}

export function PastSessions(props: IPastSessionsProps): JSX.Element {
  const { sessions, openReplay, trans } = props;
  if (sessions.length === 0) {
    return (
      <p className="cc-Hint">
        {trans.__('Sessions you took part in show here once they end.')}
      </p>
    );
  }
  return (
    <div
      className="cc-TableScroll"
      tabIndex={0}
      role="region"
      aria-label={trans.__('Past sessions')}
    >
      <table className="cc-PastSessions">
        <thead>
          <tr>
            <th scope="col">{trans.__('Session')}</th>
            <th scope="col">{trans.__('Problem')}</th>
            <th scope="col">{trans.__('Role')}</th>
            <th scope="col">{trans.__('Result')}</th>
            <th scope="col">{trans.__('Duration')}</th>
            <th scope="col">{trans.__('Tests passed')}</th>
            <th scope="col">{trans.__('Feedback received')}</th>
            <th scope="col">
              <span className="cc-VisuallyHidden">{trans.__('Replay')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map(session => (
            <tr key={session.session_id} data-session-id={session.session_id}>
              <th scope="row">
                <span className="cc-PastSessions-title">{session.title}</span>
                {session.ended_at && (
                  <span className="cc-Hint cc-PastSessions-when">
                    {formatDate(session.ended_at)}
                  </span>
                )}
              </th>
              <td>{session.problem_title ?? session.problem_id ?? '–'}</td>
              <td>{roleText(session, trans)}</td>
              <td>
                {session.result ? (
                  <span
                    className={`cc-VerdictBadge ${
                      session.result === 'OK' ? 'cc-mod-ok' : 'cc-mod-fail'
                    }`}
                  >
                    {verdictName(session.result, trans)}
                  </span>
                ) : (
                  '–'
                )}
              </td>
              <td>
                {session.duration_seconds === null
                  ? '–'
                  : formatDuration(session.duration_seconds, trans)}
              </td>
              <td>
                {session.tests_total === null
                  ? '–'
                  : trans.__(
                      '%1 of %2',
                      session.tests_passed ?? 0,
                      session.tests_total
                    )}
              </td>
              <td>{session.feedback_received}</td>
              <td>
                <button
                  type="button"
                  className="cc-Button cc-mod-small"
                  aria-label={trans.__('Replay “%1”', session.title)}
                  onClick={() => openReplay(session)}
                >
                  {trans.__('Replay')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
