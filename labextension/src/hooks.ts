/**
 * React hooks following Lumino state holders.
 */
import { ISignal } from '@lumino/signaling';
import { useEffect, useState } from 'react';

/**
 * Something with a state and a signal emitting each new state.
 */
export interface IStateful<S> {
  readonly state: S;
  readonly stateChanged: ISignal<unknown, S>;
}

/**
 * Follow the state of `source` from a React component.
 */
export function useStateOf<S>(source: IStateful<S>): S {
  const [state, setState] = useState<S>(source.state);
  useEffect(() => {
    const onChange = (_: unknown, next: S): void => {
      setState(next);
    };
    source.stateChanged.connect(onChange);
    setState(source.state);
    return () => {
      source.stateChanged.disconnect(onChange);
    };
  }, [source]);
  return state;
}
