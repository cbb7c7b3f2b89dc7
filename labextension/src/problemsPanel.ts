/**
 * The Problems panel: browse and search the problems I can use.
 */
import { MainAreaWidget } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButton } from '@jupyterlab/ui-components';
import { Message } from '@lumino/messaging';

import { codecallIcon } from './icons';
import { CodeCallModel } from './model';
import { ProblemsModel } from './problemsModel';
import { IProblemsActions, ProblemsView } from './problemsView';

/**
 * The id of the (one) Problems panel.
 */
export const PROBLEMS_PANEL_ID = 'codecall-problems';

export interface IProblemsPanelOptions {
  model: ProblemsModel;
  account: CodeCallModel;
  actions: IProblemsActions;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

export class ProblemsPanel extends MainAreaWidget<ProblemsView> {
  constructor(options: IProblemsPanelOptions) {
    const { model, trans } = options;
    super({ content: new ProblemsView(options) });
    this._model = model;
    this.id = PROBLEMS_PANEL_ID;
    this.addClass('cc-ProblemsMainArea');
    this.title.icon = codecallIcon;
    this.title.label = trans.__('Problems');
    this.title.caption = trans.__('Browse and search the problem bank');
    this.title.closable = true;
    this.toolbar.addItem(
      'refresh',
      new ToolbarButton({
        icon: refreshIcon,
        tooltip: trans.__('Reload the problems'),
        onClick: () => {
          void model.refresh();
        }
      })
    );
  }

  /**
   * Fresh problems each time the panel comes back.
   */
  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    void this._model.refresh();
  }

  private _model: ProblemsModel;
}
