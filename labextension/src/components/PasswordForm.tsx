/**
 * The body of the "Change password" dialog.
 */
import { Dialog, ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

/**
 * The minimum length of a password.
 */
export const MIN_PASSWORD_LENGTH = 8;

/**
 * The values entered in the form.
 */
export interface IPasswordValue {
  current: string;
  next: string;
  confirm: string;
}

/**
 * Check the entered values; return a message or null when valid.
 */
export function validatePassword(
  value: IPasswordValue,
  trans: TranslationBundle
): string | null {
  if (!value.current) {
    return trans.__('Enter your current password.');
  }
  if (value.next.length < MIN_PASSWORD_LENGTH) {
    return trans.__(
      'The new password must have at least %1 characters.',
      MIN_PASSWORD_LENGTH
    );
  }
  if (value.next !== value.confirm) {
    return trans.__('The new passwords do not match.');
  }
  return null;
}

/**
 * An empty form value.
 */
export const EMPTY_PASSWORD_VALUE: IPasswordValue = {
  current: '',
  next: '',
  confirm: ''
};

interface IPasswordFormProps {
  initial: IPasswordValue;
  error: string | null;
  trans: TranslationBundle;
  onChange: (value: IPasswordValue) => void;
}

function PasswordForm(props: IPasswordFormProps): JSX.Element {
  const { error, trans, onChange } = props;
  const [value, setValue] = useState<IPasswordValue>(props.initial);
  const currentId = useId();
  const nextId = useId();
  const confirmId = useId();
  const hintId = useId();
  const errorId = useId();

  const update = (patch: Partial<IPasswordValue>): void => {
    const next = { ...value, ...patch };
    setValue(next);
    onChange(next);
  };

  const mismatch = value.confirm.length > 0 && value.confirm !== value.next;

  return (
    <div className="cc-Form">
      <label className="cc-Label" htmlFor={currentId}>
        {trans.__('Current password')}
      </label>
      <input
        id={currentId}
        className="cc-Input"
        type="password"
        autoComplete="current-password"
        required
        value={value.current}
        onChange={event => update({ current: event.target.value })}
      />
      <label className="cc-Label" htmlFor={nextId}>
        {trans.__('New password')}
      </label>
      <input
        id={nextId}
        className="cc-Input"
        type="password"
        autoComplete="new-password"
        required
        minLength={MIN_PASSWORD_LENGTH}
        aria-describedby={hintId}
        value={value.next}
        onChange={event => update({ next: event.target.value })}
      />
      <p id={hintId} className="cc-Hint">
        {trans.__('At least %1 characters.', MIN_PASSWORD_LENGTH)}
      </p>
      <label className="cc-Label" htmlFor={confirmId}>
        {trans.__('Confirm new password')}
      </label>
      <input
        id={confirmId}
        className="cc-Input"
        type="password"
        autoComplete="new-password"
        required
        aria-invalid={mismatch}
        value={value.confirm}
        onChange={event => update({ confirm: event.target.value })}
      />
      {mismatch && (
        <p className="cc-Hint cc-mod-warning" aria-live="polite">
          {trans.__('The new passwords do not match.')}
        </p>
      )}
      {error && (
        <p id={errorId} className="cc-Error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A dialog body widget returning the entered passwords.
 */
export class PasswordDialogBody
  extends ReactWidget
  implements Dialog.IBodyWidget<IPasswordValue>
{
  constructor(
    initial: IPasswordValue,
    error: string | null,
    trans: TranslationBundle
  ) {
    super();
    this._value = initial;
    this._error = error;
    this._trans = trans;
    this.addClass('cc-DialogBody');
  }

  getValue(): IPasswordValue {
    return this._value;
  }

  protected render(): JSX.Element {
    return (
      <PasswordForm
        initial={this._value}
        error={this._error}
        trans={this._trans}
        onChange={value => {
          this._value = value;
        }}
      />
    );
  }

  private _value: IPasswordValue;
  private _error: string | null;
  private _trans: TranslationBundle;
}
