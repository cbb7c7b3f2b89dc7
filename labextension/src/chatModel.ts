/**
 * A session's chat (docs/CHANNEL.md): the latest messages from the
 * channel's snapshot, live new, edited and deleted messages, my unread
 * count, who is typing, and older pages over REST.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { ISignal, Signal } from '@lumino/signaling';

import { CodeCallClient, errorMessage } from './api';
import { IChannelMessage, SessionChannel } from './sessionChannel';

/**
 * The server's limit on one message (`services/chat.py`), in UTF-8 bytes.
 */
export const MAX_CHAT_BYTES = 4096;
/**
 * Messages per older page (the snapshot carries the latest 50).
 */
const PAGE_SIZE = 50;
/**
 * How long someone shows as typing without hearing from them again (ms).
 */
const TYPING_TIMEOUT_MS = 6_000;
/**
 * While I type, `typing: true` goes out at most this often (ms)...
 */
const TYPING_REPEAT_MS = 3_000;
/**
 * ...and `typing: false` after this long without a keystroke (ms).
 */
const TYPING_IDLE_MS = 4_000;
/**
 * How long after a chat message of mine an `error` is taken as its answer (ms).
 */
const ANSWER_WINDOW_MS = 5_000;

/**
 * The author of a message as the channel and the REST API show them.
 */
export interface IChatAuthor {
  id: number;
  username: string;
  display_name: string;
  color?: string;
}

export interface IChatMessage {
  id: number;
  author: IChatAuthor | null;
  /**
   * Markdown; empty once deleted.
   */
  text: string;
  created_at: string;
  edited_at: string | null;
  deleted: boolean;
}

interface IChatPage {
  messages: IChatMessage[];
  unread: number;
  has_more: boolean;
}

export interface IChatState {
  /**
   * Oldest first.
   */
  readonly messages: ReadonlyArray<IChatMessage>;
  /**
   * Others' messages after my read mark.
   */
  readonly unread: number;
  /**
   * The others typing now.
   */
  readonly typing: ReadonlyArray<IChatAuthor>;
  readonly connected: boolean;
  readonly myUserId: number | null;
  /**
   * Whether older messages remain on the server.
   */
  readonly hasMore: boolean;
  readonly loadingOlder: boolean;
  /**
   * The last failure to show (not sent, refused by the server), or null.
   */
  readonly error: string | null;
  /**
   * The text of a message the server refused, for the composer to take
   * back when its draft is empty; null once taken.
   */
  readonly returned: string | null;
}

export interface IChatModelOptions {
  client: CodeCallClient;
  sessionId: string;
  trans: TranslationBundle;
}

function isMessage(value: unknown): value is IChatMessage {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const m = value as Partial<IChatMessage>;
  return (
    typeof m.id === 'number' &&
    typeof m.text === 'string' &&
    typeof m.created_at === 'string' &&
    typeof m.deleted === 'boolean'
  );
}

function isAuthor(value: unknown): value is IChatAuthor {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const a = value as Partial<IChatAuthor>;
  return typeof a.id === 'number' && typeof a.display_name === 'string';
}

/**
 * The size of a text as the server counts it.
 */
export function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

/**
 * Merge messages into a list by id (a newer copy replaces an older one),
 * oldest first.
 */
function merge(
  list: ReadonlyArray<IChatMessage>,
  more: ReadonlyArray<IChatMessage>
): IChatMessage[] {
  const byId = new Map<number, IChatMessage>();
  for (const m of list) {
    byId.set(m.id, m);
  }
  for (const m of more) {
    byId.set(m.id, m);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

/**
 * The chat of one session, fed by its channel.
 */
export class ChatModel {
  constructor(options: IChatModelOptions) {
    this._client = options.client;
    this._sessionId = options.sessionId;
    this._trans = options.trans;
  }

  get state(): IChatState {
    return this._state;
  }

  get stateChanged(): ISignal<this, IChatState> {
    return this._stateChanged;
  }

  /**
   * Emitted with each new message someone else posted, as it arrives live.
   */
  get arrived(): ISignal<this, IChatMessage> {
    return this._arrived;
  }

  /**
   * Emitted when the chat should come into view (from a notification).
   */
  get revealRequested(): ISignal<this, void> {
    return this._revealRequested;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Ask the chat card to come into view and focus its composer.
   */
  reveal(): void {
    this._revealRequested.emit(undefined);
  }

  /**
   * Follow a session channel (the panel's one socket).
   */
  setChannel(channel: SessionChannel): void {
    this._channel = channel;
    channel.received.connect(this._onMessage, this);
    channel.connectionChanged.connect(this._onConnection, this);
    this._update({ connected: channel.isConnected });
  }

  /**
   * Post a message. False, with the error set and nothing sent, when it
   * cannot go (empty, too long, not connected): the caller keeps its draft.
   */
  send(text: string): boolean {
    const clean = text.trim();
    if (!clean) {
      return false;
    }
    if (!this._check(clean)) {
      return false;
    }
    if (!this._send({ type: 'chat', text: clean })) {
      return false;
    }
    this._pending = { text: clean, at: Date.now() };
    this._stopTyping();
    return true;
  }

  /**
   * Change one of my messages.
   */
  edit(id: number, text: string): boolean {
    const clean = text.trim();
    if (!clean || !this._check(clean)) {
      return false;
    }
    if (!this._send({ type: 'chat.edit', id, text: clean })) {
      return false;
    }
    this._pending = { text: null, at: Date.now() };
    return true;
  }

  /**
   * Delete one of my messages (the others see that it was deleted).
   */
  remove(id: number): boolean {
    if (!this._send({ type: 'chat.delete', id })) {
      return false;
    }
    this._pending = { text: null, at: Date.now() };
    return true;
  }

  /**
   * I have seen everything up to the newest message.
   */
  markRead(): void {
    const { messages, unread } = this._state;
    const last = messages.length > 0 ? messages[messages.length - 1].id : 0;
    if (last === 0 || (last <= this._readSent && unread === 0)) {
      return;
    }
    if (this._channel?.send({ type: 'chat.read', up_to: last })) {
      this._readSent = Math.max(this._readSent, last);
      if (unread !== 0) {
        this._update({ unread: 0 }); // the server's count follows
      }
    }
  }

  /**
   * A keystroke in the composer: tell the others I am typing.
   */
  typing(): void {
    const now = Date.now();
    if (now - this._typingSentAt > TYPING_REPEAT_MS) {
      if (this._channel?.send({ type: 'typing', active: true })) {
        this._typingSentAt = now;
      }
    }
    window.clearTimeout(this._typingIdle);
    this._typingIdle = window.setTimeout(
      () => this._stopTyping(),
      TYPING_IDLE_MS
    );
  }

  /**
   * The composer was emptied or left: I am not typing any more.
   */
  stopTyping(): void {
    this._stopTyping();
  }

  /**
   * Load the page of messages before the oldest one I have.
   */
  async loadOlder(): Promise<void> {
    const { messages, hasMore, loadingOlder } = this._state;
    if (!hasMore || loadingOlder) {
      return;
    }
    const before = messages.length > 0 ? messages[0].id : undefined;
    await this._loadPage(
      before,
      page => ({
        messages: merge(page.messages, this._state.messages),
        hasMore: page.has_more
      }),
      reason => this._trans.__('Could not load earlier messages: %1', reason)
    );
  }

  /**
   * Load the latest page over REST when the channel has given nothing (an
   * ended session has no channel); a no-op once loaded.
   */
  async loadLatest(): Promise<void> {
    if (this._loaded || this._state.loadingOlder) {
      return;
    }
    await this._loadPage(
      undefined,
      page => {
        this._loaded = true;
        return {
          messages: merge(this._state.messages, page.messages),
          hasMore: page.has_more,
          unread: page.unread
        };
      },
      reason => this._trans.__('Could not load the chat: %1', reason)
    );
  }

  /**
   * Fetch one page over REST, `loadingOlder` while it is on its way, and
   * apply it (or show the `failure` message made from the reason).
   */
  private async _loadPage(
    before: number | undefined,
    apply: (page: IChatPage) => Partial<IChatState>,
    failure: (reason: string) => string
  ): Promise<void> {
    this._update({ loadingOlder: true });
    try {
      const page = await this._page(before);
      if (!this._isDisposed) {
        this._update({ ...apply(page), loadingOlder: false });
      }
    } catch (error) {
      if (!this._isDisposed) {
        this._update({
          loadingOlder: false,
          error: failure(errorMessage(error))
        });
      }
    }
  }

  /**
   * Forget the error shown.
   */
  clearError(): void {
    if (this._state.error !== null) {
      this._update({ error: null });
    }
  }

  /**
   * The composer took back a refused message.
   */
  takeReturned(): void {
    if (this._state.returned !== null) {
      this._update({ returned: null });
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    window.clearTimeout(this._typingIdle);
    for (const timer of this._typingTimers.values()) {
      window.clearTimeout(timer);
    }
    this._typingTimers.clear();
    if (this._channel) {
      this._channel.received.disconnect(this._onMessage, this);
      this._channel.connectionChanged.disconnect(this._onConnection, this);
    }
    Signal.clearData(this);
  }

  private _check(text: string): boolean {
    if (utf8Bytes(text) > MAX_CHAT_BYTES) {
      this._update({
        error: this._trans.__(
          'Messages are limited to %1 bytes; this one is %2.',
          MAX_CHAT_BYTES,
          utf8Bytes(text)
        )
      });
      return false;
    }
    return true;
  }

  private _send(message: IChannelMessage): boolean {
    if (this._channel === null || !this._channel.send(message)) {
      this._update({
        error: this._trans.__(
          'Not connected to the session: nothing was sent. Try again in a moment.'
        )
      });
      return false;
    }
    if (this._state.error !== null) {
      this._update({ error: null });
    }
    return true;
  }

  private _stopTyping(): void {
    window.clearTimeout(this._typingIdle);
    if (this._typingSentAt !== 0) {
      this._typingSentAt = 0;
      this._channel?.send({ type: 'typing', active: false });
    }
  }

  private _page(before: number | undefined): Promise<IChatPage> {
    const query =
      before === undefined
        ? `?limit=${PAGE_SIZE}`
        : `?before=${before}&limit=${PAGE_SIZE}`;
    return this._client.request<IChatPage>(
      `sessions/${encodeURIComponent(this._sessionId)}/chat${query}`
    );
  }

  private _onConnection(_: SessionChannel, connected: boolean): void {
    if (!connected) {
      this._typingSentAt = 0;
      for (const timer of this._typingTimers.values()) {
        window.clearTimeout(timer);
      }
      this._typingTimers.clear();
      this._update({ connected, typing: [] });
    } else {
      this._update({ connected });
    }
  }

  private _onMessage(_: SessionChannel, message: IChannelMessage): void {
    switch (message.type) {
      case 'hello': {
        const you = message.you as { id?: unknown } | undefined;
        if (you && typeof you.id === 'number') {
          this._update({ myUserId: you.id });
        }
        break;
      }
      case 'snapshot': {
        const chat = message.chat as
          { messages?: unknown; unread?: unknown } | undefined;
        if (!chat || !Array.isArray(chat.messages)) {
          break;
        }
        const messages = chat.messages.filter(isMessage);
        this._loaded = true;
        this._update({
          messages: merge([], messages),
          unread: typeof chat.unread === 'number' ? chat.unread : 0,
          hasMore: messages.length >= PAGE_SIZE
        });
        break;
      }
      case 'chat':
      case 'chat.edit':
      case 'chat.delete': {
        const m = message.message;
        if (!isMessage(m)) {
          break;
        }
        const known = this._state.messages.some(x => x.id === m.id);
        const mine = m.author !== null && m.author.id === this._state.myUserId;
        const changes: { -readonly [K in keyof IChatState]?: IChatState[K] } = {
          messages: merge(this._state.messages, [m])
        };
        if (message.type === 'chat' && !known) {
          if (mine) {
            this._pending = null;
          } else {
            changes.unread = this._state.unread + 1;
          }
          if (m.author !== null) {
            changes.typing = this._state.typing.filter(
              t => t.id !== m.author?.id
            );
            window.clearTimeout(this._typingTimers.get(m.author.id));
            this._typingTimers.delete(m.author.id);
          }
        }
        this._update(changes);
        if (message.type === 'chat' && !known && !mine) {
          this._arrived.emit(m);
        }
        break;
      }
      case 'chat.unread':
        if (typeof message.count === 'number') {
          this._update({ unread: message.count });
        }
        break;
      case 'typing':
        this._onTyping(message);
        break;
      case 'error':
        this._onError(message);
        break;
      default:
        break;
    }
  }

  private _onTyping(message: IChannelMessage): void {
    const user = message.user;
    if (!isAuthor(user) || user.id === this._state.myUserId) {
      return;
    }
    window.clearTimeout(this._typingTimers.get(user.id));
    this._typingTimers.delete(user.id);
    const others = this._state.typing.filter(t => t.id !== user.id);
    if (message.active === true) {
      // No word for a while means they stopped (a closed tab says nothing).
      this._typingTimers.set(
        user.id,
        window.setTimeout(() => {
          this._typingTimers.delete(user.id);
          this._update({
            typing: this._state.typing.filter(t => t.id !== user.id)
          });
        }, TYPING_TIMEOUT_MS)
      );
      this._update({ typing: [...others, user] });
    } else {
      this._update({ typing: others });
    }
  }

  /**
   * The channel's errors are not tied to a request: one arriving soon after
   * a chat action of mine is taken as its answer.
   */
  private _onError(message: IChannelMessage): void {
    const pending = this._pending;
    if (pending === null || Date.now() - pending.at > ANSWER_WINDOW_MS) {
      return;
    }
    if (message.code === 'unknown_target') {
      return; // signaling, not chat
    }
    this._pending = null;
    const text =
      typeof message.message === 'string'
        ? message.message
        : String(message.code);
    this._update({
      error: this._trans.__('The server refused it: %1', text),
      returned: pending.text
    });
  }

  private _update(changes: Partial<IChatState>): void {
    if (this._isDisposed) {
      return;
    }
    this._state = { ...this._state, ...changes };
    this._stateChanged.emit(this._state);
  }

  private _client: CodeCallClient;
  private _sessionId: string;
  private _trans: TranslationBundle;
  private _channel: SessionChannel | null = null;
  private _loaded = false;
  private _readSent = 0;
  private _pending: { text: string | null; at: number } | null = null;
  private _typingSentAt = 0;
  private _typingIdle = 0;
  private _typingTimers = new Map<number, number>();
  private _isDisposed = false;
  private _state: IChatState = {
    messages: [],
    unread: 0,
    typing: [],
    connected: false,
    myUserId: null,
    hasMore: false,
    loadingOlder: false,
    error: null,
    returned: null
  };
  private _stateChanged = new Signal<this, IChatState>(this);
  private _arrived = new Signal<this, IChatMessage>(this);
  private _revealRequested = new Signal<this, void>(this);
}

/**
 * Tell about a chat message in a JupyterLab notification (the caller
 * decides whether the user wants one and cannot see the chat).
 */
export function notifyChat(
  message: IChatMessage,
  sessionTitle: string,
  trans: TranslationBundle,
  reveal?: () => void
): void {
  const who = message.author?.display_name ?? trans.__('Someone');
  const flat = message.text.replace(/\s+/g, ' ').trim();
  const preview = flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
  // Notifications show their message as text: nothing in it becomes HTML.
  Notification.emit(
    trans.__('%1 in “%2”: %3', who, sessionTitle, preview),
    'info',
    {
      autoClose: 5000,
      actions: reveal
        ? [{ label: trans.__('Open chat'), callback: reveal }]
        : []
    }
  );
}
