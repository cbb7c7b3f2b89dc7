/**
 * Main-area panels kept one per key (a widget id): opening one that is
 * open already reveals it.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { MainAreaWidget, WidgetTracker } from '@jupyterlab/apputils';

export class MainAreaPanels<T extends MainAreaWidget> {
  constructor(app: JupyterFrontEnd, namespace: string, type: string) {
    this._app = app;
    this._type = type;
    this.tracker = new WidgetTracker<T>({ namespace });
  }

  readonly tracker: WidgetTracker<T>;

  find(id: string): T | undefined {
    return this.tracker.find(panel => panel.id === id);
  }

  /**
   * Reveal the panel `id`, made by `create` when it is not open.
   */
  async open(id: string, create: () => T): Promise<T> {
    let panel = this.find(id);
    if (panel === undefined) {
      panel = create();
      panel.id = id;
      await this.tracker.add(panel);
      this._app.shell.add(panel, 'main', { type: this._type });
    }
    this._app.shell.activateById(panel.id);
    return panel;
  }

  private _app: JupyterFrontEnd;
  private _type: string;
}
