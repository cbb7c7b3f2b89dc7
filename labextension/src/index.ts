/**
 * CodeCall for Jupyter: the JupyterLab plugins.
 */
import {
  ILayoutRestorer,
  JupyterFrontEnd,
  JupyterFrontEndPlugin
} from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IDocumentManager } from '@jupyterlab/docmanager';
import { ILauncher } from '@jupyterlab/launcher';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { ITranslator } from '@jupyterlab/translation';
import { CommandToolbarButton } from '@jupyterlab/ui-components';
import { Debouncer } from '@lumino/polling';

import { CodeCallClient } from './api';
import { addCommands } from './commands';
import { FriendsModel } from './friendsModel';
import { joinTokenInPageUrl, removeJoinTokenFromPageUrl } from './joinLink';
import { followUserEvents } from './liveLists';
import { CodeCallModel } from './model';
import { CodeCallSidebar } from './panel';
import { addProblemCommands } from './problemCommands';
import { ProblemsApi } from './problemsApi';
import { ReplayPanels } from './replayPanel';
import { RunApi } from './runApi';
import { RunnerStatusModel } from './runnerStatus';
import {
  ISessionFlows,
  declineInvitation,
  joinSession,
  joinSessionByToken
} from './sessionActions';
import { addSessionCommands } from './sessionCommands';
import { SessionPanels } from './sessionPanels';
import { SessionsModel } from './sessionsModel';
import { openSessionWorkspace } from './sessionWorkspace';
import { CodeCallSettings } from './settings';
import { UserEventsSocket } from './userEvents';
import {
  CommandIDs,
  PLUGIN_ID,
  SIDEBAR_ID,
  TRANSLATION_DOMAIN
} from './tokens';
import { OPEN_WHITEBOARD_COMMAND, whiteboardPlugin } from './whiteboard/plugin';

/**
 * The main plugin: sidebar, session panels, commands and settings.
 */
const plugin: JupyterFrontEndPlugin<void> = {
  id: PLUGIN_ID,
  description: 'CodeCall for Jupyter: account, friends and practice sessions.',
  autoStart: true,
  requires: [ITranslator, IRenderMimeRegistry],
  optional: [
    ICommandPalette,
    ISettingRegistry,
    ILayoutRestorer,
    ILauncher,
    IDocumentManager
  ],
  activate: (
    app: JupyterFrontEnd,
    translator: ITranslator,
    rendermime: IRenderMimeRegistry,
    palette: ICommandPalette | null,
    settingRegistry: ISettingRegistry | null,
    restorer: ILayoutRestorer | null,
    launcher: ILauncher | null,
    docManager: IDocumentManager | null
  ): void => {
    const trans = translator.load(TRANSLATION_DOMAIN);
    // Taken out of the address at once, so that a reload does not join again.
    const joinToken = joinTokenInPageUrl();
    removeJoinTokenFromPageUrl();

    const settings = new CodeCallSettings();
    if (settingRegistry) {
      void settings.load(settingRegistry, PLUGIN_ID);
    }

    const client = new CodeCallClient({
      serverSettings: app.serviceManager.serverSettings,
      fallbackMessage: status =>
        trans.__('The CodeCall server answered with status %1.', status),
      networkMessage: trans.__('The CodeCall server could not be reached.')
    });
    const model = new CodeCallModel(client);
    const friends = new FriendsModel(client);
    const sessions = new SessionsModel(client);
    const runApi = new RunApi(client);
    const runner = new RunnerStatusModel(runApi);
    const problemsApi = new ProblemsApi(client);
    // Panels report every change; bursts of reports reload the lists once.
    const reloadLists = new Debouncer(() => sessions.refresh(), 300);
    const panels = new SessionPanels({
      app,
      client,
      account: model,
      friends,
      trans,
      runApi,
      runner,
      defaultRunLanguage: () => settings.values.defaultRunLanguage,
      callDefaults: () => ({
        camera: settings.values.cameraOnJoin,
        microphone: settings.values.microphoneOnJoin
      }),
      onAction: () => {
        void reloadLists.invoke();
      },
      notify: () => settings.values.notifications,
      openReplay: id => {
        void app.commands.execute(CommandIDs.replaySession, { id });
      },
      openPath: path => {
        if (docManager) {
          docManager.openOrReveal(path);
        } else {
          void app.commands.execute('docmanager:open', { path });
        }
      },
      openWorkspace: (files, panelId) =>
        openSessionWorkspace(app, docManager, files, panelId),
      problemsApi,
      rendermime
    });
    const replays = new ReplayPanels(app, client);
    // Each session panel's toolbar opens the session's whiteboard.
    panels.tracker.widgetAdded.connect((_, panel) => {
      panel.toolbar.addItem(
        'whiteboard',
        new CommandToolbarButton({
          commands: app.commands,
          id: OPEN_WHITEBOARD_COMMAND,
          args: { id: panel.sessionId },
          label: trans.__('Whiteboard')
        })
      );
    });
    const flows: ISessionFlows = {
      sessions,
      trans,
      openSession: id => {
        void app.commands.execute(CommandIDs.openSession, { id });
      },
      languages: () => runApi.languages()
    };

    const userEvents = new UserEventsSocket(app.serviceManager.serverSettings);
    followUserEvents({
      socket: userEvents,
      friends,
      sessions,
      trans,
      notify: () => settings.values.notifications,
      openSidebar: () => app.shell.activateById(SIDEBAR_ID),
      openSession: id => flows.openSession(id)
    });
    userEvents.open();

    const sidebar = new CodeCallSidebar({
      model,
      friends,
      sessions,
      runner,
      trans,
      actions: {
        newSession: () => {
          void app.commands.execute(CommandIDs.newSession);
        },
        joinWithLink: () => {
          void app.commands.execute(CommandIDs.joinSession);
        },
        open: session => flows.openSession(session.id),
        join: session => {
          void joinSession(flows, session);
        },
        decline: session => {
          void declineInvitation(flows, session);
        }
      },
      practice: {
        browseProblems: () => {
          void app.commands.execute(CommandIDs.browseProblems);
        },
        newProblem: () => {
          void app.commands.execute(CommandIDs.newProblem);
        },
        myProgress: () => {
          void app.commands.execute(CommandIDs.myProgress);
        }
      }
    });
    app.shell.add(sidebar, 'left', { rank: 200 });

    addCommands({ app, model, trans, palette });
    addSessionCommands({
      app,
      flows,
      friends,
      panels,
      replays,
      settings,
      problems: problemsApi,
      trans,
      palette
    });
    addProblemCommands({
      app,
      api: problemsApi,
      account: model,
      runApi,
      rendermime,
      trans,
      palette,
      restorer
    });

    if (restorer) {
      restorer.add(sidebar, SIDEBAR_ID);
      void restorer.restore(panels.tracker, {
        command: CommandIDs.openSession,
        args: panel => ({ id: panel.sessionId }),
        name: panel => panel.sessionId
      });
    }

    if (launcher) {
      launcher.add({
        command: CommandIDs.newSession,
        category: trans.__('CodeCall'),
        rank: 1,
        args: { isLauncher: true }
      });
    }

    void model.refresh();

    if (joinToken !== null) {
      void app.restored.then(() => joinSessionByToken(flows, joinToken));
    }
  }
};

export default [plugin, whiteboardPlugin];
