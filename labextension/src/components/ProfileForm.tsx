/**
 * The body of the "Edit profile" dialog.
 */
import { Dialog, ReactWidget } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

/**
 * The values edited by the form.
 */
export interface IProfileValue {
  displayName: string;
  email: string;
}

interface IProfileFormProps {
  initial: IProfileValue;
  error: string | null;
  trans: TranslationBundle;
  onChange: (value: IProfileValue) => void;
}

function ProfileForm(props: IProfileFormProps): JSX.Element {
  const { error, trans, onChange } = props;
  const [value, setValue] = useState<IProfileValue>(props.initial);
  const nameId = useId();
  const emailId = useId();
  const errorId = useId();

  const update = (patch: Partial<IProfileValue>): void => {
    const next = { ...value, ...patch };
    setValue(next);
    onChange(next);
  };

  return (
    <div className="cc-Form">
      <label className="cc-Label" htmlFor={nameId}>
        {trans.__('Display name')}
      </label>
      <input
        id={nameId}
        className="cc-Input"
        type="text"
        autoComplete="name"
        required
        value={value.displayName}
        aria-describedby={error ? errorId : undefined}
        onChange={event => update({ displayName: event.target.value })}
      />
      <label className="cc-Label" htmlFor={emailId}>
        {trans.__('Email (optional)')}
      </label>
      <input
        id={emailId}
        className="cc-Input"
        type="email"
        autoComplete="email"
        value={value.email}
        onChange={event => update({ email: event.target.value })}
      />
      {error && (
        <p id={errorId} className="cc-Error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * A dialog body widget returning the edited profile.
 */
export class ProfileDialogBody
  extends ReactWidget
  implements Dialog.IBodyWidget<IProfileValue>
{
  constructor(
    initial: IProfileValue,
    error: string | null,
    trans: TranslationBundle
  ) {
    super();
    this._value = initial;
    this._error = error;
    this._trans = trans;
    this.addClass('cc-DialogBody');
  }

  getValue(): IProfileValue {
    return this._value;
  }

  protected render(): JSX.Element {
    return (
      <ProfileForm
        initial={this._value}
        error={this._error}
        trans={this._trans}
        onChange={value => {
          this._value = value;
        }}
      />
    );
  }

  private _value: IProfileValue;
  private _error: string | null;
  private _trans: TranslationBundle;
}
