/**
 * The `run.*` messages of a session's channel (docs/CHANNEL.md): queue
 * moves, starts, output as it is printed, ends.
 *
 * Only listens: it never sends. Everything it brings also comes over REST
 * (the run console polls), so a channel that cannot connect only means no
 * live output.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { ISignal, Signal } from '@lumino/signaling';

import { API_PATH } from './api';
import { RunEvent } from './runTypes';

/**
 * Close codes after which reconnecting is pointless: removed (4403), the
 * session ended (4410).
 */
const FINAL_CLOSE_CODES = new Set([4403, 4410]);
const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 30_000;

function isRunEvent(data: unknown): data is RunEvent {
  if (typeof data !== 'object' || data === null) {
    return false;
  }
  const { type, run_id } = data as { type?: unknown; run_id?: unknown };
  return (
    typeof type === 'string' &&
    type.startsWith('run.') &&
    typeof run_id === 'string'
  );
}

export interface IRunChannelOptions {
  serverSettings: ServerConnection.ISettings;
  sessionId: string;
}

/**
 * A session channel socket, reconnected (and resumed) while it is open.
 */
export class RunChannel {
  constructor(options: IRunChannelOptions) {
    this._settings = options.serverSettings;
    this._sessionId = options.sessionId;
  }

  /**
   * Emitted with every `run.*` message.
   */
  get received(): ISignal<this, RunEvent> {
    return this._received;
  }

  /**
   * Whether the socket is connected (and greeted).
   */
  get isConnected(): boolean {
    return this._greeted;
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
    this._greeted = false;
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
      this._greeted = false;
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
    if (typeof data !== 'object' || data === null) {
      return;
    }
    const message = data as { type?: unknown; epoch?: unknown; seq?: unknown };
    if (message.type === 'hello') {
      this._greeted = true;
      this._retryMs = FIRST_RETRY_MS;
    }
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
    if (isRunEvent(data)) {
      this._received.emit(data);
    }
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
  private _received = new Signal<this, RunEvent>(this);
}
