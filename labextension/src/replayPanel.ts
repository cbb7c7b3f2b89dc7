/**
 * The main-area panel replaying one session, and the opener that keeps
 * one panel per session.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, WidgetTracker } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButton } from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';

import { CodeCallClient } from './api';
import { codecallIcon } from './icons';
import { ReplayApi } from './replayApi';
import { ReplayModel } from './replayModel';
import { ReplayView } from './replayView';

/**
 * The prefix of the replay panels' widget ids.
 */
export const REPLAY_PANEL_PREFIX = 'codecall-replay-';

export interface IReplayPanelOptions {
  client: CodeCallClient;
  sessionId: string;
  /**
   * The session's title, when known.
   */
  title?: string;
  trans: TranslationBundle;
}

export class ReplayPanel extends MainAreaWidget<ReplayView> {
  constructor(options: IReplayPanelOptions) {
    const { trans } = options;
    const model = new ReplayModel(
      new ReplayApi(options.client, options.sessionId)
    );
    super({ content: new ReplayView({ model, trans }) });
    this._model = model;
    this.sessionId = options.sessionId;
    this.id = REPLAY_PANEL_PREFIX + options.sessionId;
    this.addClass('cc-ReplayMainArea');
    this.title.icon = codecallIcon;
    this.title.closable = true;
    this.setTitle(options.title ?? null, trans);
    this.toolbar.addItem(
      'reload',
      new ToolbarButton({
        icon: refreshIcon,
        tooltip: trans.__('Reload the timeline'),
        onClick: () => {
          void model.load();
        }
      })
    );
    void model.load();
  }

  readonly sessionId: string;

  get model(): ReplayModel {
    return this._model;
  }

  setTitle(title: string | null, trans: TranslationBundle): void {
    this.title.label = title
      ? trans.__('Replay: %1', title)
      : trans.__('Session replay');
    this.title.caption = title
      ? trans.__('Replay of the practice session “%1”', title)
      : trans.__('Replay of a practice session');
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._model.dispose();
    super.dispose();
  }

  protected onBeforeHide(msg: Message): void {
    this._model.pause();
    super.onBeforeHide(msg);
  }

  private _model: ReplayModel;
}

/**
 * Opens replay panels, one per session.
 */
export class ReplayPanels {
  constructor(app: JupyterFrontEnd, client: CodeCallClient) {
    this._app = app;
    this._client = client;
    this.tracker = new WidgetTracker<ReplayPanel>({
      namespace: 'codecall-replay'
    });
  }

  readonly tracker: WidgetTracker<ReplayPanel>;

  /**
   * Open (or reveal and reload) the replay of a session.
   */
  async open(
    sessionId: string,
    trans: TranslationBundle,
    title?: string
  ): Promise<ReplayPanel> {
    let panel = this.tracker.find(p => p.sessionId === sessionId);
    if (panel === undefined) {
      panel = new ReplayPanel({
        client: this._client,
        sessionId,
        title,
        trans
      });
      await this.tracker.add(panel);
      this._app.shell.add(panel, 'main', { type: 'CodeCall replay' });
    } else {
      if (title) {
        panel.setTitle(title, trans);
      }
      void panel.model.load();
    }
    this._app.shell.activateById(panel.id);
    return panel;
  }

  private _app: JupyterFrontEnd;
  private _client: CodeCallClient;
}
