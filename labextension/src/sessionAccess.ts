/**
 * Where I stand in a session, as the panel's parts ask it.
 */
import type { GoneReason } from './sessionModel';
import { ISession } from './types';

/**
 * Whether I may see the inside of the session (its log, snapshots,
 * problem): its host, admitted, or admitted once and left.
 */
export function seesInside(
  session: ISession | null,
  gone: GoneReason | null
): session is ISession {
  return (
    session !== null &&
    gone === null &&
    (session.is_host ||
      session.my_state === 'admitted' ||
      session.my_state === 'left')
  );
}

/**
 * Whether I am inside a session that has not ended (live channel, call,
 * workspace).
 */
export function inRunningSession(
  session: ISession | null,
  gone: GoneReason | null
): session is ISession {
  return (
    session !== null &&
    gone === null &&
    session.status !== 'ENDED' &&
    (session.is_host || session.my_state === 'admitted')
  );
}
