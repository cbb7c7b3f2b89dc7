/**
 * Translated labels and formats of the run console.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { CompareKind, IRun, IRunCase } from './runTypes';

/**
 * The name of a verdict: the server's when given, else ours.
 */
export function verdictLabel(run: IRun, trans: TranslationBundle): string {
  if (run.verdict_name) {
    return run.verdict_name;
  }
  if (run.verdict === null) {
    return run.status === 'queued' ? trans.__('Queued') : trans.__('Running');
  }
  return verdictName(run.verdict, trans);
}

/**
 * The name of a verdict code (OK, WA, …).
 */
export function verdictName(verdict: string, trans: TranslationBundle): string {
  switch (verdict) {
    case 'OK':
      return trans.__('OK');
    case 'WA':
      return trans.__('Wrong Answer');
    case 'RE':
      return trans.__('Runtime Error');
    case 'TLE':
      return trans.__('Time Limit');
    case 'MLE':
      return trans.__('Memory Limit');
    case 'OLE':
      return trans.__('Output Limit');
    case 'CE':
      return trans.__('Compile Error');
    case 'CANCELLED':
      return trans.__('Cancelled');
    case 'IE':
      return trans.__('Internal Error');
    default:
      return verdict;
  }
}

/**
 * The verdict of one test case; hidden cases only pass or fail.
 */
export function caseLabel(item: IRunCase, trans: TranslationBundle): string {
  if (item.verdict === 'OK') {
    return trans.__('Passed');
  }
  if (item.hidden || item.verdict === 'FAIL') {
    return trans.__('Failed');
  }
  switch (item.verdict) {
    case 'WA':
      return trans.__('Wrong answer');
    case 'TLE':
      return trans.__('Time limit');
    case 'MLE':
      return trans.__('Memory limit');
    case 'OLE':
      return trans.__('Output limit');
    case 'CE':
      return trans.__('Compile error');
    case 'RE':
      return trans.__('Runtime error');
    default:
      return trans.__('Failed (%1)', item.verdict);
  }
}

export function compareLabel(
  kind: CompareKind,
  trans: TranslationBundle
): string {
  switch (kind) {
    case 'whitespace':
      return trans.__('Ignore extra whitespace');
    case 'exact':
      return trans.__('Exact match');
    case 'float':
      return trans.__('Numbers within a tolerance');
    case 'custom':
      return trans.__('Custom checker');
  }
}

/**
 * Milliseconds, briefly: "85 ms", "1.25 s".
 */
export function formatMs(ms: number, trans: TranslationBundle): string {
  if (ms < 1000) {
    return trans.__('%1 ms', Math.round(ms));
  }
  return trans.__('%1 s', (ms / 1000).toFixed(ms < 10_000 ? 2 : 1));
}

/**
 * Bytes, briefly: "512 KB", "12.3 MB".
 */
export function formatBytes(bytes: number, trans: TranslationBundle): string {
  if (bytes < 1024 * 1024) {
    return trans.__('%1 KB', Math.max(1, Math.round(bytes / 1024)));
  }
  return trans.__('%1 MB', (bytes / (1024 * 1024)).toFixed(1));
}
