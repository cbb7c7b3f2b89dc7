/**
 * The commands of the problem bank: browse problems, write one of mine,
 * my progress; their panels, in the palette and restored with the layout.
 */
import { ILayoutRestorer, JupyterFrontEnd } from '@jupyterlab/application';
import { ICommandPalette } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';

import { codecallIcon } from './icons';
import { MainAreaPanels } from './mainAreaPanels';
import { CodeCallModel } from './model';
import { ProblemActions } from './problemActions';
import {
  PROBLEM_EDITOR_PREFIX,
  ProblemEditorPanel
} from './problemEditorPanel';
import { ProblemsApi } from './problemsApi';
import { ProblemsModel } from './problemsModel';
import { PROBLEMS_PANEL_ID, ProblemsPanel } from './problemsPanel';
import { IProblemsActions } from './problemsView';
import { PROGRESS_PANEL_ID, ProgressPanel } from './progressPanel';
import { RunApi } from './runApi';
import { CommandIDs } from './tokens';

export interface IProblemCommandsOptions {
  app: JupyterFrontEnd;
  api: ProblemsApi;
  account: CodeCallModel;
  runApi: RunApi;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
  palette: ICommandPalette | null;
  restorer: ILayoutRestorer | null;
}

export function addProblemCommands(options: IProblemCommandsOptions): void {
  const { app, api, account, runApi, rendermime, trans } = options;
  const { commands } = app;
  const model = new ProblemsModel(api);
  const flows = new ProblemActions(api, trans);
  const problemsPanels = new MainAreaPanels<ProblemsPanel>(
    app,
    'codecall-problems',
    'CodeCall problems'
  );
  const progressPanels = new MainAreaPanels<ProgressPanel>(
    app,
    'codecall-progress',
    'CodeCall progress'
  );
  const editors = new MainAreaPanels<ProblemEditorPanel>(
    app,
    'codecall-problem-editor',
    'CodeCall problem editor'
  );
  let newEditors = 0;

  let templates: Promise<{ [language: string]: string }> | null = null;
  const loadTemplates = (): Promise<{ [language: string]: string }> => {
    templates ??= runApi.languages().then(
      languages => {
        const map: { [language: string]: string } = {};
        for (const language of languages) {
          map[language.id] = language.starter;
        }
        return map;
      },
      () => {
        templates = null; // try again next time
        return {};
      }
    );
    return templates;
  };

  const openEditor = (problemId: string | null): Promise<ProblemEditorPanel> =>
    editors.open(
      PROBLEM_EDITOR_PREFIX + (problemId ?? `new-${++newEditors}`),
      () => {
        const panel: ProblemEditorPanel = new ProblemEditorPanel({
          api,
          problemId,
          loadTemplates,
          onSaved: own => {
            // A new problem's editor is its editor from now on.
            const id = PROBLEM_EDITOR_PREFIX + own.id;
            if (panel.id !== id && editors.find(id) === undefined) {
              panel.id = id;
            }
            void model.refresh().then(() => model.select(own.id));
          },
          rendermime,
          trans
        });
        return panel;
      }
    );

  const actions: IProblemsActions = {
    practice: problem => {
      void commands.execute(CommandIDs.newSession, { problemId: problem.id });
    },
    edit: id => {
      void commands.execute(CommandIDs.editProblem, { id });
    },
    exportZip: id => {
      void flows.exportZip(id);
    },
    remove: problem => {
      void flows.remove(problem).then(deleted => {
        if (deleted) {
          model.forget(problem.id);
        }
      });
    },
    newProblem: () => {
      void commands.execute(CommandIDs.newProblem);
    },
    importZip: () => {
      void flows.importZip().then(own => {
        if (own !== null) {
          void model.refresh().then(() => model.select(own.id));
        }
      });
    }
  };

  commands.addCommand(CommandIDs.browseProblems, {
    label: trans.__('Browse problems'),
    caption: trans.__(
      'Search the problem bank, read statements and practise one'
    ),
    icon: args => (args.isPalette ? undefined : codecallIcon),
    execute: () =>
      problemsPanels.open(
        PROBLEMS_PANEL_ID,
        () => new ProblemsPanel({ model, account, actions, rendermime, trans })
      )
  });

  commands.addCommand(CommandIDs.newProblem, {
    label: trans.__('New problem'),
    caption: trans.__('Write a problem of your own'),
    icon: args => (args.isPalette ? undefined : codecallIcon),
    execute: () => openEditor(null)
  });

  commands.addCommand(CommandIDs.editProblem, {
    label: trans.__('Edit problem'),
    caption: trans.__('Edit a problem of your own'),
    describedBy: {
      args: {
        type: 'object',
        properties: {
          id: { type: 'string', description: 'The problem id' }
        },
        required: ['id']
      }
    },
    execute: args => {
      const id = args.id;
      if (typeof id !== 'string' || !id) {
        console.warn('CodeCall: codecall:edit-problem needs a problem id');
        return;
      }
      return openEditor(id);
    }
  });

  commands.addCommand(CommandIDs.myProgress, {
    label: trans.__('My progress'),
    caption: trans.__(
      'Problems solved by difficulty and tag, streaks and past sessions'
    ),
    icon: args => (args.isPalette ? undefined : codecallIcon),
    execute: async () => {
      const open = progressPanels.find(PROGRESS_PANEL_ID) !== undefined;
      const panel = await progressPanels.open(
        PROGRESS_PANEL_ID,
        () =>
          new ProgressPanel({
            api,
            openReplay: session => {
              void commands.execute(CommandIDs.replaySession, {
                id: session.session_id
              });
            },
            trans
          })
      );
      if (open) {
        void panel.model.refresh(); // a new one loads as it is attached
      }
      return panel;
    }
  });

  if (options.palette) {
    const category = trans.__('CodeCall');
    for (const command of [
      CommandIDs.browseProblems,
      CommandIDs.newProblem,
      CommandIDs.myProgress
    ]) {
      options.palette.addItem({ command, category, args: { isPalette: true } });
    }
  }

  if (options.restorer) {
    void options.restorer.restore(problemsPanels.tracker, {
      command: CommandIDs.browseProblems,
      name: () => 'problems'
    });
    void options.restorer.restore(progressPanels.tracker, {
      command: CommandIDs.myProgress,
      name: () => 'progress'
    });
  }
}
