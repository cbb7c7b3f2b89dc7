/**
 * Test cases as input and expected output pairs: the examples (shown in
 * the statement, with an optional explanation) or the hidden cases (the
 * candidate sees only whether they pass).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { ICaseDraft, newCase } from '../../../problemDraft';
import { FaultPlaces, casePlace } from '../../../problemFaults';
import { Field } from '../../Field';
import { InlineFaults } from '../FaultList';
import { AddRowButton, RemoveRowButton } from './EditorButtons';

export interface ICasesEditorProps {
  kind: 'examples' | 'hidden';
  cases: ReadonlyArray<ICaseDraft>;
  places: FaultPlaces;
  onChange: (cases: ICaseDraft[]) => void;
  trans: TranslationBundle;
}

export function CasesEditor(props: ICasesEditorProps): JSX.Element {
  const { kind, cases, places, onChange, trans } = props;
  const id = useId();
  const examples = kind === 'examples';
  const noun = (n: number): string =>
    examples ? trans.__('example %1', n) : trans.__('hidden case %1', n);
  const update = (key: number, patch: Partial<ICaseDraft>): void => {
    onChange(cases.map(c => (c.key === key ? { ...c, ...patch } : c)));
  };

  // The input or the expected output of a case.
  const ioField = (
    item: ICaseDraft,
    suffix: string,
    field: 'input' | 'expected',
    label: string,
    described: string | undefined
  ): JSX.Element => (
    <Field id={`${id}-${item.key}-${suffix}`} label={label}>
      <textarea
        id={`${id}-${item.key}-${suffix}`}
        className="cc-Input cc-Textarea cc-Code"
        rows={3}
        spellCheck={false}
        aria-describedby={described}
        value={item[field]}
        onChange={event => update(item.key, { [field]: event.target.value })}
      />
    </Field>
  );

  return (
    <div className={`cc-EditorSection cc-CasesEditor cc-mod-${kind}`}>
      <InlineFaults faults={places.get(kind)} trans={trans} />
      {cases.length === 0 && (
        <p className="cc-Hint">
          {examples
            ? trans.__('Add at least one example.')
            : trans.__(
                'No hidden cases: add some so that a solution cannot be fitted to the examples.'
              )}
        </p>
      )}
      <ol className="cc-EditorList">
        {cases.map((item, i) => {
          const faults = places.get(casePlace(item.key));
          const faultsId = `${id}-${item.key}-faults`;
          const described = faults ? faultsId : undefined;
          return (
            <li
              key={item.key}
              className="cc-EditorRow cc-CaseRow"
              data-case={item.name || undefined}
            >
              <div className="cc-EditorRow-head">
                <span className="cc-EditorRow-title">
                  {examples
                    ? trans.__('Example %1', i + 1)
                    : trans.__('Hidden case %1', i + 1)}
                  {item.name && <span className="cc-Hint"> · {item.name}</span>}
                </span>
                <RemoveRowButton
                  label={trans.__('Remove %1', noun(i + 1))}
                  onRemove={() =>
                    onChange(cases.filter(c => c.key !== item.key))
                  }
                />
              </div>
              <div className="cc-CaseRow-io">
                {ioField(item, 'in', 'input', trans.__('Input'), described)}
                {ioField(
                  item,
                  'out',
                  'expected',
                  trans.__('Expected output'),
                  described
                )}
              </div>
              {examples && (
                <Field
                  id={`${id}-${item.key}-md`}
                  label={trans.__('Explanation (optional, Markdown)')}
                >
                  <input
                    id={`${id}-${item.key}-md`}
                    className="cc-Input"
                    value={item.explanation}
                    onChange={event =>
                      update(item.key, { explanation: event.target.value })
                    }
                  />
                </Field>
              )}
              <InlineFaults faults={faults} id={faultsId} trans={trans} />
            </li>
          );
        })}
      </ol>
      <AddRowButton
        label={
          examples ? trans.__('Add an example') : trans.__('Add a hidden case')
        }
        onAdd={() => onChange([...cases, newCase()])}
      />
    </div>
  );
}
