/**
 * A read-only field showing an invite link with a copy button.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { copyText } from '../utils';

export interface IInviteLinkProps {
  /**
   * The absolute invite link.
   */
  url: string;
  trans: TranslationBundle;
}

export function InviteLink(props: IInviteLinkProps): JSX.Element {
  const { url, trans } = props;
  const inputId = useId();
  return (
    <div className="cc-InviteLink">
      <label className="cc-Label" htmlFor={inputId}>
        {trans.__('Invite link')}
      </label>
      <div className="cc-InviteLink-row">
        <input
          id={inputId}
          className="cc-Input cc-InviteLink-input"
          type="text"
          readOnly
          value={url}
          onFocus={event => event.currentTarget.select()}
        />
        <button
          type="button"
          className="cc-Button cc-mod-accept"
          aria-label={trans.__('Copy the invite link')}
          title={trans.__('Copy the invite link')}
          onClick={() => copyText(url, trans)}
        >
          {trans.__('Copy')}
        </button>
      </div>
    </div>
  );
}
