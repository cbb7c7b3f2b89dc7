/**
 * The "Snapshots" card of a session panel: save the code under a name,
 * list the snapshots, compare them (with each other or with now) and
 * restore one.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useId, useState } from 'react';

import { useStateOf } from '../../hooks';
import { CURRENT_SNAPSHOT, ISnapshotSummary } from '../../replayTypes';
import { SnapshotActions } from '../../snapshotActions';
import { SnapshotsModel } from '../../snapshotsModel';
import { formatDate } from '../../utils';
import { SnapshotDiff } from './SnapshotDiff';

export interface ISnapshotsSectionProps {
  model: SnapshotsModel;
  actions: SnapshotActions;
  /**
   * Whether I may save and restore (host, interviewer or candidate of a
   * session that has not ended).
   */
  mayChange: boolean;
  myUserId: number | null;
  trans: TranslationBundle;
}

export function SnapshotsSection(props: ISnapshotsSectionProps): JSX.Element {
  const { model, actions, mayChange, myUserId, trans } = props;
  const state = useStateOf(model);
  const headingId = useId();
  const nameId = useId();
  const fromId = useId();
  const toId = useId();
  const [name, setName] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState(CURRENT_SNAPSHOT);
  const { snapshots, busy, diff } = state;
  const list = snapshots ?? [];

  const label = (id: string): string => {
    if (id === CURRENT_SNAPSHOT) {
      return trans.__('now');
    }
    const found = list.find(s => s.id === id);
    return found ? `“${found.name}”` : id;
  };
  const who = (snapshot: ISnapshotSummary): string => {
    const author = snapshot.created_by;
    if (author === null) {
      return trans.__('CodeCall');
    }
    return author.id === myUserId ? trans.__('you') : author.display_name;
  };
  // The first choice of "From" is the newest snapshot.
  const fromValue =
    from && list.some(s => s.id === from)
      ? from
      : list.length > 0
        ? list[list.length - 1].id
        : '';
  const toValue =
    to === CURRENT_SNAPSHOT || list.some(s => s.id === to)
      ? to
      : CURRENT_SNAPSHOT;

  return (
    <section className="cc-Card cc-Snapshots" aria-labelledby={headingId}>
      <h3 id={headingId} className="cc-Card-title">
        {trans.__('Snapshots')}
      </h3>
      {mayChange && (
        <form
          className="cc-Snapshots-save"
          onSubmit={event => {
            event.preventDefault();
            const clean = name.trim();
            if (!clean || busy) {
              return;
            }
            void actions.save(clean).then(saved => {
              if (saved) {
                setName('');
              }
            });
          }}
        >
          <label htmlFor={nameId} className="cc-Snapshots-label">
            {trans.__('Snapshot name')}
          </label>
          <input
            id={nameId}
            className="cc-Input"
            type="text"
            maxLength={120}
            value={name}
            placeholder={trans.__('e.g. brute force works')}
            onChange={event => setName(event.target.value)}
          />
          <button
            type="submit"
            className="cc-Button cc-mod-accept"
            disabled={busy || !name.trim()}
          >
            {trans.__('Save snapshot')}
          </button>
        </form>
      )}
      {state.status === 'error' && (
        <div className="cc-Error" role="alert">
          <span>
            {trans.__('Could not load the snapshots: %1', state.error)}
          </span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => {
              void model.refresh();
            }}
          >
            {trans.__('Retry')}
          </button>
        </div>
      )}
      {snapshots !== null && list.length === 0 && (
        <p className="cc-Hint">
          {mayChange
            ? trans.__(
                'No snapshot yet: save one to come back to this code later.'
              )
            : trans.__('No snapshot was saved.')}
        </p>
      )}
      {list.length > 0 && (
        <ol className="cc-Snapshots-list" aria-labelledby={headingId}>
          {list.map(snapshot => (
            <li
              key={snapshot.id}
              className="cc-Snapshots-item"
              data-snapshot-id={snapshot.id}
              data-name={snapshot.name}
            >
              <div className="cc-Snapshots-itemText">
                <span className="cc-Snapshots-name">{snapshot.name}</span>
                <span className="cc-Snapshots-meta">
                  {trans.__(
                    'by %1, %2',
                    who(snapshot),
                    formatDate(snapshot.created_at)
                  )}
                </span>
              </div>
              <div className="cc-ButtonRow">
                <button
                  type="button"
                  className="cc-Button cc-mod-small"
                  disabled={busy}
                  aria-label={trans.__('Compare “%1” with now', snapshot.name)}
                  onClick={() => {
                    void actions.compare(snapshot.id, CURRENT_SNAPSHOT);
                  }}
                >
                  {trans.__('Compare with now')}
                </button>
                {mayChange && (
                  <button
                    type="button"
                    className="cc-Button cc-mod-small cc-mod-warn"
                    disabled={busy}
                    aria-label={trans.__('Restore “%1”', snapshot.name)}
                    onClick={() => {
                      void actions.restore(snapshot);
                    }}
                  >
                    {trans.__('Restore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {list.length > 0 && (
        <form
          className="cc-Snapshots-compare"
          aria-label={trans.__('Compare two snapshots')}
          onSubmit={event => {
            event.preventDefault();
            if (fromValue && !busy) {
              void actions.compare(fromValue, toValue);
            }
          }}
        >
          <label htmlFor={fromId}>{trans.__('From')}</label>
          <select
            id={fromId}
            className="cc-Select cc-mod-small"
            value={fromValue}
            onChange={event => setFrom(event.target.value)}
          >
            {list.map(s => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <label htmlFor={toId}>{trans.__('to')}</label>
          <select
            id={toId}
            className="cc-Select cc-mod-small"
            value={toValue}
            onChange={event => setTo(event.target.value)}
          >
            <option value={CURRENT_SNAPSHOT}>{trans.__('Now')}</option>
            {list.map(s => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <button
            type="submit"
            className="cc-Button cc-mod-small"
            disabled={busy || !fromValue}
          >
            {trans.__('Compare')}
          </button>
        </form>
      )}
      {diff !== null && (
        <SnapshotDiff
          title={trans.__(
            'Changes from %1 to %2',
            label(diff.a),
            label(diff.b)
          )}
          files={diff.files}
          onClose={() => model.closeDiff()}
          trans={trans}
        />
      )}
    </section>
  );
}
