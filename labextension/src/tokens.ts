/**
 * Identifiers shared by the CodeCall plugins.
 */

/**
 * The id of the main plugin (also the settings schema id).
 */
export const PLUGIN_ID = 'codecall-jupyter:plugin';

/**
 * The id of the left sidebar panel.
 */
export const SIDEBAR_ID = 'codecall-sidebar';

/**
 * The translation domain of the extension.
 */
export const TRANSLATION_DOMAIN = 'codecall_jupyter';

/**
 * The command ids.
 */
export const CommandIDs = {
  openPanel: 'codecall:open-panel',
  createInvite: 'codecall:create-invite',
  logout: 'codecall:logout',
  newSession: 'codecall:new-session',
  openSession: 'codecall:open-session',
  joinSession: 'codecall:join-session',
  runSolution: 'codecall:run-solution',
  replaySession: 'codecall:replay-session',
  browseProblems: 'codecall:browse-problems',
  newProblem: 'codecall:new-problem',
  editProblem: 'codecall:edit-problem',
  myProgress: 'codecall:my-progress'
} as const;
