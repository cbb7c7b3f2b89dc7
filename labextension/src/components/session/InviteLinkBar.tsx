/**
 * The session's invite link with a copy button.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { SessionPanelActions } from '../../sessionPanelActions';
import { absoluteUrl } from '../../utils';

export interface IInviteLinkBarProps {
  /**
   * The link's path below the server base url.
   */
  path: string;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

export function InviteLinkBar(props: IInviteLinkBarProps): JSX.Element {
  const { path, actions, trans } = props;
  const inputId = useId();
  const hintId = useId();
  return (
    <div className="cc-InviteLink cc-SessionInvite">
      <label className="cc-Label" htmlFor={inputId}>
        {trans.__('Invite link')}
      </label>
      <div className="cc-InviteLink-row">
        <input
          id={inputId}
          className="cc-Input cc-InviteLink-input"
          type="text"
          readOnly
          aria-describedby={hintId}
          value={absoluteUrl(path)}
          onFocus={event => event.currentTarget.select()}
        />
        <button
          type="button"
          className="cc-Button cc-mod-accept"
          onClick={() => actions.copyInviteLink(path)}
        >
          {trans.__('Copy invite link')}
        </button>
      </div>
      <p id={hintId} className="cc-Hint">
        {trans.__(
          'Anyone with an account on this server can ask to join with this link.'
        )}
      </p>
    </div>
  );
}
