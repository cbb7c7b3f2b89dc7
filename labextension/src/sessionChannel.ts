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
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { API_PATH } from './api';

/**
 * Close codes after which reconnecting is pointless: removed (4403), the
 * session ended (4410).
 */
const FINAL_CLOSE_CODES = new Set([4403, 4410]);
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

/**
 * A message of the channel: a JSON object with a string `type`.
 */
export interface IChannelMessage {
  type: string;
  [key: string]: unknown;
}

function isChannelMessage(data: unknown): data is IChannelMessage {
  return (
    typeof data === 'object' &&
    data !== null &&
    typeof (data as { type?: unknown }).type === 'string'
  );
}

export interface ISessionChannelOptions {
  serverSettings: ServerConnection.ISettings;
  sessionId: string;
}

/**
 * A session channel socket, reconnected (and resumed) while it is open.
 */
export class SessionChannel {
  constructor(options: ISessionChannelOptions) {
    this._settings = options.serverSettings;
    this._sessionId = options.sessionId;
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
    return this._greeted;
  }

  /**
   * This socket's connection id (from `hello`), or null while not greeted.
   */
  get connectionId(): string | null {
    return this._greeted ? this._connectionId : null;
  }

  /**
   * Send a message; false (and nothing sent) while not connected.
   */
  send(message: IChannelMessage): boolean {
    const socket = this._socket;
    if (!this._greeted || socket === null || socket.readyState !== 1) {
      return false;
    }
    socket.send(JSON.stringify(message));
    return true;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Connect, and keep reconnecting until `close()`; no-op when open.
   */
  open(): void {
    if (this._isDisposed || this._wanted) {
      return;
    }
    this._wanted = true;
    this._retryMs = FIRST_RETRY_MS;
    this._connect();
  }

  /**
   * Disconnect and stop reconnecting.
   */
  close(): void {
    this._wanted = false;
    window.clearTimeout(this._timer);
    const socket = this._socket;
    this._socket = null;
    this._setGreeted(false);
    if (socket !== null) {
      socket.onclose = null;
      socket.onmessage = null;
      socket.close();
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this.close();
    this._isDisposed = true;
    Signal.clearData(this);
  }

  private _url(): string {
    let url = URLExt.join(
      this._settings.wsUrl,
      API_PATH,
      'sessions',
      encodeURIComponent(this._sessionId),
      'channel'
    );
    const query: { [key: string]: string } = {};
    if (this._epoch !== null) {
      query.resume = `${this._epoch}.${this._seq}`;
    }
    if (this._settings.token && this._settings.appendToken) {
      query.token = this._settings.token;
    }
    if (Object.keys(query).length > 0) {
      url += URLExt.objectToQueryString(query);
    }
    return url;
  }

  private _connect(): void {
    if (!this._wanted || this._isDisposed) {
      return;
    }
    let socket: WebSocket;
    try {
      socket = new this._settings.WebSocket(this._url());
    } catch {
      this._retry();
      return;
    }
    this._socket = socket;
    socket.onmessage = event => this._onMessage(event);
    socket.onclose = event => {
      if (this._socket !== socket) {
        return;
      }
      this._socket = null;
      this._setGreeted(false);
      if (FINAL_CLOSE_CODES.has(event.code)) {
        this._wanted = false;
        return;
      }
      this._retry();
    };
  }

  private _retry(): void {
    if (!this._wanted || this._isDisposed) {
      return;
    }
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => this._connect(), this._retryMs);
    this._retryMs = Math.min(this._retryMs * 2, MAX_RETRY_MS);
  }

  private _onMessage(event: MessageEvent): void {
    if (typeof event.data !== 'string') {
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return;
    }
    if (!isChannelMessage(data)) {
      return;
    }
    const message = data as IChannelMessage & {
      epoch?: unknown;
      seq?: unknown;
      connection_id?: unknown;
    };
    if (
      typeof message.epoch === 'string' ||
      typeof message.epoch === 'number'
    ) {
      if (String(message.epoch) !== this._epoch) {
        this._epoch = String(message.epoch);
        this._seq = 0;
      }
    }
    if (typeof message.seq === 'number' && message.seq > this._seq) {
      this._seq = message.seq;
    }
    if (message.type === 'hello') {
      this._connectionId =
        typeof message.connection_id === 'string'
          ? message.connection_id
          : null;
      this._retryMs = FIRST_RETRY_MS;
      this._setGreeted(true);
    }
    this._received.emit(message);
  }

  private _setGreeted(greeted: boolean): void {
    if (this._greeted === greeted) {
      return;
    }
    this._greeted = greeted;
    if (!greeted) {
      this._connectionId = null;
    }
    this._connectionChanged.emit(greeted);
  }

  private _settings: ServerConnection.ISettings;
  private _sessionId: string;
  private _socket: WebSocket | null = null;
  private _wanted = false;
  private _greeted = false;
  private _retryMs = FIRST_RETRY_MS;
  private _timer = 0;
  private _epoch: string | null = null;
  private _seq = 0;
  private _isDisposed = false;
  private _connectionId: string | null = null;
  private _received = new Signal<this, IChannelMessage>(this);
  private _connectionChanged = new Signal<this, boolean>(this);
}
