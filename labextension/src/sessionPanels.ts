/**
 * The open session panels: one per session id, tracked so the layout
 * restorer reopens them after a reload.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';

import { CodeCallClient } from './api';
import { ICallDefaults } from './callTypes';
import { FriendsModel } from './friendsModel';
import { CodeCallModel } from './model';
import { ProblemsApi } from './problemsApi';
import { RunApi } from './runApi';
import { RunnerStatusModel } from './runnerStatus';
import { SessionPanel } from './sessionPanel';
import { ISessionFiles } from './types';

/**
 * The namespace of the tracker (and of the restored layout entries).
 */
export const SESSION_TRACKER_NAMESPACE = 'codecall-session';

export interface ISessionPanelsOptions {
  app: JupyterFrontEnd;
  client: CodeCallClient;
  account: CodeCallModel;
  friends: FriendsModel;
  trans: TranslationBundle;
  runApi: RunApi;
  runner: RunnerStatusModel;
  defaultRunLanguage: () => string;
  callDefaults?: () => ICallDefaults;
  onAction: () => void;
  notify: () => boolean;
  openReplay: (sessionId: string) => void;
  openPath: (path: string) => void;
  openWorkspace: (files: ISessionFiles, panelId: string) => void;
  problemsApi: ProblemsApi;
  rendermime: IRenderMimeRegistry;
}

/**
 * Opens session panels and keeps track of them.
 */
export class SessionPanels {
  constructor(options: ISessionPanelsOptions) {
    this._options = options;
    this.tracker = new WidgetTracker<SessionPanel>({
      namespace: SESSION_TRACKER_NAMESPACE
    });
  }

  /**
   * The tracker of the open panels.
   */
  readonly tracker: WidgetTracker<SessionPanel>;

  /**
   * The panel of a session, if open.
   */
  find(sessionId: string): SessionPanel | undefined {
    return this.tracker.find(panel => panel.sessionId === sessionId);
  }

  /**
   * The session panel last focused, if any is open.
   */
  get current(): SessionPanel | null {
    return this.tracker.currentWidget;
  }

  /**
   * Open the panel of a session (or reveal it when open already).
   */
  async open(
    sessionId: string,
    options: { activate?: boolean } = {}
  ): Promise<SessionPanel> {
    const { app } = this._options;
    const activate = options.activate ?? true;
    let panel = this.find(sessionId);
    if (panel === undefined) {
      panel = new SessionPanel({ ...this._options, sessionId });
      await this.tracker.add(panel);
      app.shell.add(panel, 'main', { type: 'CodeCall session', activate });
    } else {
      // A panel that is open already gets fresh data at once.
      void panel.model.refresh();
    }
    if (activate) {
      app.shell.activateById(panel.id);
    }
    return panel;
  }

  private _options: ISessionPanelsOptions;
}
