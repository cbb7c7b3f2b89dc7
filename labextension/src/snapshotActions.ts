/**
 * The snapshot actions of a session panel, with their confirmations and
 * error dialogs. Every flow resolves (never rejects).
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';

import { attempt, confirm } from './confirm';
import { ISnapshotSummary } from './replayTypes';
import { SnapshotsModel } from './snapshotsModel';

export class SnapshotActions {
  constructor(model: SnapshotsModel, trans: TranslationBundle) {
    this._model = model;
    this._trans = trans;
  }

  /**
   * Save a snapshot; resolves to whether it was saved.
   */
  save(name: string): Promise<boolean> {
    const trans = this._trans;
    return attempt(async () => {
      const saved = await this._model.save(name);
      Notification.success(trans.__('Snapshot “%1” saved', saved.name), {
        autoClose: 3000
      });
    }, trans.__('Could not save the snapshot'));
  }

  async compare(a: string, b: string): Promise<void> {
    await attempt(
      () => this._model.compare(a, b),
      this._trans.__('Could not compare the snapshots')
    );
  }

  async restore(snapshot: ISnapshotSummary): Promise<void> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Restore “%1”', snapshot.name),
      body: trans.__(
        'Every file of the snapshot is written back for everyone in the session. The code as it is now is saved first as a snapshot, so you can restore it to undo.'
      ),
      accept: trans.__('Restore'),
      warn: true,
      trans
    });
    if (!sure) {
      return;
    }
    await attempt(async () => {
      const result = await this._model.restore(snapshot.id);
      Notification.success(
        trans.__(
          'Restored “%1”; the code before is saved as “%2”',
          result.snapshot.name,
          result.backup.name
        ),
        { autoClose: 5000 }
      );
    }, trans.__('Could not restore the snapshot'));
  }

  private _model: SnapshotsModel;
  private _trans: TranslationBundle;
}
