/**
 * The content of the problem editor: a problem of mine as a form (facts,
 * statement, cases, starters, solutions, hints), saved as the files of a
 * problem folder. The server proves it in the sandbox and names every
 * fault, which shows beside the field it concerns.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useId, useState } from 'react';

import { FaultList } from './components/problems/FaultList';
import { CasesEditor } from './components/problems/editor/CasesEditor';
import { HintFields } from './components/problems/editor/HintFields';
import { MetaFields } from './components/problems/editor/MetaFields';
import { ProgramsEditor } from './components/problems/editor/ProgramsEditor';
import { StatementFields } from './components/problems/editor/StatementFields';
import { useStateOf } from './hooks';
import { ProblemEditorModel } from './problemEditorModel';

export interface IProblemEditorViewProps {
  model: ProblemEditorModel;
  /**
   * The runner's starter program of each language, by language id.
   */
  loadTemplates: () => Promise<{ [language: string]: string }>;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

function Section(props: {
  title: string;
  hint?: string;
  children: React.ReactNode;
}): JSX.Element {
  const id = useId();
  return (
    <section className="cc-Card cc-EditorCard" aria-labelledby={id}>
      <h3 id={id} className="cc-Card-title">
        {props.title}
      </h3>
      {props.hint && <p className="cc-Hint">{props.hint}</p>}
      {props.children}
    </section>
  );
}

function ProblemEditorComponent(props: IProblemEditorViewProps): JSX.Element {
  const { model, loadTemplates, rendermime, trans } = props;
  const state = useStateOf(model);
  const [templates, setTemplates] = useState<{ [id: string]: string }>({});
  useEffect(() => {
    loadTemplates().then(setTemplates, () => undefined);
  }, [loadTemplates]);
  const { draft, places, saving, savedId } = state;
  const change = model.change.bind(model);

  const casesSection = (
    kind: 'examples' | 'hidden',
    title: string,
    hint: string
  ): JSX.Element => (
    <Section title={title} hint={hint}>
      <CasesEditor
        kind={kind}
        cases={draft[kind]}
        places={places}
        onChange={cases => change({ [kind]: cases })}
        trans={trans}
      />
    </Section>
  );
  const programsSection = (
    kind: 'starters' | 'solutions',
    title: string,
    hint: string,
    templateOf: (language: string) => string
  ): JSX.Element => (
    <Section title={title} hint={hint}>
      <ProgramsEditor
        kind={kind}
        programs={draft[kind]}
        pythonOnly={draft.kind === 'data'}
        places={places}
        templateOf={templateOf}
        onChange={programs => change({ [kind]: programs })}
        trans={trans}
      />
    </Section>
  );

  if (state.status === 'loading') {
    return (
      <div className="cc-ProblemEditor">
        <p className="cc-Hint" role="status">
          {trans.__('Loading the problem…')}
        </p>
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="cc-ProblemEditor">
        <div className="cc-Error" role="alert">
          <span>{trans.__('Could not load the problem: %1', state.error)}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => void model.load()}
          >
            {trans.__('Retry')}
          </button>
        </div>
      </div>
    );
  }

  const saveButton = (
    <button
      type="button"
      className="cc-Button cc-mod-accept"
      disabled={saving}
      onClick={() => void model.save()}
    >
      {savedId === null
        ? trans.__('Save the problem')
        : trans.__('Save changes')}
    </button>
  );
  const status = saving ? (
    <span className="cc-RunStatus" role="status">
      <span className="cc-Spinner" aria-hidden="true" />
      {trans.__(
        'Checking in the sandbox: every starter and solution runs against the cases…'
      )}
    </span>
  ) : (
    <span className="cc-Hint" role="status">
      {state.dirty
        ? trans.__('Unsaved changes.')
        : savedId !== null
          ? trans.__('Saved, and proven in the sandbox.')
          : ''}
    </span>
  );

  return (
    <div className="cc-ProblemEditor" aria-busy={saving}>
      <header className="cc-ProblemEditor-header">
        <h2 className="cc-ProblemsView-title">
          {savedId === null
            ? trans.__('New problem')
            : trans.__('Edit problem: %1', draft.title || savedId)}
        </h2>
        <div className="cc-ButtonRow cc-ProblemEditor-actions">
          {saveButton}
          {status}
        </div>
      </header>
      {state.error && (
        <div className="cc-Error" role="alert">
          <span>{trans.__('Could not save the problem: %1', state.error)}</span>
        </div>
      )}
      <FaultList
        faults={state.faults}
        title={trans.__(
          'The problem was not saved. Fix these, each named by its file:'
        )}
        trans={trans}
      />
      <Section title={trans.__('About the problem')}>
        <MetaFields
          draft={draft}
          idLocked={savedId !== null}
          places={places}
          onChange={change}
          trans={trans}
        />
      </Section>
      <Section
        title={trans.__('Statement')}
        hint={trans.__(
          'Markdown. The examples are added from the example cases below.'
        )}
      >
        <StatementFields
          draft={draft}
          onChange={change}
          rendermime={rendermime}
          trans={trans}
        />
      </Section>
      {casesSection(
        'examples',
        trans.__('Example cases'),
        trans.__('Shown in the statement and to the candidate.')
      )}
      {casesSection(
        'hidden',
        trans.__('Hidden cases'),
        trans.__('The candidate sees only whether each passes.')
      )}
      {programsSection(
        'starters',
        trans.__('Starters'),
        trans.__(
          'What the candidate starts from: it reads the input and prints, with the part to write left empty. Each must run the first example without an error.'
        ),
        language => templates[language] ?? ''
      )}
      {programsSection(
        'solutions',
        trans.__('Reference solutions'),
        trans.__(
          'For the interviewer only. Each must pass every case within the time limit.'
        ),
        () => ''
      )}
      <Section title={trans.__('Hints and follow-up')}>
        <HintFields draft={draft} onChange={change} trans={trans} />
      </Section>
      <div className="cc-ButtonRow cc-ProblemEditor-actions">{saveButton}</div>
    </div>
  );
}

/**
 * The content of a problem editor panel.
 */
export class ProblemEditorView extends ReactWidget {
  constructor(props: IProblemEditorViewProps) {
    super();
    this._props = props;
    this.addClass('cc-ProblemEditorPanel');
  }

  protected render(): JSX.Element {
    return <ProblemEditorComponent {...this._props} />;
  }

  private _props: IProblemEditorViewProps;
}
