/**
 * One session's channel socket (docs/CHANNEL.md), shared by everything in
 * the session panel that is live: run output, chat, activity, and the
 * call's signaling. One socket per panel, so the others see one connection
 * (one video peer) per open panel.
 *
 * It reconnects with backoff and resumes from the last sequence number it
 * saw. Everything but signaling and chat also comes over REST, so a channel
 * that cannot connect only means nothing is live.
 */
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { IChannelMessage, ReconnectingSocket } from './reconnectingSocket';

export { IChannelMessage } from './reconnectingSocket';

/**
 * Close codes after which reconnecting is pointless: removed (4403), the
 * session ended (4410).
 */
const FINAL_CLOSE_CODES = new Set([4403, 4410]);

export interface ISessionChannelOptions {
  serverSettings: ServerConnection.ISettings;
  sessionId: string;
}

/**
 * A session channel socket, reconnected (and resumed) while it is open.
 */
export class SessionChannel {
  constructor(options: ISessionChannelOptions) {
    this._socket = new ReconnectingSocket({
      serverSettings: options.serverSettings,
      path: ['sessions', options.sessionId, 'channel'],
      query: (): { [key: string]: string } =>
        this._epoch === null ? {} : { resume: `${this._epoch}.${this._seq}` },
      finalCloseCodes: FINAL_CLOSE_CODES
    });
    this._socket.received.connect(this._onMessage, this);
    this._socket.connectionChanged.connect((_, connected) =>
      this._connectionChanged.emit(connected)
    );
  }

  /**
   * Emitted with every message the server sends.
   */
  get received(): ISignal<this, IChannelMessage> {
    return this._received;
  }

  /**
   * Emitted when the socket is greeted (`hello`) or lost.
   */
  get connectionChanged(): ISignal<this, boolean> {
    return this._connectionChanged;
  }

  /**
   * Whether the socket is connected (and greeted).
   */
  get isConnected(): boolean {
    return this._socket.isConnected;
  }

  /**
   * This socket's connection id (from `hello`), or null while not greeted.
   */
  get connectionId(): string | null {
    return this._socket.isConnected ? this._connectionId : null;
  }

  get isDisposed(): boolean {
    return this._socket.isDisposed;
  }

  /**
   * Send a message; false (and nothing sent) while not connected.
   */
  send(message: IChannelMessage): boolean {
    return this._socket.send(message);
  }

  /**
   * Connect, and keep reconnecting until `close()`; no-op when open.
   */
  open(): void {
    this._socket.open();
  }

  /**
   * Disconnect and stop reconnecting.
   */
  close(): void {
    this._socket.close();
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._socket.dispose();
    Signal.clearData(this);
  }

  /**
   * Keep the resume point (`epoch`, last `seq`) and my connection id.
   */
  private _onMessage(_: ReconnectingSocket, message: IChannelMessage): void {
    const { epoch, seq, connection_id } = message;
    if (message.type === 'hello') {
      this._connectionId =
        typeof connection_id === 'string' ? connection_id : null;
    }
    if (typeof epoch === 'string' || typeof epoch === 'number') {
      if (String(epoch) !== this._epoch) {
        this._epoch = String(epoch);
        this._seq = 0;
      }
    }
    if (typeof seq === 'number' && seq > this._seq) {
      this._seq = seq;
    }
    this._received.emit(message);
  }

  private _socket: ReconnectingSocket;
  private _connectionId: string | null = null;
  private _epoch: string | null = null;
  private _seq = 0;
  private _received = new Signal<this, IChannelMessage>(this);
  private _connectionChanged = new Signal<this, boolean>(this);
}
