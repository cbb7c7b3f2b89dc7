/**
 * Translated labels of the problem bank's values.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { languageLabel } from './labels';
import {
  Difficulty,
  IProblemSummary,
  ProblemCompare,
  Visibility
} from './problemTypes';
import { LANGUAGES, Language } from './types';

export function difficultyLabel(
  difficulty: Difficulty,
  trans: TranslationBundle
): string {
  switch (difficulty) {
    case 'easy':
      return trans.__('Easy');
    case 'medium':
      return trans.__('Medium');
    case 'hard':
      return trans.__('Hard');
  }
}

export function visibilityLabel(
  visibility: Visibility,
  trans: TranslationBundle
): string {
  return visibility === 'friends'
    ? trans.__('Shared with my friends')
    : trans.__('Private: only me');
}

export function compareLabel(
  compare: ProblemCompare,
  trans: TranslationBundle
): string {
  switch (compare) {
    case 'whitespace':
      return trans.__('Ignore extra whitespace');
    case 'exact':
      return trans.__('Exact match');
    case 'float':
      return trans.__('Numbers within a tolerance');
    case 'dataframe':
      return trans.__('Tables (CSV), rows in any order');
  }
}

/**
 * The name of a program language (also C, which sessions do not offer).
 */
export function programLanguageLabel(
  language: string,
  trans: TranslationBundle
): string {
  if (language === 'c') {
    return trans.__('C');
  }
  return (LANGUAGES as readonly string[]).includes(language)
    ? languageLabel(language as Language, trans)
    : language;
}

/**
 * Where a problem comes from, for me.
 */
export function sourceLabel(
  problem: IProblemSummary,
  myUserId: number | null,
  trans: TranslationBundle
): string {
  switch (problem.source) {
    case 'bank':
      return trans.__('CodeCall bank');
    case 'folder':
      return trans.__('This server’s problems');
    case 'user':
      if (problem.owner_id !== null && problem.owner_id === myUserId) {
        return problem.shared
          ? trans.__('Yours, shared with friends')
          : trans.__('Yours, private');
      }
      return trans.__('Shared by a friend');
  }
}

/**
 * Whether a problem is one of mine.
 */
export function isMine(
  problem: IProblemSummary,
  myUserId: number | null
): boolean {
  return (
    problem.source === 'user' &&
    myUserId !== null &&
    problem.owner_id === myUserId
  );
}
