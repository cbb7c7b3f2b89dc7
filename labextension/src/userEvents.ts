/**
 * The user's events socket (`/codecall/api/me/events`, docs/CHANNEL.md): the
 * server says what to reload (friends, sessions) the moment something of
 * mine changes, on this server or, under JupyterHub, on another one.
 *
 * Events carry no data: the lists reload over REST, so what shows is what
 * the server says I may see. The sidebar's slow poll stays as a safety net.
 */
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { IChannelMessage, ReconnectingSocket } from './reconnectingSocket';

/**
 * What changed: `topic` is what to reload; `kind` says why, `by` who.
 */
export interface IUserEvent {
  topic: 'friends' | 'sessions';
  kind: 'changed' | 'friend_request' | 'friend_accepted';
  by?: string;
}

// The server refuses us (403) or has no such socket (404): stop trying.
const GIVE_UP_AFTER_FAILURES = 8;

function isUserEvent(
  data: IChannelMessage
): data is IChannelMessage & IUserEvent {
  const { type, topic, kind } = data;
  return (
    type === 'changed' &&
    (topic === 'friends' || topic === 'sessions') &&
    typeof kind === 'string'
  );
}

/**
 * One socket per page, reconnected with backoff while wanted.
 */
export class UserEventsSocket {
  constructor(serverSettings: ServerConnection.ISettings) {
    this._socket = new ReconnectingSocket({
      serverSettings,
      path: ['me', 'events'],
      maxFailures: GIVE_UP_AFTER_FAILURES,
      maxRetryMs: 60_000
    });
    this._socket.received.connect(this._onMessage, this);
    this._socket.connectionChanged.connect((_, connected) =>
      this._connected.emit(connected)
    );
  }

  /**
   * Emitted for every event.
   */
  get received(): ISignal<this, IUserEvent> {
    return this._received;
  }

  /**
   * Emitted with true when (re)connected: whatever happened while the
   * socket was down was missed, so listeners reload everything.
   */
  get connected(): ISignal<this, boolean> {
    return this._connected;
  }

  get isConnected(): boolean {
    return this._socket.isConnected;
  }

  open(): void {
    this._socket.open();
  }

  dispose(): void {
    if (this._socket.isDisposed) {
      return;
    }
    this._socket.dispose();
    Signal.clearData(this);
  }

  private _onMessage(_: ReconnectingSocket, message: IChannelMessage): void {
    if (isUserEvent(message)) {
      const { topic, kind, by } = message;
      this._received.emit(
        typeof by === 'string' ? { topic, kind, by } : { topic, kind }
      );
    }
  }

  private _socket: ReconnectingSocket;
  private _received = new Signal<this, IUserEvent>(this);
  private _connected = new Signal<this, boolean>(this);
}
