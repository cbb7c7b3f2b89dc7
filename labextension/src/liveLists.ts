/**
 * Keeps the friends and session lists live: reloads them when the user's
 * events socket says they changed, and tells the user what happened through
 * JupyterLab's notifications (a friend request, an answer, an invitation).
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { Debouncer } from '@lumino/polling';

import { FriendsModel } from './friendsModel';
import { SessionsModel } from './sessionsModel';
import { ISession } from './types';
import { IUserEvent, UserEventsSocket } from './userEvents';

export interface ILiveListsOptions {
  socket: UserEventsSocket;
  friends: FriendsModel;
  sessions: SessionsModel;
  trans: TranslationBundle;
  /**
   * Whether the user wants notifications (the settings).
   */
  notify: () => boolean;
  openSidebar: () => void;
  openSession: (id: string) => void;
}

const NOTICE_MS = 8_000;

/**
 * Wire the socket to the lists; returns a function that unwires them.
 */
export function followUserEvents(options: ILiveListsOptions): () => void {
  const { socket, friends, sessions, trans, notify } = options;
  // A burst of events (a host inviting five friends) reloads once.
  const reloadFriends = new Debouncer(() => friends.refresh(), 150);
  const reloadSessions = new Debouncer(() => sessions.refresh(), 150);
  const invitations = new InvitationWatch(sessions);

  const onEvent = (_: UserEventsSocket, event: IUserEvent): void => {
    if (event.topic === 'friends') {
      void reloadFriends.invoke();
      if (notify()) {
        friendNotice(event, options);
      }
    } else {
      void reloadSessions.invoke();
    }
  };
  const onConnected = (_: UserEventsSocket, connected: boolean): void => {
    if (connected) {
      // Whatever happened while the socket was down was missed.
      void reloadFriends.invoke();
      void reloadSessions.invoke();
    }
  };
  const onInvitations = (): void => {
    for (const session of invitations.added()) {
      if (notify()) {
        Notification.info(
          trans.__(
            '%1 invited you to “%2”',
            session.host.display_name,
            session.title
          ),
          {
            autoClose: NOTICE_MS,
            actions: [
              {
                label: trans.__('Open'),
                callback: () => options.openSession(session.id)
              }
            ]
          }
        );
      }
    }
  };
  socket.received.connect(onEvent);
  socket.connected.connect(onConnected);
  sessions.invitations.stateChanged.connect(onInvitations);
  return () => {
    socket.received.disconnect(onEvent);
    socket.connected.disconnect(onConnected);
    sessions.invitations.stateChanged.disconnect(onInvitations);
    reloadFriends.dispose();
    reloadSessions.dispose();
  };
}

function friendNotice(event: IUserEvent, options: ILiveListsOptions): void {
  const { trans } = options;
  const who = event.by ?? trans.__('Someone');
  const open = {
    label: trans.__('Show'),
    callback: () => options.openSidebar()
  };
  if (event.kind === 'friend_request') {
    Notification.info(trans.__('%1 sent you a friend request', who), {
      autoClose: NOTICE_MS,
      actions: [open]
    });
  } else if (event.kind === 'friend_accepted') {
    Notification.success(trans.__('%1 and you are now friends', who), {
      autoClose: NOTICE_MS,
      actions: [open]
    });
  }
}

/**
 * The invitations that appear after the first load: those are news.
 */
class InvitationWatch {
  constructor(sessions: SessionsModel) {
    this._sessions = sessions;
  }

  added(): ISession[] {
    const { status, data } = this._sessions.invitations.state;
    if (status !== 'ready' || data === null) {
      return [];
    }
    const first = this._seen === null;
    const seen = this._seen ?? new Set<string>();
    const fresh = data.filter(session => !seen.has(session.id));
    this._seen = new Set(data.map(session => session.id));
    return first ? [] : fresh;
  }

  private _sessions: SessionsModel;
  private _seen: Set<string> | null = null;
}
