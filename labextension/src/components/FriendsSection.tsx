/**
 * The "Friends" section of the sidebar: add a friend, pending requests,
 * friends with their presence, blocked users.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { block, unblock, unfriend } from '../friendActions';
import { FriendsModel } from '../friendsModel';
import { useStateOf } from '../hooks';
import { presenceKind, presenceLabel } from '../labels';
import { IBlock, IFriend } from '../types';
import { formatDate, formatDay } from '../utils';
import { AddFriendForm } from './AddFriendForm';
import { FriendRequests } from './FriendRequests';
import { PersonRow } from './PersonRow';
import { PresenceDot, PresenceLabel } from './PresenceDot';
import { RemoteView } from './RemoteView';

export interface IFriendsSectionProps {
  friends: FriendsModel;
  trans: TranslationBundle;
}

interface IFriendListProps {
  list: IFriend[];
  friends: FriendsModel;
  trans: TranslationBundle;
}

function FriendList(props: IFriendListProps): JSX.Element {
  const { list, friends, trans } = props;
  return (
    <ul className="cc-PersonList" aria-label={trans.__('Your friends')}>
      {list.map(friend => {
        const { user, presence } = friend;
        const kind = presenceKind(presence);
        const lastSeen =
          kind === 'offline' && presence.last_seen_at
            ? trans.__('Last seen %1', formatDate(presence.last_seen_at))
            : presenceLabel(kind, trans);
        return (
          <PersonRow
            key={user.id}
            user={user}
            badge={<PresenceDot kind={kind} trans={trans} />}
            note={
              <span title={lastSeen}>
                <PresenceLabel kind={kind} trans={trans} />
              </span>
            }
          >
            <button
              type="button"
              className="cc-Button cc-mod-small"
              aria-label={trans.__(
                'Remove %1 from your friends',
                user.display_name
              )}
              onClick={() => {
                void unfriend(friends, user, trans);
              }}
            >
              {trans.__('Unfriend')}
            </button>
            <button
              type="button"
              className="cc-Button cc-mod-warn cc-mod-small"
              aria-label={trans.__('Block %1', user.display_name)}
              onClick={() => {
                void block(friends, user, trans);
              }}
            >
              {trans.__('Block')}
            </button>
          </PersonRow>
        );
      })}
    </ul>
  );
}

interface IBlockedListProps {
  friends: FriendsModel;
  trans: TranslationBundle;
}

function BlockedList(props: IBlockedListProps): JSX.Element | null {
  const { friends, trans } = props;
  const state = useStateOf(friends.blocked);
  const blocked: IBlock[] = state.data ?? [];
  if (blocked.length === 0) {
    return null;
  }
  return (
    <div className="cc-Subsection">
      <h4 className="cc-Section-subtitle">{trans.__('Blocked')}</h4>
      <ul className="cc-PersonList" aria-label={trans.__('Blocked users')}>
        {blocked.map(entry => (
          <PersonRow
            key={entry.user.id}
            user={entry.user}
            note={trans.__('Blocked on %1', formatDay(entry.blocked_at))}
          >
            <button
              type="button"
              className="cc-Button cc-mod-small"
              aria-label={trans.__('Unblock %1', entry.user.display_name)}
              onClick={() => {
                void unblock(friends, entry.user, trans);
              }}
            >
              {trans.__('Unblock')}
            </button>
          </PersonRow>
        ))}
      </ul>
    </div>
  );
}

export function FriendsSection(props: IFriendsSectionProps): JSX.Element {
  const { friends, trans } = props;
  const state = useStateOf(friends.friends);
  const headingId = useId();
  return (
    <section
      className="cc-Section cc-FriendsSection"
      aria-labelledby={headingId}
    >
      <h3 id={headingId} className="cc-Section-title">
        {trans.__('Friends')}
      </h3>
      <AddFriendForm friends={friends} trans={trans} />
      <FriendRequests friends={friends} trans={trans} />
      <div className="cc-Subsection">
        <h4 className="cc-Section-subtitle">{trans.__('Your friends')}</h4>
        <RemoteView<IFriend[]>
          state={state}
          trans={trans}
          loadingText={trans.__('Loading friends…')}
          emptyText={trans.__(
            'No friends yet: add someone by their username or email.'
          )}
          isEmpty={list => list.length === 0}
          onRetry={() => {
            void friends.friends.refresh();
          }}
        >
          {list => <FriendList list={list} friends={friends} trans={trans} />}
        </RemoteView>
      </div>
      <BlockedList friends={friends} trans={trans} />
    </section>
  );
}
