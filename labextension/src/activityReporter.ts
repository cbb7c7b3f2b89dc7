/**
 * Reports my activity to the session (docs/CHANNEL.md, `activity`): the
 * tab hidden or shown, the window losing or regaining focus, and copies
 * and pastes (their size only) in the session's own documents (its
 * editor, its whiteboard). Practice is transparent: everyone inside sees
 * these in the activity log.
 *
 * It reports only while the panel's channel is connected, which is while
 * I am inside a running session with its panel open.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { Widget } from '@lumino/widgets';

import { IChannelMessage, SessionChannel } from './sessionChannel';
import { sessionOfPath } from './whiteboard/plugin';

export type ActivityEvent =
  'tab_hidden' | 'tab_visible' | 'blur' | 'focus' | 'paste' | 'copy';

/**
 * A window blur this soon before the tab is hidden is the same moving
 * away: only `tab_hidden` is reported (ms).
 */
const BLUR_SETTLE_MS = 300;
/**
 * The same copy or paste event seen twice this close is reported once (ms).
 */
const CLIPBOARD_REPEAT_MS = 250;

export interface IActivityReporterOptions {
  channel: SessionChannel;
  sessionId: string;
  /**
   * JupyterLab's shell: which main-area document a copy or paste is in.
   */
  shell?: JupyterFrontEnd.IShell;
  /**
   * Called when someone's activity arrives live (the log reloads).
   */
  onActivity?: () => void;
}

/**
 * The path of the document a main-area widget shows, if it is one.
 */
function documentPath(widget: Widget): string | null {
  const context = (widget as { context?: { path?: unknown } }).context;
  return context && typeof context.path === 'string' ? context.path : null;
}

export class ActivityReporter {
  constructor(options: IActivityReporterOptions) {
    this._channel = options.channel;
    this._sessionId = options.sessionId;
    this._shell = options.shell ?? null;
    this._onActivity = options.onActivity ?? null;
    this._channel.received.connect(this._onMessage, this);
    document.addEventListener('visibilitychange', this._onVisibility);
    window.addEventListener('blur', this._onBlur);
    window.addEventListener('focus', this._onFocus);
    document.addEventListener('paste', this._onPaste, true);
    document.addEventListener('copy', this._onCopy, true);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Report one event; false when the channel is not connected.
   */
  report(event: ActivityEvent, size?: number): boolean {
    const message: IChannelMessage = { type: 'activity', event };
    if (size !== undefined) {
      message.size = size;
    }
    return this._channel.send(message);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    window.clearTimeout(this._blurTimer);
    this._channel.received.disconnect(this._onMessage, this);
    document.removeEventListener('visibilitychange', this._onVisibility);
    window.removeEventListener('blur', this._onBlur);
    window.removeEventListener('focus', this._onFocus);
    document.removeEventListener('paste', this._onPaste, true);
    document.removeEventListener('copy', this._onCopy, true);
  }

  /**
   * Whether an event target is inside one of this session's documents.
   */
  private _inSessionDocument(target: EventTarget | null): boolean {
    if (this._shell === null || !(target instanceof Node)) {
      return false;
    }
    for (const widget of this._shell.widgets('main')) {
      if (widget.node.contains(target)) {
        const path = documentPath(widget);
        return path !== null && sessionOfPath(path) === this._sessionId;
      }
    }
    return false;
  }

  private _onMessage(_: SessionChannel, message: IChannelMessage): void {
    if (message.type === 'activity' && this._onActivity !== null) {
      this._onActivity();
    }
  }

  private _onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      window.clearTimeout(this._blurTimer);
      if (this._away !== 'hidden' && this.report('tab_hidden')) {
        this._away = 'hidden';
      }
    } else if (this._away === 'hidden') {
      this._away = null;
      this.report('tab_visible');
    }
  };

  private _onBlur = (): void => {
    // Hiding the tab blurs the window first: wait to see which it was.
    window.clearTimeout(this._blurTimer);
    this._blurTimer = window.setTimeout(() => {
      if (
        document.visibilityState !== 'hidden' &&
        this._away === null &&
        this.report('blur')
      ) {
        this._away = 'blurred';
      }
    }, BLUR_SETTLE_MS);
  };

  private _onFocus = (): void => {
    window.clearTimeout(this._blurTimer);
    if (this._away === 'blurred') {
      this._away = null;
      this.report('focus');
    }
  };

  private _onPaste = (event: ClipboardEvent): void => {
    if (!this._inSessionDocument(event.target) || this._repeated(event)) {
      return;
    }
    const text = event.clipboardData?.getData('text/plain') ?? '';
    this.report('paste', text.length);
  };

  private _onCopy = (event: ClipboardEvent): void => {
    if (!this._inSessionDocument(event.target) || this._repeated(event)) {
      return;
    }
    const text = window.getSelection()?.toString() ?? '';
    this.report('copy', text.length);
  };

  private _repeated(event: ClipboardEvent): boolean {
    const now = Date.now();
    const repeated =
      event.type === this._lastClipboard.type &&
      now - this._lastClipboard.at < CLIPBOARD_REPEAT_MS;
    this._lastClipboard = { type: event.type, at: now };
    return repeated;
  }

  private _channel: SessionChannel;
  private _sessionId: string;
  private _shell: JupyterFrontEnd.IShell | null;
  private _onActivity: (() => void) | null;
  private _away: 'hidden' | 'blurred' | null = null;
  private _blurTimer = 0;
  private _lastClipboard = { type: '', at: 0 };
  private _isDisposed = false;
}
