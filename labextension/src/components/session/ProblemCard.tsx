/**
 * The session's problem: its statement and examples, and the hints the
 * interviewer revealed. The host and interviewers also see every hint with
 * "Reveal next hint", the follow-up question and the reference solutions.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { useStateOf } from '../../hooks';
import { programLanguageLabel } from '../../problemLabels';
import { statementBody } from '../../problemStatement';
import { IProblemGuide, ISessionProblem } from '../../problemTypes';
import { SessionProblemModel } from '../../sessionProblemModel';
import { CodeBlock } from '../CodeBlock';
import { Markdown } from '../Markdown';
import { DifficultyBadge } from '../problems/DifficultyBadge';
import { ProblemExamples } from '../problems/ProblemExamples';
import { ProblemTags } from '../problems/ProblemTags';

export interface IProblemCardProps {
  model: SessionProblemModel;
  /**
   * Hints may be revealed (a running session).
   */
  live: boolean;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

function RevealedHints(props: {
  hints: ReadonlyArray<string>;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}): JSX.Element {
  const { hints, rendermime, trans } = props;
  if (hints.length === 0) {
    return (
      <p className="cc-Hint">{trans.__('No hint has been revealed yet.')}</p>
    );
  }
  return (
    <ol className="cc-HintList" data-testid="codecall-revealed-hints">
      {hints.map((hint, i) => (
        <li key={i} className="cc-HintItem cc-mod-revealed">
          <Markdown source={hint} rendermime={rendermime} />
        </li>
      ))}
    </ol>
  );
}

function Guide(props: {
  guide: IProblemGuide;
  revealed: number;
  live: boolean;
  onReveal: () => Promise<void>;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}): JSX.Element {
  const { guide, revealed, live, rendermime, trans } = props;
  const [busy, setBusy] = useState(false);
  const left = guide.hints.length - revealed;
  const reveal = async (): Promise<void> => {
    setBusy(true);
    try {
      await props.onReveal();
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="cc-ProblemGuide" data-testid="codecall-problem-guide">
      <h4 className="cc-Section-subtitle">
        {trans.__('Hints, for the interviewer')}
      </h4>
      {guide.hints.length === 0 ? (
        <p className="cc-Hint">{trans.__('This problem has no hints.')}</p>
      ) : (
        <ol className="cc-HintList">
          {guide.hints.map((hint, i) => (
            <li
              key={i}
              className={`cc-HintItem ${i < revealed ? 'cc-mod-revealed' : 'cc-mod-hidden'}`}
            >
              <span className="cc-HintItem-state">
                {i < revealed ? trans.__('Revealed') : trans.__('Not revealed')}
              </span>
              <Markdown source={hint} rendermime={rendermime} />
            </li>
          ))}
        </ol>
      )}
      {guide.hints.length > 0 && (
        <div className="cc-ButtonRow">
          <button
            type="button"
            className="cc-Button cc-mod-accept"
            disabled={busy || left <= 0 || !live}
            onClick={() => void reveal()}
          >
            {trans.__('Reveal next hint')}
          </button>
          <span className="cc-Hint" role="status">
            {left <= 0
              ? trans.__('Every hint has been revealed.')
              : trans._n(
                  '%1 hint left to reveal.',
                  '%1 hints left to reveal.',
                  left
                )}
          </span>
        </div>
      )}
      {guide.follow_up && (
        <div className="cc-FollowUp">
          <h5 className="cc-Label">{trans.__('Follow-up question')}</h5>
          <Markdown source={guide.follow_up} rendermime={rendermime} />
        </div>
      )}
      <p className="cc-Hint">
        {trans._n(
          'Submitting judges against %1 hidden case too.',
          'Submitting judges against %1 hidden cases too.',
          guide.hidden_cases
        )}
      </p>
      {guide.solutions.length > 0 && (
        <div className="cc-Solutions">
          <h5 className="cc-Label">{trans.__('Reference solutions')}</h5>
          {guide.solutions.map(solution => {
            const language = programLanguageLabel(solution.language, trans);
            return (
              <details key={solution.file} className="cc-Solution">
                <summary>
                  {trans.__('%1 (%2)', language, solution.file)}
                </summary>
                <CodeBlock
                  source={solution.source}
                  language={solution.language}
                  rendermime={rendermime}
                  label={trans.__('Reference solution in %1', language)}
                />
              </details>
            );
          })}
        </div>
      )}
    </div>
  );
}

function ProblemBody(props: {
  data: ISessionProblem;
  model: SessionProblemModel;
  live: boolean;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}): JSX.Element {
  const { data, model, live, rendermime, trans } = props;
  const { problem, revealed_hints: revealed, guide } = data;
  const [message, setMessage] = useState<string | null>(null);
  const onReveal = async (): Promise<void> => {
    setMessage(
      await model.revealNext(trans.__('Every hint has been revealed.'))
    );
  };
  return (
    <>
      <div className="cc-ProblemCard-titleRow">
        <span className="cc-ProblemCard-name">{problem.title}</span>
        <DifficultyBadge difficulty={problem.difficulty} trans={trans} />
        <ProblemTags tags={problem.tags} trans={trans} />
      </div>
      <details className="cc-ProblemCard-statement" open>
        <summary>{trans.__('Statement and examples')}</summary>
        <Markdown
          source={statementBody(problem.statement)}
          rendermime={rendermime}
          className="cc-Statement"
          label={trans.__('Statement of %1', problem.title)}
        />
        <ProblemExamples
          examples={problem.examples}
          rendermime={rendermime}
          trans={trans}
        />
      </details>
      {guide === null && (
        <div className="cc-ProblemCard-hints">
          <h4 className="cc-Section-subtitle">{trans.__('Hints')}</h4>
          <RevealedHints
            hints={revealed}
            rendermime={rendermime}
            trans={trans}
          />
        </div>
      )}
      {message && (
        <p className="cc-Hint cc-mod-warning" role="alert">
          {message}
        </p>
      )}
      {guide && (
        <Guide
          guide={guide}
          revealed={revealed.length}
          live={live}
          onReveal={onReveal}
          rendermime={rendermime}
          trans={trans}
        />
      )}
    </>
  );
}

export function ProblemCard(props: IProblemCardProps): JSX.Element {
  const { model, live, rendermime, trans } = props;
  const headingId = useId();
  const state = useStateOf(model.problem);
  return (
    <section
      className="cc-Card cc-ProblemCard"
      aria-labelledby={headingId}
      data-testid="codecall-session-problem"
    >
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Problem')}
      </h3>
      {state.status === 'error' && (
        <div className="cc-Error" role="alert">
          <span>{trans.__('Could not load the problem: %1', state.error)}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => void model.problem.refresh()}
          >
            {trans.__('Retry')}
          </button>
        </div>
      )}
      {state.data === null ? (
        state.status !== 'error' && (
          <p className="cc-Hint" role="status">
            {trans.__('Loading the problem…')}
          </p>
        )
      ) : (
        <ProblemBody
          data={state.data}
          model={model}
          live={live}
          rendermime={rendermime}
          trans={trans}
        />
      )}
    </section>
  );
}
