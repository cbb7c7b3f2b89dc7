/**
 * Who may use a problem being imported: only me, or my friends too.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { visibilityLabel } from '../../problemLabels';
import { Visibility } from '../../problemTypes';

export interface IVisibilityChoiceProps {
  fileName: string;
  initial: Visibility;
  onChange: (value: Visibility) => void;
  trans: TranslationBundle;
}

export function VisibilityChoice(props: IVisibilityChoiceProps): JSX.Element {
  const { fileName, onChange, trans } = props;
  const name = useId();
  const [value, setValue] = useState<Visibility>(props.initial);
  return (
    <div className="cc-Form">
      <p className="cc-Hint">
        {trans.__(
          '“%1” is checked in the sandbox before it is kept: every starter and solution runs.',
          fileName
        )}
      </p>
      <fieldset className="cc-Fieldset">
        <legend className="cc-Label">{trans.__('Who may use it')}</legend>
        {(['private', 'friends'] as const).map(option => (
          <label key={option} className="cc-Choice">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => {
                setValue(option);
                onChange(option);
              }}
            />
            <span>{visibilityLabel(option, trans)}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
