/**
 * The people of a session with their roles; the host can set roles, hand
 * the host role over and remove people.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { participantStateLabel, roleLabel } from '../../labels';
import { SessionPanelActions } from '../../sessionPanelActions';
import { IParticipant, ROLES, Role } from '../../types';
import { PersonRow } from '../PersonRow';

export interface IParticipantListProps {
  participants: IParticipant[];
  /**
   * Whether the signed-in user hosts the live session (shows the controls).
   */
  manage: boolean;
  myUserId: number | null;
  busy: boolean;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

interface IParticipantNoteProps {
  participant: IParticipant;
  isMe: boolean;
  trans: TranslationBundle;
}

function ParticipantNote(props: IParticipantNoteProps): JSX.Element {
  const { participant: p, isMe, trans } = props;
  return (
    <span className="cc-ParticipantNote">
      {p.state === 'admitted' ? (
        <span className={`cc-RoleBadge cc-mod-${p.role}`} data-role={p.role}>
          {roleLabel(p.role, trans)}
        </span>
      ) : (
        <span className="cc-StateText">
          {participantStateLabel(p.state, trans)}
        </span>
      )}
      {p.is_host && (
        <span className="cc-Badge cc-mod-host">{trans.__('Host')}</span>
      )}
      {isMe && <span className="cc-YouTag">{trans.__('you')}</span>}
    </span>
  );
}

interface IHostActionsProps {
  participant: IParticipant;
  isMe: boolean;
  busy: boolean;
  actions: SessionPanelActions;
  trans: TranslationBundle;
}

function HostActions(props: IHostActionsProps): JSX.Element | null {
  const { participant: p, isMe, busy, actions, trans } = props;
  if (p.state !== 'admitted') {
    return null;
  }
  const name = p.user.display_name;
  return (
    <>
      <select
        className="cc-Input cc-Select cc-mod-small"
        aria-label={trans.__('Role of %1', name)}
        value={p.role}
        disabled={busy}
        onChange={event => {
          void actions.setRole(p.user, event.target.value as Role);
        }}
      >
        {ROLES.map(role => (
          <option key={role} value={role}>
            {roleLabel(role, trans)}
          </option>
        ))}
      </select>
      {!isMe && !p.is_host && (
        <>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            disabled={busy}
            aria-label={trans.__('Make %1 the host', name)}
            onClick={() => {
              void actions.handHost(p.user);
            }}
          >
            {trans.__('Make host')}
          </button>
          <button
            type="button"
            className="cc-Button cc-mod-warn cc-mod-small"
            disabled={busy}
            aria-label={trans.__('Remove %1', name)}
            onClick={() => {
              void actions.remove(p.user);
            }}
          >
            {trans.__('Remove')}
          </button>
        </>
      )}
    </>
  );
}

export function ParticipantList(props: IParticipantListProps): JSX.Element {
  const { participants, manage, myUserId, busy, actions, trans } = props;
  const headingId = useId();
  const present = participants.filter(p => p.state === 'admitted');
  const past = participants.filter(p => p.state !== 'admitted');
  const row = (p: IParticipant): JSX.Element => {
    const isMe = p.user.id === myUserId;
    return (
      <PersonRow
        key={p.user.id}
        user={p.user}
        note={<ParticipantNote participant={p} isMe={isMe} trans={trans} />}
      >
        {manage && (
          <HostActions
            participant={p}
            isMe={isMe}
            busy={busy}
            actions={actions}
            trans={trans}
          />
        )}
      </PersonRow>
    );
  };
  return (
    <section className="cc-Card cc-Participants" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Participants')}
      </h3>
      {participants.length === 0 ? (
        <p className="cc-Hint">
          {trans.__('The participants are shown once you are let in.')}
        </p>
      ) : (
        <ul className="cc-PersonList" aria-labelledby={headingId}>
          {present.map(row)}
          {past.map(row)}
        </ul>
      )}
    </section>
  );
}
