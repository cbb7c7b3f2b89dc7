/**
 * A problem's difficulty as a badge (its word, not colour alone).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { difficultyLabel } from '../../problemLabels';
import { Difficulty } from '../../problemTypes';

export interface IDifficultyBadgeProps {
  difficulty: Difficulty;
  trans: TranslationBundle;
}

export function DifficultyBadge(props: IDifficultyBadgeProps): JSX.Element {
  const { difficulty, trans } = props;
  return (
    <span
      className={`cc-DifficultyBadge cc-mod-${difficulty}`}
      data-difficulty={difficulty}
    >
      {difficultyLabel(difficulty, trans)}
    </span>
  );
}
