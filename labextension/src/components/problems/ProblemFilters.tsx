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
import { SelectField } from '../Field';

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
        <SelectField
          id={ids.difficulty}
          label={trans.__('Difficulty')}
          value={query.difficulty}
          onChange={value => onChange({ difficulty: value as Difficulty | '' })}
        >
          <option value="">{trans.__('Any difficulty')}</option>
          {DIFFICULTIES.map(difficulty => (
            <option key={difficulty} value={difficulty}>
              {difficultyLabel(difficulty, trans)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.tag}
          label={trans.__('Tag')}
          value={query.tag}
          onChange={tag => onChange({ tag })}
        >
          <option value="">{trans.__('Any tag')}</option>
          {tagOptions.map(tag => (
            <option key={tag} value={tag}>
              {tag}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.language}
          label={trans.__('Starter language')}
          value={query.language}
          onChange={language => onChange({ language })}
        >
          <option value="">{trans.__('Any language')}</option>
          {PROGRAM_FILES.map(([language]) => (
            <option key={language} value={language}>
              {programLanguageLabel(language, trans)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.solved}
          label={trans.__('Solved')}
          value={query.solved}
          onChange={value =>
            onChange({ solved: value as IProblemQuery['solved'] })
          }
        >
          <option value="">{trans.__('Solved or not')}</option>
          <option value="yes">{trans.__('Solved by me')}</option>
          <option value="no">{trans.__('Not solved yet')}</option>
        </SelectField>
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
