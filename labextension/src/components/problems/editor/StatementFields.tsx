/**
 * The statement in Markdown: the task, then its Input, Output and
 * Constraints sections, with a rendered preview.
 */
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { IProblemDraft, statementMarkdown } from '../../../problemDraft';
import { Markdown } from '../../Markdown';

export interface IStatementFieldsProps {
  draft: IProblemDraft;
  onChange: (patch: Partial<IProblemDraft>) => void;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

type TextKey = 'statement' | 'input' | 'output' | 'constraints';

export function StatementFields(props: IStatementFieldsProps): JSX.Element {
  const { draft, onChange, rendermime, trans } = props;
  const id = useId();
  const [preview, setPreview] = useState(false);
  const fields: Array<[TextKey, string, string, number]> = [
    [
      'statement',
      trans.__('Statement (Markdown)'),
      trans.__('What is asked, with any definitions the reader needs.'),
      6
    ],
    [
      'input',
      trans.__('Input'),
      trans.__('What the program reads on standard input, line by line.'),
      3
    ],
    ['output', trans.__('Output'), trans.__('What it prints.'), 2],
    [
      'constraints',
      trans.__('Constraints'),
      trans.__('The limits on the input, e.g. - `1 ≤ n ≤ 10^5`'),
      3
    ]
  ];

  return (
    <div className="cc-EditorSection cc-StatementFields">
      <div className="cc-ButtonRow">
        <button
          type="button"
          className="cc-Button cc-mod-small"
          aria-pressed={preview}
          onClick={() => setPreview(!preview)}
        >
          {preview ? trans.__('Edit the text') : trans.__('Preview')}
        </button>
      </div>
      {preview ? (
        <Markdown
          source={`# ${draft.title || trans.__('Untitled')}\n\n${statementMarkdown(draft)}`}
          rendermime={rendermime}
          className="cc-Statement cc-mod-preview"
          label={trans.__('Statement preview')}
        />
      ) : (
        fields.map(([key, label, hint, rows]) => (
          <div key={key} className="cc-Field">
            <label className="cc-Label" htmlFor={`${id}-${key}`}>
              {label}
            </label>
            <textarea
              id={`${id}-${key}`}
              className="cc-Input cc-Textarea cc-Code"
              rows={rows}
              spellCheck={key === 'statement'}
              placeholder={hint}
              value={draft[key]}
              onChange={event =>
                onChange({
                  [key]: event.target.value
                } as Partial<IProblemDraft>)
              }
            />
          </div>
        ))
      )}
    </div>
  );
}
