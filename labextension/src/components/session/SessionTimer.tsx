/**
 * How long the session has been running (or ran, once it ended).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useEffect, useState } from 'react';

/**
 * "4:05" under an hour, "1:02:09" from an hour on.
 */
export function elapsedText(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`
    : `${minutes}:${seconds}`;
}

export interface ISessionTimerProps {
  startedAt: string;
  endedAt: string | null;
  trans: TranslationBundle;
}

export function SessionTimer(props: ISessionTimerProps): JSX.Element {
  const { startedAt, endedAt, trans } = props;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (endedAt) {
      return;
    }
    const timer = window.setInterval(() => setNow(Date.now()), 1_000);
    return () => window.clearInterval(timer);
  }, [endedAt]);
  const end = endedAt ? Date.parse(endedAt) : now;
  const text = elapsedText(end - Date.parse(startedAt));
  const label = endedAt
    ? trans.__('The session lasted %1', text)
    : trans.__('Time in the session: %1', text);
  return (
    // Not a live region: a screen reader announcing every second helps nobody.
    <span
      className="cc-SessionTimer"
      role="timer"
      aria-label={label}
      title={label}
    >
      {text}
    </span>
  );
}
