/**
 * The title and facts of a session.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { languageLabel, modeLabel, roleLabel } from '../../labels';
import { ISessionDetail } from '../../types';
import { formatDate } from '../../utils';
import { StatusBadge } from '../StatusBadge';
import { SessionTimer } from './SessionTimer';

export interface ISessionHeaderProps {
  session: ISessionDetail;
  /**
   * The title of the session's problem, once known.
   */
  problemTitle: string | null;
  trans: TranslationBundle;
}

interface IFact {
  label: string;
  value: string;
  name: string;
}

function facts(
  session: ISessionDetail,
  problemTitle: string | null,
  trans: TranslationBundle
): IFact[] {
  const list: IFact[] = [
    {
      name: 'mode',
      label: trans.__('Mode'),
      value: modeLabel(session.mode, trans)
    },
    {
      name: 'language',
      label: trans.__('Language'),
      value: languageLabel(session.language, trans)
    },
    {
      name: 'host',
      label: trans.__('Host'),
      value: session.is_host
        ? trans.__('%1 (you)', session.host.display_name)
        : session.host.display_name
    },
    {
      name: 'role',
      label: trans.__('Your role'),
      value: session.my_role
        ? roleLabel(session.my_role, trans)
        : trans.__('None yet')
    },
    {
      name: 'participants',
      label: trans.__('Participants'),
      value: trans.__(
        '%1 of %2',
        session.participant_count,
        session.max_participants
      )
    }
  ];
  if (session.problem_id) {
    list.unshift({
      name: 'problem',
      label: trans.__('Problem'),
      value: problemTitle ?? session.problem_id
    });
  }
  if (session.status === 'WAITING' && session.scheduled_at) {
    list.push({
      name: 'scheduled',
      label: trans.__('Starts'),
      value: formatDate(session.scheduled_at)
    });
  }
  if (session.started_at) {
    list.push({
      name: 'started',
      label: trans.__('Started'),
      value: formatDate(session.started_at)
    });
  }
  if (session.ended_at) {
    list.push({
      name: 'ended',
      label: trans.__('Ended'),
      value: formatDate(session.ended_at)
    });
  }
  if (session.has_password) {
    list.push({
      name: 'password',
      label: trans.__('Password'),
      value: trans.__('Required to join')
    });
  }
  return list;
}

export function SessionHeader(props: ISessionHeaderProps): JSX.Element {
  const { session, problemTitle, trans } = props;
  return (
    <header className="cc-SessionHeader">
      <div className="cc-SessionHeader-titleRow">
        <h2 className="cc-SessionHeader-title">{session.title}</h2>
        <StatusBadge status={session.status} trans={trans} />
        {session.started_at && (
          <SessionTimer
            startedAt={session.started_at}
            endedAt={session.ended_at}
            trans={trans}
          />
        )}
      </div>
      {session.description && (
        <p className="cc-SessionHeader-description">{session.description}</p>
      )}
      <dl className="cc-Facts">
        {facts(session, problemTitle, trans).map(fact => (
          <div key={fact.name} className="cc-Fact" data-fact={fact.name}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
      </dl>
    </header>
  );
}
