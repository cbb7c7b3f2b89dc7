/**
 * The content of the Problems panel: search and filters, the problems
 * found, and the problem selected.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import { addIcon, fileUploadIcon } from '@jupyterlab/ui-components';
import React, { useId } from 'react';

import {
  IProblemDetailActions,
  ProblemDetail
} from './components/problems/ProblemDetail';
import { ProblemFilters } from './components/problems/ProblemFilters';
import { ProblemList } from './components/problems/ProblemList';
import { useStateOf } from './hooks';
import { CodeCallModel } from './model';
import { ProblemsModel } from './problemsModel';

/**
 * What the panel's buttons do.
 */
export interface IProblemsActions extends IProblemDetailActions {
  newProblem: () => void;
  importZip: () => void;
}

export interface IProblemsViewProps {
  model: ProblemsModel;
  account: CodeCallModel;
  actions: IProblemsActions;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

function ProblemsViewComponent(props: IProblemsViewProps): JSX.Element {
  const { model, account, actions, rendermime, trans } = props;
  const { query, selectedId } = useStateOf(model);
  const list = useStateOf(model.list);
  const detail = useStateOf(model.detail);
  const me = useStateOf(account).user;
  const headingId = useId();
  const found = list.data;

  let listContent: JSX.Element;
  if (found === null) {
    listContent =
      list.status === 'error' ? (
        <div className="cc-Error" role="alert">
          <span>{trans.__('Could not load the problems: %1', list.error)}</span>
          <button
            type="button"
            className="cc-Button cc-mod-small"
            onClick={() => void model.list.refresh()}
          >
            {trans.__('Retry')}
          </button>
        </div>
      ) : (
        <p className="cc-Hint" role="status">
          {trans.__('Loading problems…')}
        </p>
      );
  } else {
    listContent = (
      <>
        {list.status === 'error' && (
          <p className="cc-Hint cc-mod-warning" role="alert">
            {trans.__('Could not search: %1', list.error)}
          </p>
        )}
        <p className="cc-Hint cc-ProblemCount" role="status">
          {list.status === 'loading'
            ? trans.__('Searching…')
            : trans._n('%1 problem', '%1 problems', found.total)}
        </p>
        {found.problems.length === 0 ? (
          <p className="cc-Hint">
            {query.mine
              ? trans.__('You have not written a problem that matches.')
              : trans.__('No problem matches: try fewer filters.')}
          </p>
        ) : (
          <ProblemList
            problems={found.problems}
            selectedId={selectedId}
            onSelect={id => model.select(id)}
            trans={trans}
          />
        )}
      </>
    );
  }

  let detailContent: JSX.Element;
  if (selectedId === null) {
    detailContent = (
      <p className="cc-Hint cc-ProblemsView-empty">
        {trans.__('Choose a problem to read its statement.')}
      </p>
    );
  } else if (detail.data !== null && detail.data.id === selectedId) {
    detailContent = (
      <ProblemDetail
        problem={detail.data}
        myUserId={me?.id ?? null}
        actions={actions}
        rendermime={rendermime}
        trans={trans}
      />
    );
  } else if (detail.status === 'error') {
    detailContent = (
      <div className="cc-Error" role="alert">
        <span>{trans.__('Could not load the problem: %1', detail.error)}</span>
        <button
          type="button"
          className="cc-Button cc-mod-small"
          onClick={() => model.select(selectedId)}
        >
          {trans.__('Retry')}
        </button>
      </div>
    );
  } else {
    detailContent = (
      <p className="cc-Hint" role="status">
        {trans.__('Loading the problem…')}
      </p>
    );
  }

  return (
    <div className="cc-ProblemsView">
      <header className="cc-ProblemsView-header">
        <h2 id={headingId} className="cc-ProblemsView-title">
          {trans.__('Problems')}
        </h2>
        <div
          className="cc-ButtonRow"
          role="group"
          aria-label={trans.__('My problems')}
        >
          <button
            type="button"
            className="cc-Button cc-mod-withIcon"
            onClick={actions.newProblem}
          >
            <addIcon.react tag="span" elementSize="small" />
            {trans.__('New problem')}
          </button>
          <button
            type="button"
            className="cc-Button cc-mod-withIcon"
            onClick={actions.importZip}
          >
            <fileUploadIcon.react tag="span" elementSize="small" />
            {trans.__('Import zip…')}
          </button>
        </div>
      </header>
      <div className="cc-ProblemsView-columns">
        <section className="cc-ProblemsView-browse" aria-labelledby={headingId}>
          <ProblemFilters
            query={query}
            tags={found?.tags ?? []}
            onChange={patch => model.setQuery(patch)}
            onClear={() => model.clearQuery()}
            trans={trans}
          />
          {listContent}
        </section>
        <div className="cc-ProblemsView-detail">{detailContent}</div>
      </div>
    </div>
  );
}

/**
 * The content of the Problems panel.
 */
export class ProblemsView extends ReactWidget {
  constructor(props: IProblemsViewProps) {
    super();
    this._props = props;
    this.addClass('cc-ProblemsPanel');
  }

  protected render(): JSX.Element {
    return <ProblemsViewComponent {...this._props} />;
  }

  private _props: IProblemsViewProps;
}
