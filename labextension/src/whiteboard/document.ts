/**
 * The whiteboard as a JupyterLab document: a document widget around the
 * canvas view, and its widget factory.
 */
import {
  ABCWidgetFactory,
  DocumentRegistry,
  DocumentWidget
} from '@jupyterlab/docregistry';
import { PathExt } from '@jupyterlab/coreutils';
import { TranslationBundle } from '@jupyterlab/translation';

import { WhiteboardModel } from './model';
import { IWhiteboardAccess, WhiteboardView } from './view';

/**
 * An open whiteboard file.
 */
export class WhiteboardDocument extends DocumentWidget<
  WhiteboardView,
  WhiteboardModel
> {
  constructor(
    options: DocumentWidget.IOptions<WhiteboardView, WhiteboardModel>
  ) {
    super(options);
    this.addClass('cc-WhiteboardDocument');
  }
}

/**
 * Options of the whiteboard widget factory.
 */
export interface IWhiteboardFactoryOptions extends DocumentRegistry.IWidgetFactoryOptions<WhiteboardDocument> {
  trans: TranslationBundle;
  /**
   * The name recorded as the author of what this user draws.
   */
  user: () => string;
  /**
   * What the user may do on the board at a path (looked up once per
   * opened board; the view starts with `mayClear` and drawing allowed).
   */
  access: (path: string) => Promise<IWhiteboardAccess>;
}

/**
 * Makes whiteboard document widgets.
 */
export class WhiteboardFactory extends ABCWidgetFactory<
  WhiteboardDocument,
  WhiteboardModel
> {
  constructor(options: IWhiteboardFactoryOptions) {
    super(options);
    this._trans = options.trans;
    this._user = options.user;
    this._access = options.access;
  }

  protected createNewWidget(
    context: DocumentRegistry.IContext<WhiteboardModel>
  ): WhiteboardDocument {
    const content = new WhiteboardView({
      model: context.model.sharedModel,
      trans: this._trans,
      user: this._user(),
      fileName: PathExt.basename(context.localPath, '.whiteboard')
    });
    const widget = new WhiteboardDocument({ content, context });
    void this._access(context.localPath).then(
      access => {
        if (!content.isDisposed) {
          content.setAccess(access);
        }
      },
      reason => console.warn('CodeCall: whiteboard access unknown', reason)
    );
    return widget;
  }

  private _trans: TranslationBundle;
  private _user: () => string;
  private _access: (path: string) => Promise<IWhiteboardAccess>;
}
