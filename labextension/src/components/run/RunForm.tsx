/**
 * What to run: language, entry file, input or test cases; Run and Stop.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import {
  caretDownIcon,
  caretRightIcon,
  checkIcon,
  runIcon,
  stopIcon
} from '@jupyterlab/ui-components';
import React, { useId } from 'react';

import { IRunForm } from '../../runForm';
import { IRunLanguage, RunMode } from '../../runTypes';
import { TestCasesEditor } from './TestCasesEditor';

export interface IRunFormProps {
  form: IRunForm;
  languages: ReadonlyArray<IRunLanguage> | null;
  /**
   * Whether Run may be pressed.
   */
  canRun: boolean;
  /**
   * Whether Stop is offered (a run of mine, or I host, is going).
   */
  canStop: boolean;
  onChange: (patch: Partial<IRunForm>) => void;
  onLanguage: (id: string) => void;
  onRun: () => void;
  onStop: () => void;
  /**
   * Submit against the session's problem; absent when it has none.
   */
  onSubmitProblem?: () => void;
  trans: TranslationBundle;
}

function languageOption(lang: IRunLanguage, trans: TranslationBundle): string {
  if (!lang.available) {
    return trans.__('%1 (not installed on this server)', lang.name);
  }
  if (!lang.version) {
    return lang.name;
  }
  // Most toolchains name themselves ("Python 3.12.1"): no need to say it twice.
  return lang.version.toLowerCase().startsWith(lang.name.toLowerCase())
    ? lang.version
    : trans.__('%1 (%2)', lang.name, lang.version);
}

export function RunForm(props: IRunFormProps): JSX.Element {
  const { form, languages, canRun, canStop, onChange, trans } = props;
  const languageId = useId();
  const entryId = useId();
  const stdinId = useId();
  const modeName = useId();
  const loading = languages === null;
  const judge = form.mode === 'judge';
  const runLabel = judge ? trans.__('Run tests') : trans.__('Run');
  const modes: Array<[RunMode, string]> = [
    ['run', trans.__('Run the program')],
    ['judge', trans.__('Run tests')]
  ];

  return (
    <form
      className="cc-RunForm"
      aria-label={trans.__('Run the session files')}
      onSubmit={e => {
        e.preventDefault();
        props.onRun();
      }}
    >
      <div className="cc-RunForm-row">
        <div className="cc-Field cc-RunField">
          <label className="cc-Label" htmlFor={languageId}>
            {trans.__('Language')}
          </label>
          <select
            id={languageId}
            className="cc-Input cc-Select"
            data-testid="codecall-run-language"
            aria-label={trans.__('Language')}
            value={form.language}
            disabled={loading}
            onChange={e => props.onLanguage(e.target.value)}
          >
            {loading && <option value="">{trans.__('Loading…')}</option>}
            {(languages ?? []).map(lang => (
              <option key={lang.id} value={lang.id} disabled={!lang.available}>
                {languageOption(lang, trans)}
              </option>
            ))}
          </select>
        </div>
        <div className="cc-Field cc-RunField">
          <label className="cc-Label" htmlFor={entryId}>
            {trans.__('Entry file')}
          </label>
          <input
            id={entryId}
            className="cc-Input cc-Code"
            data-testid="codecall-run-entry"
            aria-label={trans.__('Entry file')}
            value={form.entry}
            spellCheck={false}
            autoComplete="off"
            onChange={e =>
              onChange({ entry: e.target.value, entryEdited: true })
            }
          />
        </div>
        <fieldset className="cc-Fieldset cc-RunField">
          <legend className="cc-Label">{trans.__('Mode')}</legend>
          <div className="cc-ChoiceRow">
            {modes.map(([mode, label]) => (
              <label key={mode} className="cc-Choice">
                <input
                  type="radio"
                  name={modeName}
                  value={mode}
                  checked={form.mode === mode}
                  onChange={() => onChange({ mode })}
                />
                {label}
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      {judge ? (
        <TestCasesEditor
          form={form}
          disabled={false}
          onChange={onChange}
          trans={trans}
        />
      ) : (
        <div className="cc-RunStdin">
          <button
            type="button"
            className="cc-Disclosure"
            aria-expanded={form.stdinOpen}
            aria-controls={stdinId}
            onClick={() => onChange({ stdinOpen: !form.stdinOpen })}
          >
            {form.stdinOpen ? (
              <caretDownIcon.react tag="span" elementSize="small" />
            ) : (
              <caretRightIcon.react tag="span" elementSize="small" />
            )}
            {form.stdin
              ? trans.__('Input (stdin, %1 characters)', form.stdin.length)
              : trans.__('Input (stdin)')}
          </button>
          <textarea
            id={stdinId}
            className="cc-Input cc-Code"
            data-testid="codecall-run-stdin"
            aria-label={trans.__('Standard input')}
            hidden={!form.stdinOpen}
            rows={4}
            spellCheck={false}
            value={form.stdin}
            onChange={e => onChange({ stdin: e.target.value })}
          />
        </div>
      )}

      <div className="cc-ButtonRow cc-RunForm-actions">
        <button
          type="submit"
          className="cc-Button cc-mod-accept cc-mod-withIcon"
          data-testid="codecall-run"
          aria-label={runLabel}
          disabled={!canRun || loading}
        >
          <runIcon.react tag="span" elementSize="small" />
          {runLabel}
        </button>
        {props.onSubmitProblem && (
          <button
            type="button"
            className="cc-Button cc-mod-accept cc-mod-withIcon"
            data-testid="codecall-run-submit"
            title={trans.__(
              "Judge the entry file against the problem's own test cases, hidden ones included"
            )}
            disabled={!canRun || loading}
            onClick={props.onSubmitProblem}
          >
            <checkIcon.react tag="span" elementSize="small" />
            {trans.__('Submit')}
          </button>
        )}
        {canStop && (
          <button
            type="button"
            className="cc-Button cc-mod-warn cc-mod-withIcon"
            data-testid="codecall-run-stop"
            aria-label={trans.__('Stop the run')}
            onClick={props.onStop}
          >
            <stopIcon.react tag="span" elementSize="small" />
            {trans.__('Stop')}
          </button>
        )}
        <span className="cc-Hint cc-RunForm-note">
          {props.onSubmitProblem
            ? trans.__(
                'Runs the saved files of the session folder. Submit judges them against the problem’s cases, hidden ones included.'
              )
            : trans.__('Runs the saved files of the session folder.')}
        </span>
      </div>
    </form>
  );
}
