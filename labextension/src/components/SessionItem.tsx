/**
 * A session in one of the sidebar's lists, with its actions.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { languageLabel, roleLabel } from '../labels';
import { ISession } from '../types';
import { formatDate } from '../utils';
import { StatusBadge } from './StatusBadge';

/**
 * The list a session item is in.
 */
export type SessionListKind = 'mine' | 'invitation' | 'friend';

export interface ISessionItemProps {
  session: ISession;
  kind: SessionListKind;
  trans: TranslationBundle;
  onOpen: (session: ISession) => void;
  onJoin: (session: ISession) => void;
  onDecline: (session: ISession) => void;
}

/**
 * Where I stand in a session, in words.
 */
export function describeMyPlace(
  session: ISession,
  trans: TranslationBundle
): string {
  if (session.is_host) {
    return session.my_role
      ? trans.__('You host · %1', roleLabel(session.my_role, trans))
      : trans.__('You host');
  }
  switch (session.my_state) {
    case 'admitted':
      return session.my_role
        ? trans.__('You are %1', roleLabel(session.my_role, trans))
        : trans.__('You are in');
    case 'waiting':
      return trans.__('Waiting for the host to let you in');
    case 'invited':
      return trans.__('%1 invited you', session.host.display_name);
    default:
      return trans.__('Hosted by %1', session.host.display_name);
  }
}

export function SessionItem(props: ISessionItemProps): JSX.Element {
  const { session, kind, trans } = props;
  const title = session.title;
  const inIt =
    session.is_host ||
    session.my_state === 'admitted' ||
    session.my_state === 'waiting';
  const details = [
    session.is_host ? null : trans.__('Host: %1', session.host.display_name),
    languageLabel(session.language, trans),
    trans.__(
      '%1/%2 people',
      session.participant_count,
      session.max_participants
    ),
    session.has_password ? trans.__('Password') : null
  ].filter((part): part is string => part !== null);

  return (
    <li className="cc-SessionItem" data-session-id={session.id}>
      <div className="cc-SessionItem-head">
        <span className="cc-SessionItem-title" title={title}>
          {title}
        </span>
        <StatusBadge status={session.status} trans={trans} />
      </div>
      <span className="cc-SessionItem-meta">{details.join(' · ')}</span>
      <span className="cc-SessionItem-place">
        {describeMyPlace(session, trans)}
      </span>
      {session.scheduled_at && session.status === 'WAITING' && (
        <span className="cc-SessionItem-meta">
          {trans.__('Starts %1', formatDate(session.scheduled_at))}
        </span>
      )}
      <div className="cc-ButtonRow">
        {kind === 'mine' || inIt ? (
          <button
            type="button"
            className="cc-Button cc-mod-accept cc-mod-small"
            aria-label={trans.__('Open %1', title)}
            onClick={() => props.onOpen(session)}
          >
            {trans.__('Open')}
          </button>
        ) : (
          <button
            type="button"
            className="cc-Button cc-mod-accept cc-mod-small"
            aria-label={trans.__('Join %1', title)}
            onClick={() => props.onJoin(session)}
          >
            {trans.__('Join')}
          </button>
        )}
        {kind === 'invitation' && (
          <button
            type="button"
            className="cc-Button cc-mod-small"
            aria-label={trans.__('Decline the invitation to %1', title)}
            onClick={() => props.onDecline(session)}
          >
            {trans.__('Decline')}
          </button>
        )}
      </div>
    </li>
  );
}
