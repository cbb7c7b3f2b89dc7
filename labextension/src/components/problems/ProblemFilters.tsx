/**
 * The search box and filters of the Problems panel.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { difficultyLabel, programLanguageLabel } from '../../problemLabels';
import {
  DIFFICULTIES,
  Difficulty,
  EMPTY_PROBLEM_QUERY,
  IProblemQuery,
  PROGRAM_FILES
} from '../../problemTypes';

export interface IProblemFiltersProps {
  query: IProblemQuery;
  /**
   * Every tag of the problems I can see.
   */
  tags: ReadonlyArray<string>;
  onChange: (patch: Partial<IProblemQuery>) => void;
  onClear: () => void;
  trans: TranslationBundle;
}

function isFiltered(query: IProblemQuery): boolean {
  return (Object.keys(query) as Array<keyof IProblemQuery>).some(
    key => query[key] !== EMPTY_PROBLEM_QUERY[key]
  );
}

export function ProblemFilters(props: IProblemFiltersProps): JSX.Element {
  const { query, tags, onChange, onClear, trans } = props;
  const id = useId();
  const ids = {
    search: `${id}-search`,
    difficulty: `${id}-difficulty`,
    tag: `${id}-tag`,
    language: `${id}-language`,
    solved: `${id}-solved`
  };
  // A tag chosen before the list of tags came (or no longer offered) stays.
  const tagOptions =
    query.tag && !tags.includes(query.tag) ? [query.tag, ...tags] : tags;

  return (
    <form
      className="cc-ProblemFilters"
      role="search"
      aria-label={trans.__('Find problems')}
      onSubmit={event => event.preventDefault()}
    >
      <label className="cc-VisuallyHidden" htmlFor={ids.search}>
        {trans.__('Search problems')}
      </label>
      <input
        id={ids.search}
        className="cc-Input cc-ProblemFilters-search"
        type="search"
        placeholder={trans.__('Search titles, tags and statements')}
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        value={query.q}
        onChange={event => onChange({ q: event.target.value })}
      />
      <div className="cc-ProblemFilters-grid">
        <div className="cc-Field">
          <label className="cc-Label" htmlFor={ids.difficulty}>
            {trans.__('Difficulty')}
          </label>
          <select
            id={ids.difficulty}
            className="cc-Input cc-Select"
            value={query.difficulty}
            onChange={event =>
              onChange({ difficulty: event.target.value as Difficulty | '' })
            }
          >
            <option value="">{trans.__('Any difficulty')}</option>
            {DIFFICULTIES.map(difficulty => (
              <option key={difficulty} value={difficulty}>
                {difficultyLabel(difficulty, trans)}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-Field">
          <label className="cc-Label" htmlFor={ids.tag}>
            {trans.__('Tag')}
          </label>
          <select
            id={ids.tag}
            className="cc-Input cc-Select"
            value={query.tag}
            onChange={event => onChange({ tag: event.target.value })}
          >
            <option value="">{trans.__('Any tag')}</option>
            {tagOptions.map(tag => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-Field">
          <label className="cc-Label" htmlFor={ids.language}>
            {trans.__('Starter language')}
          </label>
          <select
            id={ids.language}
            className="cc-Input cc-Select"
            value={query.language}
            onChange={event => onChange({ language: event.target.value })}
          >
            <option value="">{trans.__('Any language')}</option>
            {PROGRAM_FILES.map(([language]) => (
              <option key={language} value={language}>
                {programLanguageLabel(language, trans)}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-Field">
          <label className="cc-Label" htmlFor={ids.solved}>
            {trans.__('Solved')}
          </label>
          <select
            id={ids.solved}
            className="cc-Input cc-Select"
            value={query.solved}
            onChange={event =>
              onChange({
                solved: event.target.value as IProblemQuery['solved']
              })
            }
          >
            <option value="">{trans.__('Solved or not')}</option>
            <option value="yes">{trans.__('Solved by me')}</option>
            <option value="no">{trans.__('Not solved yet')}</option>
          </select>
        </div>
      </div>
      <div className="cc-ProblemFilters-row">
        <label className="cc-Choice">
          <input
            type="checkbox"
            checked={query.mine}
            onChange={event => onChange({ mine: event.target.checked })}
          />
          <span>{trans.__('Only problems I wrote')}</span>
        </label>
        {isFiltered(query) && (
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={onClear}
          >
            {trans.__('Clear filters')}
          </button>
        )}
      </div>
    </form>
  );
}
