/**
 * The "Practice sessions" section of the sidebar: start or join a session,
 * my sessions, invitations and friends' sessions.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { useStateOf } from '../hooks';
import { IRemoteState, RemoteValue } from '../remote';
import { SessionsModel } from '../sessionsModel';
import { ISession } from '../types';
import { RemoteView } from './RemoteView';
import { SessionItem, SessionListKind } from './SessionItem';

/**
 * What the section's buttons do.
 */
export interface ISessionsSectionActions {
  newSession: () => void;
  joinWithLink: () => void;
  open: (session: ISession) => void;
  join: (session: ISession) => void;
  decline: (session: ISession) => void;
}

export interface ISessionsSectionProps {
  sessions: SessionsModel;
  actions: ISessionsSectionActions;
  trans: TranslationBundle;
}

interface ISessionListProps {
  title: string;
  kind: SessionListKind;
  remote: RemoteValue<ISession[]>;
  state: IRemoteState<ISession[]>;
  emptyText: string;
  actions: ISessionsSectionActions;
  trans: TranslationBundle;
}

function SessionList(props: ISessionListProps): JSX.Element {
  const { title, kind, remote, state, actions, trans } = props;
  const headingId = useId();
  return (
    <div className="cc-Subsection">
      <h4 id={headingId} className="cc-Section-subtitle">
        {title}
      </h4>
      <RemoteView<ISession[]>
        state={state}
        trans={trans}
        loadingText={trans.__('Loading sessions…')}
        emptyText={props.emptyText}
        isEmpty={list => list.length === 0}
        onRetry={() => {
          void remote.refresh();
        }}
      >
        {list => (
          <ul
            className={`cc-SessionList cc-mod-${kind}`}
            aria-labelledby={headingId}
          >
            {list.map(session => (
              <SessionItem
                key={session.id}
                session={session}
                kind={kind}
                trans={trans}
                onOpen={actions.open}
                onJoin={actions.join}
                onDecline={actions.decline}
              />
            ))}
          </ul>
        )}
      </RemoteView>
    </div>
  );
}

/**
 * Leave out of a list the sessions another list shows already.
 */
function without(
  state: IRemoteState<ISession[]>,
  ...others: IRemoteState<ISession[]>[]
): IRemoteState<ISession[]> {
  if (state.data === null) {
    return state;
  }
  const shown = new Set<string>();
  for (const other of others) {
    for (const session of other.data ?? []) {
      shown.add(session.id);
    }
  }
  return { ...state, data: state.data.filter(s => !shown.has(s.id)) };
}

export function SessionsSection(props: ISessionsSectionProps): JSX.Element {
  const { sessions, actions, trans } = props;
  const mine = useStateOf(sessions.mine);
  const invitations = useStateOf(sessions.invitations);
  const ofFriends = useStateOf(sessions.ofFriends);
  const headingId = useId();
  const common = { actions, trans };
  return (
    <section
      className="cc-Section cc-SessionsSection"
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cc-Section-title">
        {trans.__('Practice sessions')}
      </h3>
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button cc-mod-accept"
          onClick={actions.newSession}
        >
          {trans.__('New practice session')}
        </button>
        <button
          type="button"
          className="cc-Button"
          onClick={actions.joinWithLink}
        >
          {trans.__('Join with a link…')}
        </button>
      </div>
      <SessionList
        {...common}
        title={trans.__('My sessions')}
        kind="mine"
        remote={sessions.mine}
        state={mine}
        emptyText={trans.__('You are not in a session.')}
      />
      <SessionList
        {...common}
        title={trans.__('Invitations')}
        kind="invitation"
        remote={sessions.invitations}
        state={without(invitations, mine)}
        emptyText={trans.__('No invitations.')}
      />
      <SessionList
        {...common}
        title={trans.__('Friends’ sessions')}
        kind="friend"
        remote={sessions.ofFriends}
        state={without(ofFriends, mine, invitations)}
        emptyText={trans.__('None of your friends is hosting a session.')}
      />
    </section>
  );
}
