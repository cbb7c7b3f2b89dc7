/**
 * A JSON WebSocket to one of CodeCall's sockets (docs/CHANNEL.md) that
 * reconnects with backoff while it is wanted. It is "connected" once the
 * server greets it with `hello`, and emits every JSON message with a `type`.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { API_PATH } from './api';

/**
 * A message of a CodeCall socket: a JSON object with a string `type`.
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

export interface IReconnectingSocketOptions {
  serverSettings: ServerConnection.ISettings;
  /**
   * The socket's path below the CodeCall API, e.g. `['me', 'events']`.
   */
  path: string[];
  /**
   * Query arguments for the next attempt (e.g. where to resume).
   */
  query?: () => { [key: string]: string };
  /**
   * Close codes after which reconnecting is pointless.
   */
  finalCloseCodes?: ReadonlySet<number>;
  /**
   * Give up after this many attempts in a row that were never greeted
   * (the server refuses us: reconnecting forever would only load it).
   */
  maxFailures?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

export class ReconnectingSocket {
  constructor(options: IReconnectingSocketOptions) {
    this._options = options;
    this._retryMs = this._firstRetryMs;
  }

  /**
   * Emitted with every message, `hello` included.
   */
  get received(): ISignal<this, IChannelMessage> {
    return this._received;
  }

  /**
   * Emitted with true when greeted (`hello`), false when that socket is lost.
   */
  get connectionChanged(): ISignal<this, boolean> {
    return this._connectionChanged;
  }

  get isConnected(): boolean {
    return this._greeted;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
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

  /**
   * Connect, and keep reconnecting until `close()`; no-op when open.
   */
  open(): void {
    if (this._isDisposed || this._wanted) {
      return;
    }
    this._wanted = true;
    this._failures = 0;
    this._retryMs = this._firstRetryMs;
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

  private get _firstRetryMs(): number {
    return this._options.firstRetryMs ?? 1_000;
  }

  private _url(): string {
    const settings = this._options.serverSettings;
    let url = URLExt.join(
      settings.wsUrl,
      API_PATH,
      ...this._options.path.map(encodeURIComponent)
    );
    const query = { ...(this._options.query?.() ?? {}) };
    if (settings.token && settings.appendToken) {
      query.token = settings.token;
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
      socket = new this._options.serverSettings.WebSocket(this._url());
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
      if (!this._greeted) {
        this._failures += 1;
      }
      this._setGreeted(false);
      if (this._options.finalCloseCodes?.has(event.code)) {
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
    if (this._failures >= (this._options.maxFailures ?? Infinity)) {
      this._wanted = false;
      return;
    }
    window.clearTimeout(this._timer);
    this._timer = window.setTimeout(() => this._connect(), this._retryMs);
    this._retryMs = Math.min(
      this._retryMs * 2,
      this._options.maxRetryMs ?? 30_000
    );
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
    if (data.type === 'hello') {
      this._failures = 0;
      this._retryMs = this._firstRetryMs;
      // Listeners of the greeting see the hello first (it carries the ids).
      this._received.emit(data);
      this._setGreeted(true);
      return;
    }
    this._received.emit(data);
  }

  private _setGreeted(greeted: boolean): void {
    if (this._greeted === greeted) {
      return;
    }
    this._greeted = greeted;
    this._connectionChanged.emit(greeted);
  }

  private _options: IReconnectingSocketOptions;
  private _socket: WebSocket | null = null;
  private _wanted = false;
  private _greeted = false;
  private _failures = 0;
  private _retryMs: number;
  private _timer = 0;
  private _isDisposed = false;
  private _received = new Signal<this, IChannelMessage>(this);
  private _connectionChanged = new Signal<this, boolean>(this);
}
