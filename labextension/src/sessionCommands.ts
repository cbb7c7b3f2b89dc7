/**
 * The commands of practice sessions: new, open (by id) and join (by link).
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { FriendsModel } from './friendsModel';
import { codecallIcon } from './icons';
import { newSession } from './newSession';
import { ProblemsApi } from './problemsApi';
import { IProblemSummary } from './problemTypes';
import { ReplayPanels } from './replayPanel';
import { ISessionFlows, joinWithLink } from './sessionActions';
import { SessionPanels } from './sessionPanels';
import { CodeCallSettings } from './settings';
import { CommandIDs } from './tokens';

export interface ISessionCommandsOptions {
  app: JupyterFrontEnd;
  flows: ISessionFlows;
  friends: FriendsModel;
  panels: SessionPanels;
  replays: ReplayPanels;
  settings: CodeCallSettings;
  problems: ProblemsApi;
  trans: TranslationBundle;
  palette: ICommandPalette | null;
}

export function addSessionCommands(options: ISessionCommandsOptions): void {
  const {
    app,
    flows,
    friends,
    panels,
    replays,
    settings,
    problems,
    trans,
    palette
  } = options;
  const { commands } = app;
  const searchProblems = async (text: string): Promise<IProblemSummary[]> =>
    (await problems.list({ q: text })).problems;

  /**
   * The problem a new session starts with (`problemId` in the args).
   */
  const problemOf = async (
    problemId: unknown
  ): Promise<IProblemSummary | null> => {
    if (typeof problemId !== 'string' || !problemId) {
      return null;
    }
    try {
      return await problems.get(problemId);
    } catch {
      return null; // the dialog lets the user pick another
    }
  };

  commands.addCommand(CommandIDs.newSession, {
    label: args =>
      args.isLauncher
        ? trans.__('Practice session')
        : trans.__('New practice session'),
    caption: trans.__('Start a practice session and invite friends to it'),
    icon: args => (args.isPalette ? undefined : codecallIcon),
    describedBy: {
      args: {
        type: 'object',
        properties: {
          problemId: {
            type: 'string',
            description: 'A problem to start with (its id)'
          }
        }
      }
    },
    execute: async args =>
      newSession({
        sessions: flows.sessions,
        friends,
        trans,
        defaultLanguage: settings.values.defaultLanguage,
        openSession: flows.openSession,
        languages: flows.languages,
        searchProblems,
        problem: await problemOf(args.problemId)
      })
  });

  commands.addCommand(CommandIDs.openSession, {
    label: trans.__('Open practice session'),
    caption: trans.__('Open the panel of a practice session'),
    icon: codecallIcon,
    describedBy: {
      args: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The session id' }
        },
        required: ['id']
      }
    },
    execute: args => {
      const id = args.id;
      if (typeof id !== 'string' || !id) {
        console.warn('CodeCall: codecall:open-session needs a session id');
        return;
      }
      return panels.open(id);
    }
  });

  commands.addCommand(CommandIDs.runSolution, {
    label: trans.__('Run solution'),
    caption: trans.__(
      "Run the entry file of the open practice session's folder"
    ),
    isEnabled: () => panels.current?.runs.canRun ?? false,
    execute: async () => {
      const panel = panels.current;
      if (!panel) {
        return;
      }
      if (!panel.isVisible) {
        // Show where the result comes; the editor keeps the focus otherwise.
        app.shell.activateById(panel.id);
      }
      await panel.runs.run();
    }
  });

  commands.addCommand(CommandIDs.replaySession, {
    label: trans.__('Replay practice session'),
    caption: trans.__(
      'Replay a practice session: its documents at any moment, with its runs, chat and activity'
    ),
    icon: args => (args.isPalette ? undefined : codecallIcon),
    describedBy: {
      args: {
        type: 'object',
        properties: {
          id: {
            type: 'string',
            description: 'The session id (default: the current session panel)'
          }
        }
      }
    },
    isEnabled: args =>
      (typeof args.id === 'string' && args.id !== '') ||
      panels.current !== null,
    execute: args => {
      const id =
        typeof args.id === 'string' && args.id
          ? args.id
          : (panels.current?.sessionId ?? null);
      if (id === null) {
        console.warn('CodeCall: codecall:replay-session needs a session id');
        return;
      }
      const title = panels.find(id)?.model.state.session?.title;
      return replays.open(id, trans, title);
    }
  });

  commands.addCommand(CommandIDs.joinSession, {
    label: trans.__('Join session…'),
    caption: trans.__('Join a practice session with its invite link'),
    execute: () => joinWithLink(flows)
  });

  if (palette) {
    const category = trans.__('CodeCall');
    for (const command of [
      CommandIDs.newSession,
      CommandIDs.joinSession,
      CommandIDs.replaySession
    ]) {
      palette.addItem({ command, category, args: { isPalette: true } });
    }
    // No args: the palette shows its shortcut (bound without args).
    palette.addItem({ command: CommandIDs.runSolution, category });
  }
}
