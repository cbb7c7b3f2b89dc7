/**
 * The Progress panel: my practice over time and my past sessions.
 */
import { MainAreaWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButton } from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';

import { codecallIcon } from './icons';
import { IPastSession } from './problemTypes';
import { ProblemsApi } from './problemsApi';
import { ProgressModel } from './progressModel';
import { ProgressView } from './progressView';

/**
 * The id of the (one) Progress panel.
 */
export const PROGRESS_PANEL_ID = 'codecall-progress';

export interface IProgressPanelOptions {
  api: ProblemsApi;
  openReplay: (session: IPastSession) => void;
  trans: TranslationBundle;
}

export class ProgressPanel extends MainAreaWidget<ProgressView> {
  constructor(options: IProgressPanelOptions) {
    const { trans } = options;
    const model = new ProgressModel(options.api);
    super({
      content: new ProgressView({
        model,
        openReplay: options.openReplay,
        trans
      })
    });
    this._model = model;
    this.id = PROGRESS_PANEL_ID;
    this.addClass('cc-ProgressMainArea');
    this.title.icon = codecallIcon;
    this.title.label = trans.__('My progress');
    this.title.caption = trans.__('Problems solved, streaks and past sessions');
    this.title.closable = true;
    this.toolbar.addItem(
      'refresh',
      new ToolbarButton({
        icon: refreshIcon,
        tooltip: trans.__('Reload my progress'),
        onClick: () => {
          void model.refresh();
        }
      })
    );
  }

  get model(): ProgressModel {
    return this._model;
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    void this._model.refresh();
  }

  private _model: ProgressModel;
}
