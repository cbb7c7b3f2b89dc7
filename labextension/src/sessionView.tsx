/**
 * The content of a session panel: the session as the user sees it, with
 * the actions their place allows.
 */
import { ReactWidget } from '@jupyterlab/apputils';
import { IRenderMimeRegistry } from '@jupyterlab/rendermime';
import { TranslationBundle } from '@jupyterlab/translation';
import React, { useMemo } from 'react';

import { FeedbackCard } from './components/feedback/FeedbackCard';
import { ActivityLog } from './components/session/ActivityLog';
import { CallCard } from './components/session/CallCard';
import { ChatCard } from './components/session/ChatCard';
import { HostControls } from './components/session/HostControls';
import { InviteLinkBar } from './components/session/InviteLinkBar';
import { ParticipantList } from './components/session/ParticipantList';
import { PlaceNotice } from './components/session/PlaceNotice';
import { ProblemCard } from './components/session/ProblemCard';
import { SessionHeader } from './components/session/SessionHeader';
import { SessionTools } from './components/session/SessionTools';
import { SnapshotsSection } from './components/session/SnapshotsSection';
import { WaitingRoom } from './components/session/WaitingRoom';
import { ChatModel } from './chatModel';
import { CallModel } from './callModel';
import { ICallDefaults } from './callTypes';
import { attempt } from './confirm';
import { FeedbackApi } from './feedbackApi';
import { FriendsModel } from './friendsModel';
import { useStateOf } from './hooks';
import { CodeCallModel } from './model';
import { PreflightModel } from './preflight';
import { RunConsole } from './runConsole';
import { RunModel } from './runModel';
import { seesInside } from './sessionAccess';
import { SessionModel } from './sessionModel';
import { SessionPanelActions } from './sessionPanelActions';
import { SessionProblemModel } from './sessionProblemModel';
import { SnapshotActions } from './snapshotActions';
import { SnapshotsModel } from './snapshotsModel';

export interface ISessionViewProps {
  model: SessionModel;
  runs: RunModel;
  snapshots: SnapshotsModel;
  snapshotActions: SnapshotActions;
  account: CodeCallModel;
  friends: FriendsModel;
  actions: SessionPanelActions;
  openReplay: () => void;
  feedbackApi: FeedbackApi;
  /**
   * Open a file (by contents path) in the main area.
   */
  openPath: (path: string) => void;
  /**
   * Lay out the workspace again (the shared editor, the files).
   */
  openWorkspace: () => void;
  /**
   * The session's problem, when it has one.
   */
  problem: SessionProblemModel;
  /**
   * The session's chat.
   */
  chat: ChatModel;
  /**
   * The session's call, its pre-flight check and the settings' defaults.
   */
  call: CallModel;
  preflight: PreflightModel;
  callDefaults: () => ICallDefaults;
  rendermime: IRenderMimeRegistry;
  trans: TranslationBundle;
}

function SessionViewComponent(props: ISessionViewProps): JSX.Element {
  const {
    model,
    runs,
    snapshots,
    snapshotActions,
    account,
    friends,
    actions,
    openReplay,
    feedbackApi,
    openPath,
    openWorkspace,
    problem,
    chat,
    call,
    preflight,
    callDefaults,
    rendermime,
    trans
  } = props;
  const state = useStateOf(model);
  const problemTitle = useStateOf(problem.problem).data?.problem.title;
  const me = useStateOf(account).user;
  const friendList = useStateOf(friends.friends).data;
  const knownUsers = useMemo(
    () => (friendList ?? []).map(friend => friend.user),
    [friendList]
  );
  const { session, gone, busy } = state;

  const refreshError = state.status === 'error' && (
    <div className="cc-Error" role="alert">
      <span>{trans.__('Could not load the session: %1', state.error)}</span>
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
  );

  if (session === null) {
    return (
      <div className="cc-SessionView">
        {gone !== null ? (
          <PlaceNotice
            session={null}
            gone={gone}
            busy={busy}
            actions={actions}
            trans={trans}
          />
        ) : (
          refreshError || (
            <p className="cc-Hint" role="status">
              {trans.__('Loading the session…')}
            </p>
          )
        )}
      </div>
    );
  }

  const live = session.status !== 'ENDED' && gone === null;
  const manage = session.is_host && live;
  const waiting = session.participants.filter(p => p.state === 'waiting');
  const others = session.participants.filter(p => p.state !== 'waiting');
  const inside = seesInside(session, gone);
  const interviewer = session.is_host || session.my_role === 'interviewer';
  const side =
    (session.is_host || session.my_state === 'admitted') &&
    session.my_role !== 'observer';
  // Saving and restoring snapshots: the host, interviewers and candidates
  // of a running session (the server refuses observers).
  const writes = live && side;
  // Private notes: the host and interviewers (in peer mode both sides)
  // while the session lasts.
  const mayNote =
    inside && live && (session.mode === 'interview' ? interviewer : side);
  // Scorecards: interviewers of an interview. Feedback: either side, once
  // the session ended.
  const scores = inside && session.mode === 'interview' && interviewer;
  const feedback =
    inside &&
    session.status === 'ENDED' &&
    session.my_role !== 'observer' &&
    session.my_role !== null;
  const lastEvent =
    state.events.length > 0 ? state.events[state.events.length - 1].id : 0;
  const openNotes = (): void => {
    void attempt(
      async () => openPath(await feedbackApi.notes()),
      trans.__('Could not open your notes')
    );
  };

  return (
    <div className="cc-SessionView" data-status={session.status}>
      <SessionHeader
        session={session}
        problemTitle={problemTitle ?? null}
        trans={trans}
      />
      <PlaceNotice
        session={session}
        gone={gone}
        busy={busy}
        actions={actions}
        trans={trans}
      />
      {session.home_url && (
        <p className="cc-Notice cc-mod-info cc-SessionElsewhere" role="note">
          <span>
            {trans.__(
              'The files, editor, runs and call of this session are on the server of %1.',
              session.host.display_name
            )}
          </span>{' '}
          <a href={session.home_url} target="_blank" rel="noopener noreferrer">
            {trans.__('Open the session there')}
          </a>
        </p>
      )}
      {refreshError}
      {session.is_host && gone === null && (
        <HostControls
          session={session}
          busy={busy}
          actions={actions}
          trans={trans}
        />
      )}
      {inside && (
        <SessionTools
          openReplay={openReplay}
          openNotes={mayNote ? openNotes : undefined}
          openEditor={live && session.files ? openWorkspace : undefined}
          trans={trans}
        />
      )}
      {live && session.invite_url && (
        <InviteLinkBar
          path={session.invite_url}
          actions={actions}
          trans={trans}
        />
      )}
      {live && (session.is_host || session.my_state === 'admitted') && (
        <CallCard
          model={call}
          preflight={preflight}
          defaults={callDefaults}
          myName={me?.display_name ?? ''}
          trans={trans}
        />
      )}
      {inside && (
        <div className="cc-SessionView-columns">
          <div className="cc-SessionView-column">
            {manage && (
              <WaitingRoom
                waiting={waiting}
                canAdmit={session.participant_count < session.max_participants}
                busy={busy}
                actions={actions}
                trans={trans}
              />
            )}
            <ParticipantList
              participants={others}
              manage={manage}
              myUserId={me?.id ?? null}
              busy={busy}
              actions={actions}
              trans={trans}
            />
          </div>
          <div className="cc-SessionView-column">
            <ActivityLog
              events={state.events}
              participants={session.participants}
              host={session.host}
              knownUsers={knownUsers}
              trans={trans}
            />
          </div>
        </div>
      )}
      {inside && (
        <ChatCard
          model={chat}
          live={live && (session.is_host || session.my_state === 'admitted')}
          rendermime={rendermime}
          trans={trans}
        />
      )}
      {inside && session.problem_id && (
        <ProblemCard
          model={problem}
          live={live}
          rendermime={rendermime}
          trans={trans}
        />
      )}
      {scores && (
        <FeedbackCard
          api={feedbackApi}
          kind="scorecard"
          refreshKey={lastEvent}
          trans={trans}
        />
      )}
      {feedback && (
        <FeedbackCard
          api={feedbackApi}
          kind="feedback"
          refreshKey={lastEvent}
          trans={trans}
        />
      )}
      {inside && (
        <SnapshotsSection
          model={snapshots}
          actions={snapshotActions}
          mayChange={writes}
          myUserId={me?.id ?? null}
          trans={trans}
        />
      )}
      {inside && (
        <RunConsole
          model={runs}
          session={session}
          myUserId={me?.id ?? null}
          trans={trans}
        />
      )}
    </div>
  );
}

/**
 * The content of a session panel.
 */
export class SessionView extends ReactWidget {
  constructor(props: ISessionViewProps) {
    super();
    this._props = props;
    this.addClass('cc-SessionPanel');
  }

  protected render(): JSX.Element {
    return <SessionViewComponent {...this._props} />;
  }

  private _props: ISessionViewProps;
}
