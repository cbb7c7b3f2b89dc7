/**
 * The problem's facts: id, title, difficulty, tags, time limit, how the
 * output is compared, and who may use it.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import {
  compareLabel,
  difficultyLabel,
  visibilityLabel
} from '../../../problemLabels';
import { IProblemDraft } from '../../../problemDraft';
import { FaultPlaces } from '../../../problemFaults';
import {
  DIFFICULTIES,
  Difficulty,
  PROBLEM_COMPARES,
  PROBLEM_TAGS,
  ProblemCompare,
  Visibility
} from '../../../problemTypes';
import { Field, SelectField } from '../../Field';
import { InlineFaults } from '../FaultList';

export interface IMetaFieldsProps {
  draft: IProblemDraft;
  /**
   * The id is fixed once the problem is saved.
   */
  idLocked: boolean;
  places: FaultPlaces;
  onChange: (patch: Partial<IProblemDraft>) => void;
  trans: TranslationBundle;
}

export function MetaFields(props: IMetaFieldsProps): JSX.Element {
  const { draft, idLocked, places, onChange, trans } = props;
  const id = useId();
  const ids = {
    id: `${id}-id`,
    idHint: `${id}-id-hint`,
    idFaults: `${id}-id-faults`,
    title: `${id}-title`,
    difficulty: `${id}-difficulty`,
    timeLimit: `${id}-time`,
    compare: `${id}-compare`,
    tolerance: `${id}-tolerance`,
    kind: `${id}-kind`,
    visibility: `${id}-visibility`,
    metaFaults: `${id}-meta-faults`
  };
  const idFaults = places.get('id');
  const tolerance = draft.compare === 'float' || draft.compare === 'dataframe';

  const toggleTag = (tag: string, on: boolean): void => {
    const rest = draft.tags.filter(t => t !== tag);
    onChange({ tags: on ? [...rest, tag] : rest });
  };

  return (
    <div className="cc-EditorSection cc-MetaFields">
      <div className="cc-FormGrid">
        <Field id={ids.id} label={trans.__('Id')}>
          <input
            id={ids.id}
            className="cc-Input cc-Code"
            value={draft.id}
            readOnly={idLocked}
            required
            maxLength={64}
            spellCheck={false}
            autoComplete="off"
            placeholder="two-sum-count"
            aria-invalid={idFaults !== undefined}
            aria-describedby={`${ids.idHint}${idFaults ? ` ${ids.idFaults}` : ''}`}
            onChange={event =>
              onChange({ id: event.target.value.toLowerCase() })
            }
          />
          <p id={ids.idHint} className="cc-Hint">
            {idLocked
              ? trans.__('A problem keeps its id.')
              : trans.__('Lowercase letters, digits and dashes.')}
          </p>
          <InlineFaults faults={idFaults} id={ids.idFaults} trans={trans} />
        </Field>
        <Field id={ids.title} label={trans.__('Title')}>
          <input
            id={ids.title}
            className="cc-Input"
            value={draft.title}
            required
            maxLength={120}
            placeholder={trans.__('e.g. Two Sum Count')}
            onChange={event => onChange({ title: event.target.value })}
          />
        </Field>
        <SelectField
          id={ids.difficulty}
          label={trans.__('Difficulty')}
          value={draft.difficulty}
          onChange={value => onChange({ difficulty: value as Difficulty })}
        >
          {DIFFICULTIES.map(difficulty => (
            <option key={difficulty} value={difficulty}>
              {difficultyLabel(difficulty, trans)}
            </option>
          ))}
        </SelectField>
        <Field
          id={ids.timeLimit}
          label={trans.__('Time limit per case (seconds)')}
        >
          <input
            id={ids.timeLimit}
            className="cc-Input"
            type="number"
            min={0.1}
            max={20}
            step={0.1}
            value={draft.timeLimit}
            onChange={event => onChange({ timeLimit: event.target.value })}
          />
        </Field>
        <SelectField
          id={ids.compare}
          label={trans.__('Compare the output')}
          value={draft.compare}
          onChange={value => onChange({ compare: value as ProblemCompare })}
        >
          {PROBLEM_COMPARES.map(compare => (
            <option key={compare} value={compare}>
              {compareLabel(compare, trans)}
            </option>
          ))}
        </SelectField>
        {tolerance && (
          <Field id={ids.tolerance} label={trans.__('Tolerance')}>
            <input
              id={ids.tolerance}
              className="cc-Input"
              inputMode="decimal"
              value={draft.tolerance}
              onChange={event => onChange({ tolerance: event.target.value })}
            />
          </Field>
        )}
        <SelectField
          id={ids.kind}
          label={trans.__('Kind')}
          value={draft.kind}
          onChange={value => onChange({ kind: value as 'code' | 'data' })}
        >
          <option value="code">{trans.__('Code (any language)')}</option>
          <option value="data">
            {trans.__('Data (pandas and numpy, Python only)')}
          </option>
        </SelectField>
        <SelectField
          id={ids.visibility}
          label={trans.__('Who may use it')}
          value={draft.visibility}
          onChange={value => onChange({ visibility: value as Visibility })}
        >
          {(['private', 'friends'] as const).map(visibility => (
            <option key={visibility} value={visibility}>
              {visibilityLabel(visibility, trans)}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="cc-Fieldset">
        <legend className="cc-Label">{trans.__('Tags')}</legend>
        <ul className="cc-TagChoices">
          {PROBLEM_TAGS.map(tag => (
            <li key={tag}>
              <label className="cc-Choice">
                <input
                  type="checkbox"
                  value={tag}
                  checked={draft.tags.includes(tag)}
                  onChange={event => toggleTag(tag, event.target.checked)}
                />
                <span>{tag}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <InlineFaults
        faults={places.get('meta')}
        id={ids.metaFaults}
        trans={trans}
      />
    </div>
  );
}
