/**
 * A friend's presence: a coloured dot on the avatar and a text label.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { PresenceKind, presenceLabel } from '../labels';

export interface IPresenceProps {
  kind: PresenceKind;
  trans: TranslationBundle;
}

/**
 * The dot, hidden from assistive technology (the label says it).
 */
export function PresenceDot(props: IPresenceProps): JSX.Element {
  return (
    <span
      className={`cc-PresenceDot cc-mod-${props.kind}`}
      aria-hidden="true"
    />
  );
}

/**
 * The text of the presence.
 */
export function PresenceLabel(props: IPresenceProps): JSX.Element {
  return (
    <span className={`cc-PresenceLabel cc-mod-${props.kind}`}>
      {presenceLabel(props.kind, props.trans)}
    </span>
  );
}
