/**
 * The loading, error and empty states of a remote value around its view.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IRemoteState } from '../remote';

export interface IRemoteViewProps<T> {
  state: IRemoteState<T>;
  trans: TranslationBundle;
  loadingText: string;
  emptyText: string;
  isEmpty: (data: T) => boolean;
  onRetry: () => void;
  children: (data: T) => JSX.Element;
}

export function RemoteView<T>(props: IRemoteViewProps<T>): JSX.Element {
  const { state, trans } = props;
  const error = state.status === 'error' && (
    <div className="cc-Error" role="alert">
      <span>{state.error}</span>
      <button
        type="button"
        className="cc-Button cc-mod-small"
        onClick={props.onRetry}
      >
        {trans.__('Retry')}
      </button>
    </div>
  );
  if (state.data === null) {
    return (
      error || (
        <p className="cc-Hint" role="status">
          {props.loadingText}
        </p>
      )
    );
  }
  return (
    <>
      {error}
      {props.isEmpty(state.data) ? (
        <p className="cc-Hint">{props.emptyText}</p>
      ) : (
        props.children(state.data)
      )}
    </>
  );
}
