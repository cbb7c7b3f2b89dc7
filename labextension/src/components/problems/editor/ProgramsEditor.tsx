/**
 * Programs of a problem, one per language: the starters the candidate
 * begins from, or the interviewer's reference solutions.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { programLanguageLabel } from '../../../problemLabels';
import { IProgramDraft, newProgram, programFile } from '../../../problemDraft';
import { FaultPlaces, programPlace } from '../../../problemFaults';
import { PROGRAM_FILES } from '../../../problemTypes';
import { InlineFaults } from '../FaultList';
import { AddRowButton, RemoveRowButton } from './EditorButtons';

export interface IProgramsEditorProps {
  kind: 'starters' | 'solutions';
  programs: ReadonlyArray<IProgramDraft>;
  /**
   * Only Python (data problems).
   */
  pythonOnly: boolean;
  places: FaultPlaces;
  /**
   * The program a new one in a language starts as ('' for none).
   */
  templateOf: (language: string) => string;
  onChange: (programs: IProgramDraft[]) => void;
  trans: TranslationBundle;
}

export function ProgramsEditor(props: IProgramsEditorProps): JSX.Element {
  const { kind, programs, pythonOnly, places, templateOf, onChange, trans } =
    props;
  const id = useId();
  const starters = kind === 'starters';
  const offered = PROGRAM_FILES.map(([language]) => language).filter(
    language => !pythonOnly || language === 'python'
  );
  const used = new Set(programs.map(p => p.language));
  const free = offered.find(language => !used.has(language));
  const folder = starters ? 'starter' : 'solutions';

  const update = (key: number, patch: Partial<IProgramDraft>): void => {
    onChange(programs.map(p => (p.key === key ? { ...p, ...patch } : p)));
  };
  const add = (): void => {
    if (free !== undefined) {
      onChange([
        ...programs,
        newProgram(free, starters ? templateOf(free) : '')
      ]);
    }
  };

  return (
    <div className={`cc-EditorSection cc-ProgramsEditor cc-mod-${kind}`}>
      <InlineFaults faults={places.get(kind)} trans={trans} />
      {programs.length === 0 && (
        <p className="cc-Hint">
          {starters
            ? trans.__('Add at least one starter.')
            : trans.__('Add at least one reference solution.')}
        </p>
      )}
      <ol className="cc-EditorList">
        {programs.map(program => {
          const language = programLanguageLabel(program.language, trans);
          const file = `${folder}/${programFile(program.language)}`;
          const faults = places.get(programPlace(program.key));
          const faultsId = `${id}-${program.key}-faults`;
          return (
            <li
              key={program.key}
              className="cc-EditorRow cc-ProgramRow"
              data-file={file}
            >
              <div className="cc-EditorRow-head">
                <label
                  className="cc-Label"
                  htmlFor={`${id}-${program.key}-language`}
                >
                  {starters
                    ? trans.__('Starter language')
                    : trans.__('Solution language')}
                </label>
                <select
                  id={`${id}-${program.key}-language`}
                  className="cc-Input cc-Select cc-mod-small"
                  value={program.language}
                  onChange={event =>
                    update(program.key, { language: event.target.value })
                  }
                >
                  {offered.map(option => (
                    <option
                      key={option}
                      value={option}
                      disabled={option !== program.language && used.has(option)}
                    >
                      {programLanguageLabel(option, trans)}
                    </option>
                  ))}
                </select>
                <code className="cc-Hint">{file}</code>
                <span className="cc-EditorRow-spacer" />
                <RemoveRowButton
                  label={
                    starters
                      ? trans.__('Remove the %1 starter', language)
                      : trans.__('Remove the %1 solution', language)
                  }
                  title={trans.__('Remove %1', file)}
                  onRemove={() =>
                    onChange(programs.filter(p => p.key !== program.key))
                  }
                />
              </div>
              <label
                className="cc-VisuallyHidden"
                htmlFor={`${id}-${program.key}-source`}
              >
                {starters
                  ? trans.__('%1 starter code', language)
                  : trans.__('%1 solution code', language)}
              </label>
              <textarea
                id={`${id}-${program.key}-source`}
                className="cc-Input cc-Textarea cc-Code cc-ProgramRow-source"
                rows={10}
                spellCheck={false}
                autoCapitalize="off"
                aria-describedby={faults ? faultsId : undefined}
                aria-invalid={faults !== undefined}
                value={program.source}
                onChange={event =>
                  update(program.key, { source: event.target.value })
                }
              />
              <InlineFaults faults={faults} id={faultsId} trans={trans} />
            </li>
          );
        })}
      </ol>
      <AddRowButton
        label={
          starters ? trans.__('Add a starter') : trans.__('Add a solution')
        }
        disabled={free === undefined}
        onAdd={add}
      />
    </div>
  );
}
