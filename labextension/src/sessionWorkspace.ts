/**
 * The layout of a session's workspace: the shared solution editor split to
 * the right of the session panel, and the file browser in the session's
 * folder. The problem, run console, call and chat are cards of the panel.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { IDocumentManager } from '@jupyterlab/docmanager';

import { ISessionFiles } from './types';

/**
 * Open the workspace beside the panel `panelId`; an editor of the solution
 * that is open already (a restored layout) is only revealed.
 */
export function openSessionWorkspace(
  app: JupyterFrontEnd,
  docManager: IDocumentManager | null,
  files: ISessionFiles,
  panelId: string
): void {
  if (docManager) {
    const open = docManager.findWidget(files.solution);
    if (open) {
      app.shell.activateById(open.id);
    } else {
      docManager.openOrReveal(files.solution, 'default', undefined, {
        mode: 'split-right',
        ref: panelId
      });
    }
  } else {
    void app.commands.execute('docmanager:open', {
      path: files.solution,
      options: { mode: 'split-right', ref: panelId }
    });
  }
  // Where the file browser exists for this user (members see only sessions).
  if (app.commands.hasCommand('filebrowser:go-to-path')) {
    void app.commands
      .execute('filebrowser:go-to-path', {
        path: files.folder,
        dontShowBrowser: true
      })
      .catch(() => undefined);
  }
}
