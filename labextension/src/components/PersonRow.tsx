/**
 * A person in a list: avatar, name, a note and actions.
 */
import React from 'react';

import { IPublicUser } from '../types';
import { Avatar } from './Avatar';

export interface IPersonRowProps {
  user: IPublicUser;
  /**
   * A line under the name (e.g. "Request sent").
   */
  note: React.ReactNode;
  /**
   * Drawn on the avatar (e.g. a presence dot).
   */
  badge?: React.ReactNode;
  /**
   * The action buttons.
   */
  children?: React.ReactNode;
}

export function PersonRow(props: IPersonRowProps): JSX.Element {
  const { user } = props;
  return (
    <li className="cc-Person" data-username={user.username}>
      <Avatar user={user}>{props.badge}</Avatar>
      <div className="cc-Person-names">
        <span className="cc-Person-name" title={`@${user.username}`}>
          {user.display_name}
        </span>
        <span className="cc-Person-note">{props.note}</span>
      </div>
      {props.children && (
        <div className="cc-Person-actions">{props.children}</div>
      )}
    </li>
  );
}
