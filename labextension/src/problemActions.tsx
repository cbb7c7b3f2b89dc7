/**
 * What the Problems panel's buttons do: import a zip, export one, delete
 * a problem of mine. Every flow resolves (never rejects): errors are shown.
 */
import {
  Dialog,
  Notification,
  ReactWidget,
  showDialog,
  showErrorMessage
} from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import React from 'react';

import { errorMessage } from './api';
import { FaultList } from './components/problems/FaultList';
import { VisibilityChoice } from './components/problems/VisibilityChoice';
import { confirm } from './confirm';
import { ProblemsApi, problemFaults } from './problemsApi';
import { IOwnProblem, IProblemSummary, Visibility } from './problemTypes';

/**
 * Ask for a file; resolves to null when none is chosen.
 */
function chooseFile(accept: string): Promise<File | null> {
  return new Promise(resolve => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => {
      resolve(input.files && input.files.length > 0 ? input.files[0] : null);
    });
    input.addEventListener('cancel', () => resolve(null));
    input.click();
  });
}

/**
 * Save a blob as a download.
 */
function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before letting go.
  window.setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

class VisibilityBody
  extends ReactWidget
  implements Dialog.IBodyWidget<Visibility>
{
  constructor(fileName: string, trans: TranslationBundle) {
    super();
    this._fileName = fileName;
    this._trans = trans;
    this.addClass('cc-DialogBody');
  }

  getValue(): Visibility {
    return this._value;
  }

  protected render(): JSX.Element {
    return (
      <VisibilityChoice
        fileName={this._fileName}
        initial={this._value}
        onChange={value => {
          this._value = value;
        }}
        trans={this._trans}
      />
    );
  }

  private _fileName: string;
  private _trans: TranslationBundle;
  private _value: Visibility = 'private';
}

/**
 * Show the faults that kept a problem out.
 */
export async function showFaults(
  title: string,
  error: unknown,
  trans: TranslationBundle
): Promise<void> {
  const faults = problemFaults(error);
  if (faults === null || faults.length === 0) {
    await showErrorMessage(title, errorMessage(error));
    return;
  }
  const body = ReactWidget.create(
    <FaultList
      faults={faults}
      title={trans.__('Each fault names its file in the zip’s folder:')}
      trans={trans}
    />
  );
  body.addClass('cc-DialogBody');
  await showDialog({
    title,
    body,
    buttons: [Dialog.okButton({ label: trans.__('OK') })]
  });
}

export class ProblemActions {
  constructor(api: ProblemsApi, trans: TranslationBundle) {
    this._api = api;
    this._trans = trans;
  }

  /**
   * Import a problem of mine from a zip; the problem, or null.
   */
  async importZip(): Promise<IOwnProblem | null> {
    const trans = this._trans;
    const file = await chooseFile('.zip,application/zip');
    if (file === null) {
      return null;
    }
    const result = await showDialog<Visibility>({
      title: trans.__('Import a problem'),
      body: new VisibilityBody(file.name, trans),
      buttons: [
        Dialog.cancelButton({ label: trans.__('Cancel') }),
        Dialog.okButton({ label: trans.__('Import') })
      ]
    });
    if (!result.button.accept || result.value === null) {
      return null;
    }
    const notice = Notification.emit(
      trans.__('Checking “%1” in the sandbox…', file.name),
      'in-progress',
      { autoClose: false }
    );
    try {
      const own = await this._api.importZip(file, result.value);
      Notification.update({
        id: notice,
        message: trans.__('Imported “%1”.', own.problem.title),
        type: 'success',
        autoClose: 4000
      });
      return own;
    } catch (error) {
      Notification.dismiss(notice);
      await showFaults(trans.__('Could not import the problem'), error, trans);
      return null;
    }
  }

  /**
   * Download a problem of mine as a zip.
   */
  async exportZip(problemId: string): Promise<void> {
    try {
      download(await this._api.exportZip(problemId), `${problemId}.zip`);
    } catch (error) {
      await showErrorMessage(
        this._trans.__('Could not export the problem'),
        errorMessage(error)
      );
    }
  }

  /**
   * Delete a problem of mine after a confirmation; whether it was deleted.
   */
  async remove(problem: IProblemSummary): Promise<boolean> {
    const trans = this._trans;
    const sure = await confirm({
      title: trans.__('Delete the problem'),
      body: trans.__(
        'Delete “%1” for good? Sessions that used it keep their statement and files.',
        problem.title
      ),
      accept: trans.__('Delete'),
      warn: true,
      trans
    });
    if (!sure) {
      return false;
    }
    try {
      await this._api.remove(problem.id);
      Notification.success(trans.__('Deleted “%1”.', problem.title), {
        autoClose: 3000
      });
      return true;
    } catch (error) {
      await showErrorMessage(
        trans.__('Could not delete the problem'),
        errorMessage(error)
      );
      return false;
    }
  }

  private _api: ProblemsApi;
  private _trans: TranslationBundle;
}
