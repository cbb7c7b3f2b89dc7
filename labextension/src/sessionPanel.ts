/**
 * The main-area panel of one practice session.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, Notification } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButton } from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';

import { ActivityReporter } from './activityReporter';
import { CodeCallClient } from './api';
import { CallModel } from './callModel';
import { ICallDefaults } from './callTypes';
import { ChatModel, notifyChat } from './chatModel';
import { FeedbackApi } from './feedbackApi';
import { FriendsModel } from './friendsModel';
import { codecallIcon } from './icons';
import { CodeCallModel } from './model';
import { Poller } from './poller';
import { PreflightModel } from './preflight';
import { ProblemsApi } from './problemsApi';
import { RunApi } from './runApi';
import { RunModel } from './runModel';
import { RunnerStatusModel } from './runnerStatus';
import { ReplayApi } from './replayApi';
import { isRunEvent } from './runTypes';
import { inRunningSession, seesInside } from './sessionAccess';
import { SessionChannel } from './sessionChannel';
import { ISessionState, SessionModel } from './sessionModel';
import { sessionNotices } from './sessionNotices';
import { SessionPanelActions } from './sessionPanelActions';
import { SessionProblemModel } from './sessionProblemModel';
import { SessionView } from './sessionView';
import { SnapshotActions } from './snapshotActions';
import { SnapshotsModel } from './snapshotsModel';
import { ISessionFiles } from './types';

/**
 * How often an open session reloads while it has not ended (ms).
 */
export const SESSION_REFRESH_INTERVAL = 3_000;

/**
 * The prefix of the panels' widget ids.
 */
export const SESSION_PANEL_PREFIX = 'codecall-session-';

/**
 * Whether a session changed in a way the session lists show.
 */
function movedOn(before: ISessionState, after: ISessionState): boolean {
  const prev = before.session;
  const next = after.session;
  if (prev === null || next === null) {
    return false;
  }
  return (
    prev.status !== next.status ||
    prev.my_state !== next.my_state ||
    prev.my_role !== next.my_role ||
    prev.is_host !== next.is_host ||
    prev.participant_count !== next.participant_count ||
    before.gone !== after.gone
  );
}

/**
 * Options of a session panel.
 */
export interface ISessionPanelOptions {
  client: CodeCallClient;
  account: CodeCallModel;
  friends: FriendsModel;
  sessionId: string;
  trans: TranslationBundle;
  runApi: RunApi;
  runner: RunnerStatusModel;
  /**
   * The run language set in the settings ('' for the session's).
   */
  defaultRunLanguage: () => string;
  /**
   * Called after every action taken in the panel.
   */
  onAction: () => void;
  /**
   * Whether to show notifications about the session.
   */
  notify: () => boolean;
  /**
   * Open the replay of the session.
   */
  openReplay: (sessionId: string) => void;
  /**
   * Open a file (by contents path) in the main area.
   */
  openPath: (path: string) => void;
  /**
   * Lay out the session's workspace beside the panel (widget id): the shared
   * solution editor, and the file browser in the session's folder.
   */
  openWorkspace: (files: ISessionFiles, panelId: string) => void;
  /**
   * The problem bank's client (the session's problem and its hints).
   */
  problemsApi: ProblemsApi;
  /**
   * JupyterLab's renderers (problem statements are Markdown).
   */
  rendermime: IRenderMimeRegistry;
  /**
   * The application (the shell: where a copy or paste happened, and
   * revealing the panel from a chat notification).
   */
  app?: JupyterFrontEnd;
  /**
   * Camera and microphone on when joining the call (the settings).
   */
  callDefaults?: () => ICallDefaults;
}

/**
 * A main-area panel following one session: it reloads every 3 seconds
 * until the session ends or the user is out of it.
 */
export class SessionPanel extends MainAreaWidget<SessionView> {
  constructor(options: ISessionPanelOptions) {
    const { trans } = options;
    const model = new SessionModel({
      client: options.client,
      sessionId: options.sessionId,
      onAction: options.onAction
    });
    const runs = new RunModel({
      api: options.runApi,
      runner: options.runner,
      sessionId: options.sessionId,
      trans,
      defaultLanguage: options.defaultRunLanguage
    });
    const snapshots = new SnapshotsModel(
      new ReplayApi(options.client, options.sessionId)
    );
    const problem = new SessionProblemModel(
      options.problemsApi,
      options.sessionId
    );
    const callDefaults =
      options.callDefaults ?? (() => ({ camera: true, microphone: true }));
    const call = new CallModel({
      serverSettings: options.client.serverSettings,
      sessionId: options.sessionId,
      defaults: callDefaults,
      messages: {
        mediaRefused: reason =>
          trans.__(
            'Your camera or microphone could not be opened (%1). Allow them in the browser (the camera icon in the address bar) and try again.',
            reason
          ),
        noChannel: trans.__(
          'The session connection is lost; the call resumes when it is back.'
        ),
        shareFailed: reason =>
          trans.__('Your screen could not be shared (%1).', reason)
      }
    });
    const preflight = new PreflightModel(options.client.serverSettings, {
      noMedia: reason =>
        trans.__(
          'the camera or microphone could not be opened (%1). Allow them in the browser and check again.',
          reason
        ),
      noServer: trans.__(
        'the server’s test peer could not be reached. Reload the page and try again.'
      ),
      timedOut: trans.__(
        'no connection within 20 seconds. A firewall may block WebRTC: ask the server’s operator for a TURN server.'
      ),
      notConnected: state =>
        trans.__(
          'the connection did not come up (%1). A firewall may block WebRTC: ask the server’s operator for a TURN server.',
          state
        ),
      noEcho: trans.__(
        'the connection works but your camera or microphone did not reach the server.'
      )
    });
    const chat = new ChatModel({
      client: options.client,
      sessionId: options.sessionId,
      trans
    });
    let close = (): void => undefined;
    const actions = new SessionPanelActions(model, trans, () => close());
    super({
      content: new SessionView({
        model,
        runs,
        snapshots,
        snapshotActions: new SnapshotActions(snapshots, trans),
        account: options.account,
        friends: options.friends,
        actions,
        openReplay: () => options.openReplay(options.sessionId),
        feedbackApi: new FeedbackApi(options.client, options.sessionId),
        openPath: options.openPath,
        openWorkspace: () => this._openWorkspace(),
        problem,
        chat,
        call,
        preflight,
        callDefaults,
        rendermime: options.rendermime,
        trans
      })
    });
    close = () => this.dispose();
    this._model = model;
    this._runs = runs;
    this._snapshots = snapshots;
    this._problem = problem;
    this._channel = new SessionChannel({
      serverSettings: options.client.serverSettings,
      sessionId: options.sessionId
    });
    this._chat = chat;
    this._call = call;
    this._preflight = preflight;
    call.setChannel(this._channel);
    chat.setChannel(this._channel);
    chat.arrived.connect((_, message) => {
      // A chat message I cannot see: a notification, if I want them.
      if (this._notify() && (!this.isVisible || document.hidden)) {
        const shell = options.app?.shell;
        notifyChat(
          message,
          this.title.label,
          trans,
          shell &&
            (() => {
              shell.activateById(this.id);
              chat.reveal();
            })
        );
      }
    });
    this._activity = new ActivityReporter({
      channel: this._channel,
      sessionId: options.sessionId,
      shell: options.app?.shell,
      onActivity: () => void model.refresh()
    });
    this._channel.received.connect((_, message) => {
      if (isRunEvent(message)) {
        runs.onRunEvent(message);
      }
    });
    this._trans = trans;
    this._openWorkspaceWith = options.openWorkspace;
    this._notify = options.notify;
    this._onAction = options.onAction;
    this._poller = new Poller(async () => {
      const ok = await model.refresh();
      // The runs are a part of the panel: their failures show there and
      // do not slow the session's beat down.
      await runs.refresh();
      return ok;
    }, SESSION_REFRESH_INTERVAL);
    this._lastReady = model.state;

    this.id = SESSION_PANEL_PREFIX + options.sessionId;
    this.addClass('cc-SessionMainArea');
    this.title.icon = codecallIcon;
    this.title.label = trans.__('Practice session');
    this.title.closable = true;
    this.toolbar.addItem(
      'refresh',
      new ToolbarButton({
        icon: refreshIcon,
        tooltip: trans.__('Reload the session'),
        onClick: () => {
          void model.refresh().then(() => runs.refresh());
          void snapshots.refresh();
        }
      })
    );
    model.stateChanged.connect(this._onStateChanged, this);
  }

  /**
   * The model of the session.
   */
  get model(): SessionModel {
    return this._model;
  }

  /**
   * The run console of the session.
   */
  get runs(): RunModel {
    return this._runs;
  }

  /**
   * The session id.
   */
  get sessionId(): string {
    return this._model.sessionId;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._poller.dispose();
    this._activity.dispose();
    this._chat.dispose();
    this._call.dispose();
    this._preflight.dispose();
    this._channel.dispose();
    this._runs.dispose();
    this._snapshots.dispose();
    this._model.dispose();
    super.dispose();
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    if (this._model.isLive) {
      this._poller.start();
    }
    this._followChannel();
  }

  /**
   * An ended session is not polled: coming back to its panel reloads it
   * (feedback may have arrived meanwhile).
   */
  protected onActivateRequest(msg: Message): void {
    super.onActivateRequest(msg);
    if (!this._model.isLive && this._model.state.status !== 'loading') {
      void this._model.refresh();
    }
  }

  protected onBeforeDetach(msg: Message): void {
    this._poller.stop();
    this._channel.close();
    super.onBeforeDetach(msg);
  }

  /**
   * Keep the session's channel (live runs, chat, activity, the call) open
   * while the panel is on the page and I am inside a running session.
   */
  /**
   * Whether I am inside a session that has not ended.
   */
  private _inRunningSession(): boolean {
    const { session, gone } = this._model.state;
    return inRunningSession(session, gone);
  }

  /**
   * The shared editor beside the panel, and the files in the file browser.
   */
  private _openWorkspace(): void {
    const files = this._model.state.session?.files;
    if (files) {
      this._openWorkspaceWith(files, this.id);
    }
  }

  private _followChannel(): void {
    const inside = this._inRunningSession();
    if (inside && this.isAttached) {
      this._channel.open();
    } else {
      this._channel.close();
      if (!inside) {
        this._call.leave(); // ended, or I am out of it: the camera goes off
      }
    }
  }

  /**
   * Reload the snapshots when I may see them and the activity log moved
   * on (saves and restores are logged), or once at first.
   */
  private _followSnapshots(state: ISessionState): void {
    const { session, gone, events } = state;
    if (!seesInside(session, gone)) {
      return;
    }
    const last = events.length > 0 ? events[events.length - 1].id : 0;
    if (last !== this._snapshotsSeenAt) {
      this._snapshotsSeenAt = last;
      void this._snapshots.refresh();
    }
  }

  /**
   * Load the session's problem when I am inside and the activity log moved
   * on (each hint revealed is logged); forget it otherwise.
   */
  private _followProblem(state: ISessionState): void {
    const { session, gone, events } = state;
    const last = events.length > 0 ? events[events.length - 1].id : 0;
    const problemId = seesInside(session, gone) ? session.problem_id : null;
    this._problem.follow(problemId, last);
  }

  private _onStateChanged(_: SessionModel, state: ISessionState): void {
    const { session } = state;
    if (
      state.status === 'ready' &&
      !this._laidOut &&
      this._inRunningSession()
    ) {
      // Entering a running session lays out its workspace, once per panel (a
      // reload restores the layout itself: an open editor is left alone).
      this._laidOut = true;
      this._openWorkspace();
    }
    if (state.status === 'ready') {
      this._runs.setSession(state.gone === null ? session : null);
      this._followChannel();
      this._followSnapshots(state);
      this._followProblem(state);
    }
    if (session !== null) {
      this.title.label = session.title;
      this.title.caption = this._trans.__(
        'Practice session “%1” hosted by %2',
        session.title,
        session.host.display_name
      );
    }
    if (!this._model.isLive) {
      this._poller.stop();
    }
    // Notify about changes the user cannot see in the panel.
    if (this._notify() && !this.isVisible && state.status === 'ready') {
      for (const notice of sessionNotices(
        this._lastReady,
        state,
        this._trans
      )) {
        Notification.emit(notice.message, notice.kind, { autoClose: 5000 });
      }
    }
    if (state.status === 'ready') {
      // Someone else changed the session: the sidebar's lists follow.
      if (movedOn(this._lastReady, state)) {
        this._onAction();
      }
      this._lastReady = state;
    }
  }

  private _model: SessionModel;
  private _runs: RunModel;
  private _snapshots: SnapshotsModel;
  private _problem: SessionProblemModel;
  private _snapshotsSeenAt = -1;
  private _channel: SessionChannel;
  private _laidOut = false;
  private _openWorkspaceWith: (files: ISessionFiles, panelId: string) => void;
  private _chat: ChatModel;
  private _call: CallModel;
  private _preflight: PreflightModel;
  private _activity: ActivityReporter;
  private _trans: TranslationBundle;
  private _notify: () => boolean;
  private _onAction: () => void;
  private _poller: Poller;
  private _lastReady: ISessionState;
}
