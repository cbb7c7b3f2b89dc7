/**
 * Where the signed-in user stands in a session, with what they can do:
 * wait, join, leave, or read why they are out.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { GoneReason } from '../../sessionModel';
import { SessionPanelActions } from '../../sessionPanelActions';
import { ISessionDetail } from '../../types';

export interface IPlaceNoticeProps {
  session: ISessionDetail | null;
  gone: GoneReason | null;
  busy: boolean;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

/**
 * Why the user is out of the session, in words.
 */
export function goneMessage(
  reason: GoneReason,
  trans: TranslationBundle
): string {
  switch (reason) {
    case 'missing':
      return trans.__('This session does not exist, or you may not see it.');
    case 'deleted':
      return trans.__('This session was deleted.');
    case 'rejected':
      return trans.__('The host did not let you in to this session.');
    case 'removed':
      return trans.__('The host removed you from this session.');
    case 'not-admitted':
      return trans.__(
        'The host did not let you in, or the session was deleted.'
      );
    case 'dropped':
      return trans.__(
        'You are no longer in this session: the host removed you, or deleted it.'
      );
  }
}

function endedMessage(
  session: ISessionDetail,
  trans: TranslationBundle
): string {
  switch (session.end_reason) {
    case 'expired':
      return trans.__('This session ended: nobody was admitted in time.');
    case 'idle':
      return trans.__('This session ended after being idle.');
    default:
      return session.is_host
        ? trans.__('You ended this session.')
        : trans.__('The host ended this session.');
  }
}

export function PlaceNotice(props: IPlaceNoticeProps): JSX.Element | null {
  const { session, gone, busy, actions, trans } = props;

  if (gone !== null) {
    return (
      <div
        className="cc-Notice cc-mod-warning cc-PlaceNotice"
        role="status"
        data-place="gone"
      >
        {goneMessage(gone, trans)}
      </div>
    );
  }
  if (session === null) {
    return null;
  }
  if (session.status === 'ENDED') {
    return (
      <div
        className="cc-Notice cc-PlaceNotice"
        role="status"
        data-place="ended"
      >
        {endedMessage(session, trans)}
      </div>
    );
  }
  if (session.is_host) {
    return null;
  }
  switch (session.my_state) {
    case 'waiting':
      return (
        <div
          className="cc-Notice cc-mod-info cc-PlaceNotice"
          role="status"
          data-place="waiting"
        >
          <span className="cc-Spinner" aria-hidden="true" />
          <span>{trans.__('Waiting for the host to let you in…')}</span>
        </div>
      );
    case 'admitted':
      return (
        <div
          className="cc-Notice cc-mod-success cc-PlaceNotice"
          role="status"
          data-place="admitted"
        >
          <span>{trans.__('You are in the session.')}</span>
          <button
            type="button"
            className="cc-Button cc-mod-warn cc-mod-small"
            disabled={busy}
            onClick={() => {
              void actions.leave();
            }}
          >
            {trans.__('Leave session')}
          </button>
        </div>
      );
    case 'invited':
      return (
        <div
          className="cc-Notice cc-mod-info cc-PlaceNotice"
          role="status"
          data-place="invited"
        >
          <span>
            {trans.__(
              '%1 invited you to this session.',
              session.host.display_name
            )}
          </span>
          <button
            type="button"
            className="cc-Button cc-mod-accept cc-mod-small"
            disabled={busy}
            onClick={() => {
              void actions.join();
            }}
          >
            {trans.__('Join')}
          </button>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            disabled={busy}
            onClick={() => {
              void actions.decline();
            }}
          >
            {trans.__('Decline')}
          </button>
        </div>
      );
    default: {
      const text =
        session.my_state === 'left'
          ? trans.__('You left this session.')
          : session.my_state === 'declined'
            ? trans.__('You declined the invitation to this session.')
            : trans.__('You are not in this session.');
      return (
        <div
          className="cc-Notice cc-PlaceNotice"
          role="status"
          data-place="outside"
        >
          <span>{text}</span>
          <button
            type="button"
            className="cc-Button cc-mod-accept cc-mod-small"
            disabled={busy}
            onClick={() => {
              void actions.join();
            }}
          >
            {session.my_state === 'left'
              ? trans.__('Join again')
              : trans.__('Join')}
          </button>
        </div>
      );
    }
  }
}
