/**
 * The test cases of a judging, and how their output is compared.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { addIcon, closeIcon } from '@jupyterlab/ui-components';
import React, { useId } from 'react';

import { compareLabel } from '../../runLabels';
import { IRunForm, ITestDraft, newTest } from '../../runForm';
import { COMPARE_KINDS, CompareKind } from '../../runTypes';

export interface ITestCasesEditorProps {
  form: IRunForm;
  disabled: boolean;
  onChange: (patch: Partial<IRunForm>) => void;
  trans: TranslationBundle;
}

export function TestCasesEditor(props: ITestCasesEditorProps): JSX.Element {
  const { form, disabled, onChange, trans } = props;
  const compareId = useId();
  const toleranceId = useId();
  const checkerId = useId();
  const setTest = (key: number, patch: Partial<ITestDraft>): void => {
    onChange({
      tests: form.tests.map(t => (t.key === key ? { ...t, ...patch } : t))
    });
  };
  return (
    <div className="cc-TestCases">
      {form.tests.length === 0 && (
        <p className="cc-Hint">
          {trans.__('No test cases yet: add one to judge the program.')}
        </p>
      )}
      <ol className="cc-TestCases-list">
        {form.tests.map((test, index) => (
          <li key={test.key} className="cc-TestCase">
            <div className="cc-TestCase-head">
              <span className="cc-TestCase-title">
                {trans.__('Test %1', index + 1)}
              </span>
              <label className="cc-Choice">
                <input
                  type="checkbox"
                  checked={test.hidden}
                  disabled={disabled}
                  aria-label={trans.__('Hide test %1', index + 1)}
                  onChange={e =>
                    setTest(test.key, { hidden: e.target.checked })
                  }
                />
                {trans.__('Hidden')}
              </label>
              <button
                type="button"
                className="cc-IconButton"
                disabled={disabled}
                aria-label={trans.__('Remove test %1', index + 1)}
                title={trans.__('Remove test %1', index + 1)}
                onClick={() =>
                  onChange({
                    tests: form.tests.filter(t => t.key !== test.key)
                  })
                }
              >
                <closeIcon.react tag="span" elementSize="small" />
              </button>
            </div>
            <div className="cc-TestCase-texts">
              <textarea
                className="cc-Input cc-Code"
                rows={3}
                value={test.input}
                disabled={disabled}
                placeholder={trans.__('Input')}
                aria-label={trans.__('Input of test %1', index + 1)}
                onChange={e => setTest(test.key, { input: e.target.value })}
              />
              <textarea
                className="cc-Input cc-Code"
                rows={3}
                value={test.expected}
                disabled={disabled}
                placeholder={trans.__('Expected output')}
                aria-label={trans.__('Expected output of test %1', index + 1)}
                onChange={e => setTest(test.key, { expected: e.target.value })}
              />
            </div>
          </li>
        ))}
      </ol>
      <div className="cc-TestCases-foot">
        <button
          type="button"
          className="cc-Button cc-mod-small cc-mod-withIcon"
          disabled={disabled}
          onClick={() => onChange({ tests: [...form.tests, newTest()] })}
        >
          <addIcon.react tag="span" elementSize="small" />
          {trans.__('Add a test')}
        </button>
        <label className="cc-RunField-inline" htmlFor={compareId}>
          {trans.__('Comparison')}
        </label>
        <select
          id={compareId}
          className="cc-Input cc-Select cc-mod-small"
          value={form.compare}
          disabled={disabled}
          onChange={e => onChange({ compare: e.target.value as CompareKind })}
        >
          {COMPARE_KINDS.map(kind => (
            <option key={kind} value={kind}>
              {compareLabel(kind, trans)}
            </option>
          ))}
        </select>
        {form.compare === 'float' && (
          <>
            <label className="cc-RunField-inline" htmlFor={toleranceId}>
              {trans.__('Tolerance')}
            </label>
            <input
              id={toleranceId}
              className="cc-Input cc-RunTolerance"
              value={form.tolerance}
              disabled={disabled}
              inputMode="decimal"
              onChange={e => onChange({ tolerance: e.target.value })}
            />
          </>
        )}
      </div>
      {form.compare === 'custom' && (
        <div className="cc-Field">
          <label className="cc-Label" htmlFor={checkerId}>
            {trans.__('Checker (Python)')}
          </label>
          <textarea
            id={checkerId}
            className="cc-Input cc-Code"
            rows={5}
            value={form.checker}
            disabled={disabled}
            onChange={e => onChange({ checker: e.target.value })}
          />
          <p className="cc-Hint">
            {trans.__(
              'It reads {"input", "expected", "actual"} as JSON on stdin and prints OK or WA.'
            )}
          </p>
        </div>
      )}
    </div>
  );
}
