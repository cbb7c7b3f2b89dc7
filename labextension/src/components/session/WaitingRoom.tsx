/**
 * The host's waiting room: people asking to join, to admit or turn away.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { SessionPanelActions } from '../../sessionPanelActions';
import { IParticipant } from '../../types';
import { formatTime } from '../../utils';
import { PersonRow } from '../PersonRow';

export interface IWaitingRoomProps {
  waiting: IParticipant[];
  /**
   * Whether a seat is free.
   */
  canAdmit: boolean;
  busy: boolean;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

export function WaitingRoom(props: IWaitingRoomProps): JSX.Element {
  const { waiting, canAdmit, busy, actions, trans } = props;
  const headingId = useId();
  return (
    <section
      className={`cc-Card cc-WaitingRoom${waiting.length > 0 ? ' cc-mod-someone' : ''}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Waiting room')}
        {waiting.length > 0 && (
          <span
            className="cc-Count"
            aria-label={trans.__('%1 waiting', waiting.length)}
          >
            {waiting.length}
          </span>
        )}
      </h3>
      {waiting.length === 0 ? (
        <p className="cc-Hint">{trans.__('Nobody is waiting.')}</p>
      ) : (
        <>
          {!canAdmit && (
            <p className="cc-Hint cc-mod-warning">
              {trans.__('The session is full: remove someone to admit more.')}
            </p>
          )}
          <ul className="cc-PersonList" aria-labelledby={headingId}>
            {waiting.map(p => (
              <PersonRow
                key={p.user.id}
                user={p.user}
                note={trans.__('Waiting since %1', formatTime(p.joined_at))}
              >
                <button
                  type="button"
                  className="cc-Button cc-mod-accept cc-mod-small"
                  disabled={busy || !canAdmit}
                  aria-label={trans.__('Admit %1', p.user.display_name)}
                  onClick={() => {
                    void actions.admit(p.user);
                  }}
                >
                  {trans.__('Admit')}
                </button>
                <button
                  type="button"
                  className="cc-Button cc-mod-warn cc-mod-small"
                  disabled={busy}
                  aria-label={trans.__('Turn %1 away', p.user.display_name)}
                  onClick={() => {
                    void actions.reject(p.user);
                  }}
                >
                  {trans.__('Reject')}
                </button>
              </PersonRow>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
