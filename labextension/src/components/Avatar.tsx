/**
 * A small round avatar with a user's initials in their colour.
 */
import React from 'react';

import { IPublicUser } from '../types';

export interface IAvatarProps {
  user: IPublicUser;
  /**
   * Shown over the avatar's bottom right corner (e.g. a presence dot).
   */
  children?: React.ReactNode;
}

export function Avatar(props: IAvatarProps): JSX.Element {
  const { user } = props;
  return (
    <span className="cc-AvatarSlot">
      <span
        className="cc-Avatar cc-mod-small"
        style={{ backgroundColor: user.color }}
        aria-hidden="true"
      >
        {user.initials}
      </span>
      {props.children}
    </span>
  );
}
