/**
 * Test cases as input and expected output pairs: the examples (shown in
 * the statement, with an optional explanation) or the hidden cases (the
 * candidate sees only whether they pass).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { addIcon, closeIcon } from '@jupyterlab/ui-components';
import React, { useId } from 'react';

import { ICaseDraft, newCase } from '../../../problemDraft';
import { FaultPlaces, casePlace } from '../../../problemFaults';
import { InlineFaults } from '../FaultList';

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
                <button
                  type="button"
                  className="cc-IconButton"
                  aria-label={trans.__('Remove %1', noun(i + 1))}
                  title={trans.__('Remove %1', noun(i + 1))}
                  onClick={() =>
                    onChange(cases.filter(c => c.key !== item.key))
                  }
                >
                  <closeIcon.react tag="span" elementSize="small" />
                </button>
              </div>
              <div className="cc-CaseRow-io">
                <div className="cc-Field">
                  <label className="cc-Label" htmlFor={`${id}-${item.key}-in`}>
                    {trans.__('Input')}
                  </label>
                  <textarea
                    id={`${id}-${item.key}-in`}
                    className="cc-Input cc-Textarea cc-Code"
                    rows={3}
                    spellCheck={false}
                    aria-describedby={described}
                    value={item.input}
                    onChange={event =>
                      update(item.key, { input: event.target.value })
                    }
                  />
                </div>
                <div className="cc-Field">
                  <label className="cc-Label" htmlFor={`${id}-${item.key}-out`}>
                    {trans.__('Expected output')}
                  </label>
                  <textarea
                    id={`${id}-${item.key}-out`}
                    className="cc-Input cc-Textarea cc-Code"
                    rows={3}
                    spellCheck={false}
                    aria-describedby={described}
                    value={item.expected}
                    onChange={event =>
                      update(item.key, { expected: event.target.value })
                    }
                  />
                </div>
              </div>
              {examples && (
                <div className="cc-Field">
                  <label className="cc-Label" htmlFor={`${id}-${item.key}-md`}>
                    {trans.__('Explanation (optional, Markdown)')}
                  </label>
                  <input
                    id={`${id}-${item.key}-md`}
                    className="cc-Input"
                    value={item.explanation}
                    onChange={event =>
                      update(item.key, { explanation: event.target.value })
                    }
                  />
                </div>
              )}
              <InlineFaults faults={faults} id={faultsId} trans={trans} />
            </li>
          );
        })}
      </ol>
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button cc-mod-small cc-mod-withIcon"
          onClick={() => onChange([...cases, newCase()])}
        >
          <addIcon.react tag="span" elementSize="small" />
          {examples
            ? trans.__('Add an example')
            : trans.__('Add a hidden case')}
        </button>
      </div>
    </div>
  );
}
