/**
 * The whiteboard plugin: the `.whiteboard` file type, its collaborative
 * shared model, the canvas widget factory and the "Open whiteboard"
 * command of practice sessions.
 */
import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { WidgetTracker } from '@jupyterlab/apputils';
import { PageConfig } from '@jupyterlab/coreutils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ICollaborativeContentProvider } from '@jupyter/collaborative-drive';
import { ITranslator } from '@jupyterlab/translation';
import { LabIcon } from '@jupyterlab/ui-components';

import { CodeCallClient } from '../api';
import { TRANSLATION_DOMAIN } from '../tokens';
import { WhiteboardDocument, WhiteboardFactory } from './document';
import {
  WHITEBOARD_CONTENT_TYPE,
  WHITEBOARD_MODEL_NAME,
  WhiteboardModelFactory,
  YWhiteboard
} from './model';
import { IWhiteboardAccess } from './view';

export const WHITEBOARD_PLUGIN_ID = 'codecall-jupyter:whiteboard';
export const WHITEBOARD_FACTORY = 'CodeCall Whiteboard';
export const OPEN_WHITEBOARD_COMMAND = 'codecall:open-whiteboard';
/**
 * The whiteboard every session folder has (`services/solutions.py`).
 */
export const SESSION_WHITEBOARD = 'whiteboard.whiteboard';

const WHITEBOARD_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 24 24">
  <g class="jp-icon3" fill="#616161">
    <path fill-rule="evenodd" d="M3 3h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1h-8v2.3l3.2 2-1 1.5L12 20.9l-3.2 1.9-1-1.5 3.2-2V17H3a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1zm1 2v10h16V5z"/>
    <path d="M6 12.5c1.6-3.2 3-4.6 4.2-4.1 1.4.6-.3 3.3 1 3.7 1 .3 2.3-1.7 3.4-2.7l1.2 1.2c-1.6 1.6-3 3.4-5 2.8-1.9-.6-1-2.8-1.2-3.1-.4.3-1.4 1.4-2.2 3z"/>
  </g>
</svg>`;

export const whiteboardIcon = new LabIcon({
  name: 'codecall-jupyter:whiteboard',
  svgstr: WHITEBOARD_SVG
});

/**
 * The folder, below the server's root, that holds the session folders
 * (the server's `CodeCallApp.sessions_dir`).
 */
export function sessionsDir(): string {
  return PageConfig.getOption('codecallSessionsDir') || 'codecall-sessions';
}

/**
 * The whiteboard of a session.
 */
export function sessionWhiteboardPath(sessionId: string): string {
  return `${sessionsDir()}/${sessionId}/${SESSION_WHITEBOARD}`;
}

/**
 * The session whose folder holds a path, if any.
 */
export function sessionOfPath(path: string): string | null {
  const prefix = `${sessionsDir()}/`;
  const clean = path.replace(/^\/+/, '');
  if (!clean.startsWith(prefix)) {
    return null;
  }
  const id = clean.slice(prefix.length).split('/')[0];
  return id || null;
}

/**
 * What the user may do on a board: in a session folder the host (or the
 * server's owner) may clear it and observers only look; elsewhere anyone
 * who can open it may do anything. The server enforces who may write;
 * this only shapes the toolbar.
 */
async function accessTo(
  client: CodeCallClient,
  path: string
): Promise<IWhiteboardAccess> {
  const sessionId = sessionOfPath(path);
  if (sessionId === null) {
    return { mayClear: true, readOnly: false };
  }
  const [session, me] = await Promise.all([
    client.getSession(sessionId).catch(() => null),
    client.getMe().catch(() => null)
  ]);
  const owner = me?.is_owner ?? false;
  if (session === null) {
    return { mayClear: owner };
  }
  return {
    mayClear: owner || session.is_host,
    readOnly: !owner && !session.is_host && session.my_role === 'observer'
  };
}

export const whiteboardPlugin: JupyterFrontEndPlugin<void> = {
  id: WHITEBOARD_PLUGIN_ID,
  description: 'CodeCall for Jupyter: the collaborative whiteboard.',
  autoStart: true,
  requires: [ITranslator],
  optional: [ICollaborativeContentProvider, IDocumentManager, ILayoutRestorer],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator,
    rtc: ICollaborativeContentProvider | null,
    docManager: IDocumentManager | null,
    restorer: ILayoutRestorer | null
  ): void => {
    const trans = translator.load(TRANSLATION_DOMAIN);
    const client = new CodeCallClient({
      serverSettings: app.serviceManager.serverSettings
    });

    // Without the collaborative drive the board still opens, from and to
    // the file (only one person at a time then).
    rtc?.sharedModelFactory.registerDocumentFactory(
      WHITEBOARD_CONTENT_TYPE,
      () => YWhiteboard.create()
    );
    app.docRegistry.addFileType({
      name: 'whiteboard',
      displayName: trans.__('Whiteboard'),
      extensions: ['.whiteboard'],
      mimeTypes: ['application/x-codecall-whiteboard+json'],
      contentType: WHITEBOARD_CONTENT_TYPE,
      fileFormat: 'text',
      icon: whiteboardIcon
    });
    app.docRegistry.addModelFactory(new WhiteboardModelFactory());
    const factory = new WhiteboardFactory({
      name: WHITEBOARD_FACTORY,
      label: trans.__('Whiteboard'),
      modelName: WHITEBOARD_MODEL_NAME,
      fileTypes: ['whiteboard'],
      defaultFor: ['whiteboard'],
      contentProviderId: rtc ? 'rtc' : undefined,
      translator,
      trans,
      user: () => {
        const identity = app.serviceManager.user.identity;
        return identity?.username ?? '';
      },
      access: path => accessTo(client, path)
    });
    app.docRegistry.addWidgetFactory(factory);

    const tracker = new WidgetTracker<WhiteboardDocument>({
      namespace: 'codecall-whiteboard'
    });
    factory.widgetCreated.connect((_, widget) => {
      widget.title.icon = whiteboardIcon;
      widget.context.pathChanged.connect(() => {
        void tracker.save(widget);
      });
      void tracker.add(widget);
    });
    if (restorer) {
      void restorer.restore(tracker, {
        command: 'docmanager:open',
        args: widget => ({
          path: widget.context.path,
          factory: WHITEBOARD_FACTORY
        }),
        name: widget => widget.context.path
      });
    }

    app.commands.addCommand(OPEN_WHITEBOARD_COMMAND, {
      label: trans.__('Open whiteboard'),
      caption: trans.__("Open the practice session's shared whiteboard"),
      icon: args => (args.isPalette ? undefined : whiteboardIcon),
      describedBy: {
        args: {
          type: 'object',
          properties: {
            id: { type: 'string', description: 'The session id' },
            path: {
              type: 'string',
              description: 'A whiteboard file (instead of a session id)'
            }
          }
        }
      },
      isEnabled: () => docManager !== null,
      execute: args => {
        const path =
          typeof args.path === 'string' && args.path
            ? args.path
            : typeof args.id === 'string' && args.id
              ? sessionWhiteboardPath(args.id)
              : null;
        if (!docManager || path === null) {
          console.warn(
            'CodeCall: codecall:open-whiteboard needs an id or a path'
          );
          return;
        }
        return docManager.openOrReveal(path, WHITEBOARD_FACTORY);
      }
    });
  }
};
