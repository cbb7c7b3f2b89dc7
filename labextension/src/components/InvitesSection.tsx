/**
 * The "Invitations" section: create an invite link and list the caller's
 * invites.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { errorMessage } from '../api';
import { revokeInvite } from '../dialogs';
import { CodeCallModel, ICodeCallState } from '../model';
import { IInviteSummary } from '../types';
import {
  absoluteUrl,
  formatDate,
  inviteState,
  inviteStateLabel
} from '../utils';
import { InviteLink } from './InviteLink';

export interface IInvitesSectionProps {
  model: CodeCallModel;
  state: ICodeCallState;
  trans: TranslationBundle;
}

interface IInviteItemProps {
  invite: IInviteSummary;
  model: CodeCallModel;
  trans: TranslationBundle;
}

function InviteItem(props: IInviteItemProps): JSX.Element {
  const { invite, model, trans } = props;
  const state = inviteState(invite);
  const created = formatDate(invite.created_at);
  return (
    <li className={`cc-InviteItem cc-mod-${state}`}>
      <div className="cc-InviteItem-details">
        <span className="cc-InviteItem-title">
          {trans.__('Created %1', created)}
          <span className="cc-InviteItem-state">
            {inviteStateLabel(state, trans)}
          </span>
        </span>
        <span className="cc-InviteItem-meta">
          {trans.__('Used %1 of %2', invite.uses, invite.max_uses)}
          {' · '}
          {trans.__('Expires %1', formatDate(invite.expires_at))}
        </span>
      </div>
      <button
        type="button"
        className="cc-Button cc-mod-warn cc-mod-small"
        disabled={invite.revoked}
        aria-label={trans.__('Revoke the invite created %1', created)}
        onClick={() => {
          void revokeInvite(model, invite, trans);
        }}
      >
        {trans.__('Revoke')}
      </button>
    </li>
  );
}

export function InvitesSection(props: IInvitesSectionProps): JSX.Element {
  const { model, state, trans } = props;
  const [creating, setCreating] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const headingId = useId();

  if (state.config?.registration === 'closed') {
    return (
      <section className="cc-Section" aria-labelledby={headingId}>
        <h3 id={headingId} className="cc-Section-title">
          {trans.__('Invite links')}
        </h3>
        <p className="cc-Hint">
          {trans.__(
            'Registration is closed on this server: new accounts cannot be created, so invite links are disabled.'
          )}
        </p>
      </section>
    );
  }

  const create = async (): Promise<void> => {
    setCreating(true);
    setCreateError(null);
    try {
      await model.createInvite();
    } catch (error) {
      setCreateError(errorMessage(error));
    } finally {
      setCreating(false);
    }
  };

  const lastInvite = state.lastInvite;

  return (
    <section className="cc-Section" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Section-title">
        {trans.__('Invite links')}
      </h3>
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button cc-mod-accept"
          disabled={creating}
          onClick={() => {
            void create();
          }}
        >
          {creating ? trans.__('Creating…') : trans.__('Create invite link')}
        </button>
      </div>
      {createError && (
        <p className="cc-Error" role="alert">
          {createError}
        </p>
      )}
      {lastInvite && (
        <div className="cc-NewInvite">
          <InviteLink url={absoluteUrl(lastInvite.url)} trans={trans} />
          <button
            type="button"
            className="cc-Button cc-mod-small"
            aria-label={trans.__('Hide the invite link')}
            onClick={() => model.dismissLastInvite()}
          >
            {trans.__('Hide')}
          </button>
        </div>
      )}
      <h4 className="cc-Section-subtitle">{trans.__('Your invites')}</h4>
      {state.invitesStatus === 'loading' && state.invites.length === 0 && (
        <p className="cc-Hint" role="status">
          {trans.__('Loading invites…')}
        </p>
      )}
      {state.invitesStatus === 'error' && (
        <div className="cc-Error" role="alert">
          <span>{state.invitesError}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => {
              void model.refreshInvites();
            }}
          >
            {trans.__('Retry')}
          </button>
        </div>
      )}
      {state.invitesStatus === 'ready' && state.invites.length === 0 && (
        <p className="cc-Hint">
          {trans.__('You have not created invites yet.')}
        </p>
      )}
      {state.invites.length > 0 && (
        <ul className="cc-InviteList" aria-label={trans.__('Your invites')}>
          {state.invites.map(invite => (
            <InviteItem
              key={invite.id}
              invite={invite}
              model={model}
              trans={trans}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
