/**
 * The problems found: title, difficulty, tags and whether I solved it.
 * Each is a button; the one on show is marked current.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { difficultyLabel } from '../../problemLabels';
import { IProblemSummary } from '../../problemTypes';
import { DifficultyBadge } from './DifficultyBadge';
import { ProblemTags, SolvedMark } from './ProblemTags';

export interface IProblemListProps {
  problems: ReadonlyArray<IProblemSummary>;
  selectedId: string | null;
  onSelect: (problemId: string) => void;
  trans: TranslationBundle;
}

export function ProblemList(props: IProblemListProps): JSX.Element {
  const { problems, selectedId, onSelect, trans } = props;
  return (
    <ul className="cc-ProblemList" aria-label={trans.__('Problems found')}>
      {problems.map(problem => {
        const name = [
          problem.title,
          difficultyLabel(problem.difficulty, trans),
          problem.tags.join(', '),
          problem.solved ? trans.__('solved') : ''
        ]
          .filter(Boolean)
          .join(', ');
        return (
          <li key={problem.id} data-problem-id={problem.id}>
            <button
              type="button"
              className="cc-ProblemItem"
              aria-current={problem.id === selectedId ? 'true' : undefined}
              aria-label={name}
              onClick={() => onSelect(problem.id)}
            >
              <span className="cc-ProblemItem-head">
                <span className="cc-ProblemItem-title">{problem.title}</span>
                {problem.solved && <SolvedMark trans={trans} />}
              </span>
              <span className="cc-ProblemItem-meta">
                <DifficultyBadge
                  difficulty={problem.difficulty}
                  trans={trans}
                />
                <ProblemTags tags={problem.tags} trans={trans} />
              </span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
