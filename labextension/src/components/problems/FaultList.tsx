/**
 * Faults the server found in a problem, each naming its file: all of them
 * at the top of the editor (or in a dialog), and those of one field
 * beside it.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { IProblemFault } from '../../problemTypes';

function FaultItems(props: {
  faults: ReadonlyArray<IProblemFault>;
  trans: TranslationBundle;
}): JSX.Element {
  const { faults, trans } = props;
  return (
    <ul className="cc-FaultList-items">
      {faults.map((fault, i) => (
        <li key={i} className="cc-Fault" data-file={fault.file}>
          <code className="cc-Fault-file">
            {fault.file || trans.__('the problem')}
          </code>
          <span className="cc-Fault-message">{fault.message}</span>
        </li>
      ))}
    </ul>
  );
}

export interface IFaultListProps {
  faults: ReadonlyArray<IProblemFault>;
  title: string;
  trans: TranslationBundle;
}

/**
 * Every fault, under a title (an alert: it comes after a save).
 */
export function FaultList(props: IFaultListProps): JSX.Element | null {
  const { faults, title, trans } = props;
  if (faults.length === 0) {
    return null;
  }
  return (
    <div className="cc-FaultList" role="alert">
      <p className="cc-FaultList-title">{title}</p>
      <FaultItems faults={faults} trans={trans} />
    </div>
  );
}

export interface IInlineFaultsProps {
  faults: ReadonlyArray<IProblemFault> | undefined;
  /**
   * An id for `aria-describedby` of the field the faults are about.
   */
  id?: string;
  trans: TranslationBundle;
}

/**
 * The faults of one field, beside it.
 */
export function InlineFaults(props: IInlineFaultsProps): JSX.Element | null {
  const { faults, id, trans } = props;
  if (!faults || faults.length === 0) {
    return null;
  }
  return (
    <div id={id} className="cc-FaultList cc-mod-inline">
      <FaultItems faults={faults} trans={trans} />
    </div>
  );
}
