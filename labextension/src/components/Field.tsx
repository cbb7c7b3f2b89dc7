/**
 * A labelled form field: a label above its control, in a `cc-Field` block.
 */
import React from 'react';

export interface IFieldProps {
  /**
   * The id of the control the label names.
   */
  id: string;
  label: React.ReactNode;
  children: React.ReactNode;
}

export function Field(props: IFieldProps): JSX.Element {
  return (
    <div className="cc-Field">
      <label className="cc-Label" htmlFor={props.id}>
        {props.label}
      </label>
      {props.children}
    </div>
  );
}

export interface ISelectFieldProps {
  id: string;
  label: React.ReactNode;
  value: string | number;
  /**
   * The chosen option's value.
   */
  onChange: (value: string) => void;
  /**
   * The `<option>`s.
   */
  children: React.ReactNode;
}

/**
 * A labelled `<select>`.
 */
export function SelectField(props: ISelectFieldProps): JSX.Element {
  return (
    <Field id={props.id} label={props.label}>
      <select
        id={props.id}
        className="cc-Input cc-Select"
        value={props.value}
        onChange={event => props.onChange(event.target.value)}
      >
        {props.children}
      </select>
    </Field>
  );
}
