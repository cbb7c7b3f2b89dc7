/**
 * The status of a session as a badge (text, not colour alone).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { statusLabel } from '../labels';
import { SessionStatus } from '../types';

export interface IStatusBadgeProps {
  status: SessionStatus;
  trans: TranslationBundle;
}

export function StatusBadge(props: IStatusBadgeProps): JSX.Element {
  const { status, trans } = props;
  return (
    <span
      className={`cc-StatusBadge cc-mod-${status.toLowerCase()}`}
      data-status={status}
    >
      {statusLabel(status, trans)}
    </span>
  );
}
