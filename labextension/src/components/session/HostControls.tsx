/**
 * The host's controls of a live session: invite link, auto-admit, swap
 * roles, end; and delete (also once ended).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { SessionPanelActions } from '../../sessionPanelActions';
import { ISessionDetail } from '../../types';

export interface IHostControlsProps {
  session: ISessionDetail;
  busy: boolean;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

export function HostControls(props: IHostControlsProps): JSX.Element {
  const { session, busy, actions, trans } = props;
  const live = session.status !== 'ENDED';
  const autoAdmitId = useId();
  return (
    <div
      className="cc-HostControls"
      role="group"
      aria-label={trans.__('Host controls')}
    >
      {live && (
        <label className="cc-Switch" htmlFor={autoAdmitId}>
          <input
            id={autoAdmitId}
            type="checkbox"
            role="switch"
            checked={session.auto_admit}
            disabled={busy}
            onChange={event => {
              void actions.setAutoAdmit(event.target.checked);
            }}
          />
          <span>{trans.__('Auto-admit')}</span>
        </label>
      )}
      {live && session.mode === 'peer' && (
        <button
          type="button"
          className="cc-Button"
          disabled={busy}
          onClick={() => {
            void actions.swapRoles();
          }}
        >
          {trans.__('Swap roles')}
        </button>
      )}
      <span className="cc-HostControls-spacer" />
      {live && (
        <button
          type="button"
          className="cc-Button cc-mod-warn"
          disabled={busy}
          onClick={() => {
            void actions.end();
          }}
        >
          {trans.__('End session')}
        </button>
      )}
      <button
        type="button"
        className="cc-Button cc-mod-warn"
        disabled={busy}
        onClick={() => {
          void actions.delete();
        }}
      >
        {trans.__('Delete')}
      </button>
    </div>
  );
}
