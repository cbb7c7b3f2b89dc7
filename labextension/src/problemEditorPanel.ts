/**
 * A main-area panel writing one problem of mine (or a new one).
 */
import { MainAreaWidget } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import { Message } from '@lumino/messaging';

import { confirm } from './confirm';
import { codecallIcon } from './icons';
import { ProblemEditorModel } from './problemEditorModel';
import { ProblemEditorView } from './problemEditorView';
import { ProblemsApi } from './problemsApi';
import { IOwnProblem } from './problemTypes';

/**
 * The prefix of the editor panels' ids (then the problem id, or `new-N`).
 */
export const PROBLEM_EDITOR_PREFIX = 'codecall-problem-editor-';

export interface IProblemEditorPanelOptions {
  api: ProblemsApi;
  /**
   * The problem to edit; null for a new one.
   */
  problemId: string | null;
  loadTemplates: () => Promise<{ [language: string]: string }>;
  /**
   * Called after each save.
   */
  onSaved: (own: IOwnProblem) => void;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

export class ProblemEditorPanel extends MainAreaWidget<ProblemEditorView> {
  constructor(options: IProblemEditorPanelOptions) {
    const { trans } = options;
    const model = new ProblemEditorModel(options.api, trans, options.problemId);
    super({
      content: new ProblemEditorView({
        model,
        loadTemplates: options.loadTemplates,
        rendermime: options.rendermime,
        trans
      })
    });
    this._model = model;
    this._trans = trans;
    this.addClass('cc-ProblemEditorMainArea');
    this.title.icon = codecallIcon;
    this.title.closable = true;
    this._setTitle(options.problemId);
    model.saved.connect((_, own) => {
      this._setTitle(own.problem.title);
      options.onSaved(own);
    });
    model.stateChanged.connect((_, state) => {
      // JupyterLab's own mark of unsaved work on the tab.
      this.title.className = state.dirty ? 'jp-mod-dirty' : '';
    });
    void model.load();
  }

  get model(): ProblemEditorModel {
    return this._model;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._model.dispose();
    super.dispose();
  }

  /**
   * Closing with unsaved changes asks first.
   */
  protected onCloseRequest(msg: Message): void {
    if (!this._model.state.dirty) {
      super.onCloseRequest(msg);
      return;
    }
    void confirm({
      title: this._trans.__('Close the problem editor'),
      body: this._trans.__('Your changes are not saved. Close anyway?'),
      accept: this._trans.__('Close'),
      warn: true,
      trans: this._trans
    }).then(sure => {
      if (sure) {
        this.dispose();
      }
    });
  }

  private _setTitle(name: string | null): void {
    this.title.label =
      name === null
        ? this._trans.__('New problem')
        : this._trans.__('Problem: %1', name);
    this.title.caption = this._trans.__('Write a problem of your own');
  }

  private _model: ProblemEditorModel;
  private _trans: TranslationBundle;
}
