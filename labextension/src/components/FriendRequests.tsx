/**
 * Pending friend requests: incoming (accept, decline), outgoing (cancel).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { answerRequest } from '../friendActions';
import { FriendsModel } from '../friendsModel';
import { useStateOf } from '../hooks';
import { IFriendRequest, IFriendRequests } from '../types';
import { PersonRow } from './PersonRow';
import { RemoteView } from './RemoteView';

export interface IFriendRequestsProps {
  friends: FriendsModel;
  trans: TranslationBundle;
}

interface IRequestListProps {
  requests: IFriendRequest[];
  direction: 'incoming' | 'outgoing';
  friends: FriendsModel;
  trans: TranslationBundle;
}

function RequestList(props: IRequestListProps): JSX.Element {
  const { requests, direction, friends, trans } = props;
  const incoming = direction === 'incoming';
  return (
    <ul
      className="cc-PersonList"
      aria-label={
        incoming ? trans.__('Requests to you') : trans.__('Requests you sent')
      }
    >
      {requests.map(request => {
        const user = incoming ? request.from_user : request.to_user;
        const name = user.display_name;
        return (
          <PersonRow
            key={request.id}
            user={user}
            note={
              incoming
                ? trans.__('Wants to be your friend')
                : trans.__('Request sent')
            }
          >
            {incoming ? (
              <>
                <button
                  type="button"
                  className="cc-Button cc-mod-accept cc-mod-small"
                  aria-label={trans.__('Accept the request from %1', name)}
                  onClick={() => {
                    void answerRequest(friends, request.id, 'accept', trans);
                  }}
                >
                  {trans.__('Accept')}
                </button>
                <button
                  type="button"
                  className="cc-Button cc-mod-small"
                  aria-label={trans.__('Decline the request from %1', name)}
                  onClick={() => {
                    void answerRequest(friends, request.id, 'decline', trans);
                  }}
                >
                  {trans.__('Decline')}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="cc-Button cc-mod-small"
                aria-label={trans.__('Cancel the request to %1', name)}
                onClick={() => {
                  void answerRequest(friends, request.id, 'cancel', trans);
                }}
              >
                {trans.__('Cancel')}
              </button>
            )}
          </PersonRow>
        );
      })}
    </ul>
  );
}

export function FriendRequests(props: IFriendRequestsProps): JSX.Element {
  const { friends, trans } = props;
  const state = useStateOf(friends.requests);
  return (
    <div className="cc-Subsection">
      <h4 className="cc-Section-subtitle">{trans.__('Requests')}</h4>
      <RemoteView<IFriendRequests>
        state={state}
        trans={trans}
        loadingText={trans.__('Loading requests…')}
        emptyText={trans.__('No pending requests.')}
        isEmpty={data =>
          data.incoming.length === 0 && data.outgoing.length === 0
        }
        onRetry={() => {
          void friends.requests.refresh();
        }}
      >
        {data => (
          <>
            {data.incoming.length > 0 && (
              <RequestList
                requests={data.incoming}
                direction="incoming"
                friends={friends}
                trans={trans}
              />
            )}
            {data.outgoing.length > 0 && (
              <RequestList
                requests={data.outgoing}
                direction="outgoing"
                friends={friends}
                trans={trans}
              />
            )}
          </>
        )}
      </RemoteView>
    </div>
  );
}
