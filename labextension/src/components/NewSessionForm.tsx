/**
 * The body of the "New practice session" dialog.
 */
import { Dialog, ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { modeLabel } from '../labels';
import { INewSessionValue } from '../newSessionValue';
import { IProblemSummary } from '../problemTypes';
import { ILanguageChoice } from '../sessionActions';
import {
  IFriend,
  Language,
  MAX_PARTICIPANTS,
  MIN_PARTICIPANTS,
  SESSION_MODES
} from '../types';
import { Field, SelectField } from './Field';
import { ProblemPicker } from './problems/ProblemPicker';

interface INewSessionFormProps {
  initial: INewSessionValue;
  friends: ReadonlyArray<IFriend>;
  languages: ReadonlyArray<ILanguageChoice>;
  error: string | null;
  /**
   * Search the problems I can use.
   */
  searchProblems: (text: string) => Promise<IProblemSummary[]>;
  trans: TranslationBundle;
  onChange: (value: INewSessionValue) => void;
}

function range(from: number, to: number): number[] {
  const numbers: number[] = [];
  for (let n = from; n <= to; n++) {
    numbers.push(n);
  }
  return numbers;
}

function NewSessionForm(props: INewSessionFormProps): JSX.Element {
  const { friends, error, trans, onChange } = props;
  const [value, setValue] = useState<INewSessionValue>(props.initial);
  const id = useId();
  const ids = {
    title: `${id}-title`,
    description: `${id}-description`,
    language: `${id}-language`,
    max: `${id}-max`,
    password: `${id}-password`,
    scheduled: `${id}-scheduled`,
    autoAdmit: `${id}-auto-admit`,
    autoAdmitHint: `${id}-auto-admit-hint`,
    problem: `${id}-problem`,
    problemHint: `${id}-problem-hint`,
    error: `${id}-error`
  };

  const update = (patch: Partial<INewSessionValue>): void => {
    const next = { ...value, ...patch };
    setValue(next);
    onChange(next);
  };

  const pickProblem = (problem: IProblemSummary | null): void => {
    // A problem names an untitled session.
    const title =
      problem !== null && !value.title.trim() ? problem.title : value.title;
    update({ problem, title });
  };
  const problem = value.problem;
  const noStarter =
    problem !== null &&
    problem.languages.length > 0 &&
    !problem.languages.includes(value.language);

  const toggleInvite = (username: string, checked: boolean): void => {
    const invite = value.invite.filter(name => name !== username);
    update({ invite: checked ? [...invite, username] : invite });
  };

  return (
    <div className="cc-Form cc-NewSessionForm">
      <label className="cc-Label" htmlFor={ids.title}>
        {trans.__('Title')}
      </label>
      <input
        id={ids.title}
        className="cc-Input"
        type="text"
        required
        maxLength={120}
        placeholder={trans.__('e.g. Mock interview: graphs')}
        aria-invalid={error !== null && !value.title.trim()}
        aria-describedby={error ? ids.error : undefined}
        value={value.title}
        onChange={event => update({ title: event.target.value })}
      />
      <span id={ids.problem} className="cc-Label">
        {trans.__('Problem from the bank (optional)')}
      </span>
      <ProblemPicker
        value={problem}
        onChange={pickProblem}
        search={props.searchProblems}
        labelId={ids.problem}
        describedBy={ids.problemHint}
        trans={trans}
      />
      <p id={ids.problemHint} className="cc-Hint">
        {problem === null
          ? trans.__(
              'The session starts with its statement, hints for you and a starter.'
            )
          : noStarter
            ? trans.__(
                'It has no starter in this language: the solution starts empty.'
              )
            : trans.__(
                'The session starts with its statement and its starter program.'
              )}
      </p>
      <label className="cc-Label" htmlFor={ids.description}>
        {trans.__('Description (optional)')}
      </label>
      <textarea
        id={ids.description}
        className="cc-Input cc-Textarea"
        rows={3}
        maxLength={5000}
        value={value.description}
        onChange={event => update({ description: event.target.value })}
      />
      <div className="cc-FormGrid">
        <SelectField
          id={ids.language}
          label={trans.__('Language')}
          value={value.language}
          onChange={language => update({ language: language as Language })}
        >
          {props.languages.map(language => (
            <option
              key={language.id}
              value={language.id}
              disabled={!language.available}
            >
              {language.available
                ? language.name
                : trans.__('%1 (not installed)', language.name)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={ids.max}
          label={trans.__('Max participants')}
          value={value.maxParticipants}
          onChange={max => update({ maxParticipants: Number(max) })}
        >
          {range(MIN_PARTICIPANTS, MAX_PARTICIPANTS).map(n => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="cc-Fieldset">
        <legend className="cc-Label">{trans.__('Mode')}</legend>
        <div className="cc-ChoiceRow">
          {SESSION_MODES.map(mode => (
            <label key={mode} className="cc-Choice">
              <input
                type="radio"
                name={`${id}-mode`}
                value={mode}
                checked={value.mode === mode}
                onChange={() => update({ mode })}
              />
              <span>{modeLabel(mode, trans)}</span>
            </label>
          ))}
        </div>
        <p className="cc-Hint">
          {value.mode === 'peer'
            ? trans.__(
                'You and a peer take turns as interviewer and candidate; swap roles any time.'
              )
            : trans.__(
                'You interview; the first person you admit is the candidate, later ones observe.'
              )}
        </p>
      </fieldset>
      <div className="cc-FormGrid">
        <Field id={ids.password} label={trans.__('Password (optional)')}>
          <input
            id={ids.password}
            className="cc-Input"
            type="password"
            autoComplete="new-password"
            maxLength={128}
            value={value.password}
            onChange={event => update({ password: event.target.value })}
          />
        </Field>
        <Field
          id={ids.scheduled}
          label={trans.__('Scheduled start (optional)')}
        >
          <input
            id={ids.scheduled}
            className="cc-Input"
            type="datetime-local"
            value={value.scheduledAt}
            onChange={event => update({ scheduledAt: event.target.value })}
          />
        </Field>
      </div>
      <label className="cc-Choice cc-mod-spaced">
        <input
          id={ids.autoAdmit}
          type="checkbox"
          checked={value.autoAdmit}
          aria-describedby={ids.autoAdmitHint}
          onChange={event => update({ autoAdmit: event.target.checked })}
        />
        <span>{trans.__('Admit people without asking me')}</span>
      </label>
      <p id={ids.autoAdmitHint} className="cc-Hint">
        {trans.__('Otherwise they wait until you let them in.')}
      </p>
      <fieldset className="cc-Fieldset">
        <legend className="cc-Label">{trans.__('Invite friends')}</legend>
        {friends.length === 0 ? (
          <p className="cc-Hint">
            {trans.__(
              'Add friends in the CodeCall sidebar to invite them; anyone with the session’s link can join too.'
            )}
          </p>
        ) : (
          <ul className="cc-CheckList">
            {friends.map(friend => (
              <li key={friend.user.id}>
                <label className="cc-Choice">
                  <input
                    type="checkbox"
                    value={friend.user.username}
                    checked={value.invite.includes(friend.user.username)}
                    onChange={event =>
                      toggleInvite(friend.user.username, event.target.checked)
                    }
                  />
                  <span>{friend.user.display_name}</span>
                  <span className="cc-Choice-note">
                    @{friend.user.username}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      {error && (
        <p id={ids.error} className="cc-Error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A dialog body widget returning the entered values.
 */
export class NewSessionDialogBody
  extends ReactWidget
  implements Dialog.IBodyWidget<INewSessionValue>
{
  constructor(
    initial: INewSessionValue,
    friends: ReadonlyArray<IFriend>,
    languages: ReadonlyArray<ILanguageChoice>,
    error: string | null,
    searchProblems: (text: string) => Promise<IProblemSummary[]>,
    trans: TranslationBundle
  ) {
    super();
    this._value = initial;
    this._friends = friends;
    this._languages = languages;
    this._error = error;
    this._searchProblems = searchProblems;
    this._trans = trans;
    this.addClass('cc-DialogBody');
    this.addClass('cc-NewSessionDialog');
  }

  getValue(): INewSessionValue {
    return this._value;
  }

  protected render(): JSX.Element {
    return (
      <NewSessionForm
        initial={this._value}
        friends={this._friends}
        languages={this._languages}
        error={this._error}
        searchProblems={this._searchProblems}
        trans={this._trans}
        onChange={value => {
          this._value = value;
        }}
      />
    );
  }

  private _value: INewSessionValue;
  private _friends: ReadonlyArray<IFriend>;
  private _languages: ReadonlyArray<ILanguageChoice>;
  private _error: string | null;
  private _searchProblems: (text: string) => Promise<IProblemSummary[]>;
  private _trans: TranslationBundle;
}
