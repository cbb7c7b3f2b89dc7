/**
 * A session's activity log as readable lines, newest last.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useMemo } from 'react';

import { NameBook, describeEvent } from '../../activity';
import { IParticipant, IPublicUser, ISessionEvent } from '../../types';
import { formatTime } from '../../utils';

export interface IActivityLogProps {
  events: ReadonlyArray<ISessionEvent>;
  participants: ReadonlyArray<IParticipant>;
  host: IPublicUser;
  /**
   * Other people the log may name (e.g. friends invited but not joined).
   */
  knownUsers: ReadonlyArray<IPublicUser>;
  trans: TranslationBundle;
}

export function ActivityLog(props: IActivityLogProps): JSX.Element {
  const { events, participants, host, knownUsers, trans } = props;
  const headingId = useId();
  const names = useMemo(() => {
    const book = new NameBook([
      ...knownUsers,
      host,
      ...participants.map(p => p.user)
    ]);
    for (const event of events) {
      if (event.actor) {
        book.add(event.actor);
      }
    }
    return book;
  }, [events, participants, host, knownUsers]);
  return (
    <section className="cc-Card cc-ActivityLog" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Activity')}
      </h3>
      {events.length === 0 ? (
        <p className="cc-Hint">{trans.__('Nothing has happened yet.')}</p>
      ) : (
        <ol className="cc-ActivityLog-list" aria-labelledby={headingId}>
          {events.map(event => (
            <li
              key={event.id}
              className="cc-ActivityLog-item"
              data-kind={event.kind}
            >
              <time className="cc-ActivityLog-time" dateTime={event.created_at}>
                {formatTime(event.created_at)}
              </time>
              <span className="cc-ActivityLog-text">
                {describeEvent(event, names, trans)}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
