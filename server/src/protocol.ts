/**
 * Custom requests and notifications between the ClinLint client and server. Shared by both
 * sides (the client bundles this file too); plain data only, no vscode imports.
 */

/** client -> server: check these files (read from disk unless open) and publish diagnostics. */
export const CheckFilesRequest = 'clinlint/checkFiles';
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  files: number;
  problems: number;
}

/** client -> server: the coverage checklist of one document, as markdown. */
export const ChecklistRequest = 'clinlint/checklist';
/** client -> server: a coverage rationale draft for one document, as markdown. */
export const RationaleRequest = 'clinlint/rationale';
export interface DocumentParams {
  uri: string;
}
export interface MarkdownResult {
  markdown: string;
}

/** client -> server: reload the policy folders and re-check every open document. */
export const ReloadPoliciesRequest = 'clinlint/reloadPolicies';

/**
 * client -> server: the server's memory, for the bench and the tests (no document text):
 * heap and resident bytes (after a garbage collection when node runs with --expose-gc), the
 * analysed-note cache against its budget, and how many results are kept.
 */
export const MemoryRequest = 'clinlint/memory';
export interface MemoryResult {
  heapUsedBytes: number;
  rssBytes: number;
  cache: { notes: number; bytes: number; budget: number };
  results: number;
}

/** client -> server: the workspace was trusted (user policy folders may now be used). */
export const TrustNotification = 'clinlint/trust';
export interface TrustParams {
  trusted: boolean;
}

/** server -> client: what the language status item shows. */
export const StatusNotification = 'clinlint/status';
export interface ServerStatus {
  policies: number;
  policyErrors: number;
  /** Diagnostics currently published for clinical documents (errors + warnings + infos). */
  problems: number;
  /** Policy folders in use (bundled first). */
  policyDirs: string[];
  /** The server's process id (the output channel shows it; tests use it to check restarts). */
  pid: number;
}

/** Passed by the client in `initializationOptions`. */
export interface InitOptions {
  trusted?: boolean;
  /** Settings snapshot, for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}
