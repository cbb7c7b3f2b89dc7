/**
 * One problem in full: its facts, the statement (Markdown), the examples
 * and the starters per language, with what I may do with it.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { isMine, sourceLabel } from '../../problemLabels';
import { statementBody } from '../../problemStatement';
import { IProblem } from '../../problemTypes';
import { Markdown } from '../Markdown';
import { DifficultyBadge } from './DifficultyBadge';
import { ProblemExamples } from './ProblemExamples';
import { ProblemTags, SolvedMark } from './ProblemTags';
import { ProgramTabs } from './ProgramTabs';

/**
 * What may be done with a problem on show.
 */
export interface IProblemDetailActions {
  practice: (problem: IProblem) => void;
  edit: (problemId: string) => void;
  exportZip: (problemId: string) => void;
  remove: (problem: IProblem) => void;
}

export interface IProblemDetailProps {
  problem: IProblem;
  myUserId: number | null;
  actions: IProblemDetailActions;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

export function ProblemDetail(props: IProblemDetailProps): JSX.Element {
  const { problem, myUserId, actions, rendermime, trans } = props;
  const headingId = useId();
  const mine = isMine(problem, myUserId);
  return (
    <article
      className="cc-ProblemDetail"
      aria-labelledby={headingId}
      data-problem-id={problem.id}
    >
      <header className="cc-ProblemDetail-header">
        <div className="cc-ProblemDetail-titleRow">
          <h2 id={headingId} className="cc-ProblemDetail-title">
            {problem.title}
          </h2>
          <DifficultyBadge difficulty={problem.difficulty} trans={trans} />
          {problem.solved && <SolvedMark trans={trans} />}
        </div>
        <ProblemTags tags={problem.tags} trans={trans} />
        <p className="cc-Hint">
          {[
            sourceLabel(problem, myUserId, trans),
            trans.__('%1 test cases', problem.cases),
            trans.__('%1 s per case', problem.time_limit),
            problem.hints > 0 ? trans.__('%1 hints', problem.hints) : ''
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="cc-ButtonRow">
          <button
            type="button"
            className="cc-Button cc-mod-accept"
            onClick={() => actions.practice(problem)}
          >
            {trans.__('Practice this problem')}
          </button>
          {mine && (
            <>
              <button
                type="button"
                className="cc-Button"
                onClick={() => actions.edit(problem.id)}
              >
                {trans.__('Edit')}
              </button>
              <button
                type="button"
                className="cc-Button"
                onClick={() => actions.exportZip(problem.id)}
              >
                {trans.__('Export zip')}
              </button>
              <button
                type="button"
                className="cc-Button cc-mod-warn"
                onClick={() => actions.remove(problem)}
              >
                {trans.__('Delete')}
              </button>
            </>
          )}
        </div>
      </header>
      <section className="cc-ProblemDetail-section">
        <h3 className="cc-ProblemDetail-subtitle">{trans.__('Statement')}</h3>
        <Markdown
          source={statementBody(problem.statement)}
          rendermime={rendermime}
          className="cc-Statement"
          label={trans.__('Statement of %1', problem.title)}
        />
      </section>
      {problem.examples.length > 0 && (
        <section className="cc-ProblemDetail-section">
          <h3 className="cc-ProblemDetail-subtitle">{trans.__('Examples')}</h3>
          <ProblemExamples
            examples={problem.examples}
            rendermime={rendermime}
            trans={trans}
          />
        </section>
      )}
      {problem.starters.length > 0 && (
        <section className="cc-ProblemDetail-section">
          <h3 className="cc-ProblemDetail-subtitle">{trans.__('Starters')}</h3>
          <ProgramTabs
            key={problem.id}
            programs={problem.starters}
            label={trans.__('Starter programs by language')}
            rendermime={rendermime}
            trans={trans}
          />
        </section>
      )}
    </article>
  );
}
