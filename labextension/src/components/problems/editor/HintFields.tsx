/**
 * The interviewer's hints, revealed one at a time in this order, and the
 * follow-up question.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId } from 'react';

import { IProblemDraft, newHint } from '../../../problemDraft';
import { Field } from '../../Field';
import { AddRowButton, RemoveRowButton } from './EditorButtons';

export interface IHintFieldsProps {
  draft: IProblemDraft;
  onChange: (patch: Partial<IProblemDraft>) => void;
  trans: TranslationBundle;
}

export function HintFields(props: IHintFieldsProps): JSX.Element {
  const { draft, onChange, trans } = props;
  const id = useId();
  const setHint = (key: number, text: string): void => {
    onChange({
      hints: draft.hints.map(h => (h.key === key ? { ...h, text } : h))
    });
  };
  return (
    <div className="cc-EditorSection cc-HintFields">
      {draft.hints.length === 0 ? (
        <p className="cc-Hint">
          {trans.__('No hints yet: the interviewer reveals them one by one.')}
        </p>
      ) : (
        <ol className="cc-EditorList">
          {draft.hints.map((hint, i) => (
            <li key={hint.key} className="cc-EditorRow">
              <label className="cc-Label" htmlFor={`${id}-${hint.key}`}>
                {trans.__('Hint %1', i + 1)}
              </label>
              <div className="cc-EditorRow-line">
                <input
                  id={`${id}-${hint.key}`}
                  className="cc-Input"
                  value={hint.text}
                  maxLength={1000}
                  onChange={event => setHint(hint.key, event.target.value)}
                />
                <RemoveRowButton
                  label={trans.__('Remove hint %1', i + 1)}
                  onRemove={() =>
                    onChange({
                      hints: draft.hints.filter(h => h.key !== hint.key)
                    })
                  }
                />
              </div>
            </li>
          ))}
        </ol>
      )}
      <AddRowButton
        label={trans.__('Add a hint')}
        onAdd={() => onChange({ hints: [...draft.hints, newHint()] })}
      />
      <Field
        id={`${id}-follow-up`}
        label={trans.__('Follow-up question (optional)')}
      >
        <textarea
          id={`${id}-follow-up`}
          className="cc-Input cc-Textarea"
          rows={2}
          value={draft.followUp}
          onChange={event => onChange({ followUp: event.target.value })}
        />
      </Field>
    </div>
  );
}
