/**
 * The buttons of the problem editor's lists: remove a row, add one.
 */
import { addIcon, closeIcon } from '@jupyterlab/ui-components';
import React from 'react';

export interface IRemoveRowButtonProps {
  /**
   * The accessible name, e.g. "Remove hint 2".
   */
  label: string;
  /**
   * The tooltip (the label unless given).
   */
  title?: string;
  onRemove: () => void;
}

/**
 * The small × button at the end of a row.
 */
export function RemoveRowButton(props: IRemoveRowButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className="cc-IconButton"
      aria-label={props.label}
      title={props.title ?? props.label}
      onClick={props.onRemove}
    >
      <closeIcon.react tag="span" elementSize="small" />
    </button>
  );
}

export interface IAddRowButtonProps {
  label: string;
  disabled?: boolean;
  onAdd: () => void;
}

/**
 * The "Add …" button under a list, in its own button row.
 */
export function AddRowButton(props: IAddRowButtonProps): JSX.Element {
  return (
    <div className="cc-ButtonRow">
      <button
        type="button"
        className="cc-Button cc-mod-small cc-mod-withIcon"
        disabled={props.disabled}
        onClick={props.onAdd}
      >
        <addIcon.react tag="span" elementSize="small" />
        {props.label}
      </button>
    </div>
  );
}
