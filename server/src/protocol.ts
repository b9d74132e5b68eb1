/**
 * Custom requests and notifications between the ClinLint client and server. Shared by both
 * sides (the client bundles this file too): typed message objects (as vscode-eslint's), so a
 * handler and a caller cannot disagree on the params or the result; no vscode imports.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';

/** client -> server: check these files (read from disk unless open) and publish diagnostics. */
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  files: number;
  problems: number;
}
export const CheckFilesRequest = new RequestType<CheckFilesParams, CheckFilesResult, void>('clinlint/checkFiles');

export interface DocumentParams {
  uri: string;
}
export interface MarkdownResult {
  markdown: string;
}
/** client -> server: the coverage checklist of one document, as markdown. */
export const ChecklistRequest = new RequestType<DocumentParams, MarkdownResult, void>('clinlint/checklist');
/** client -> server: a coverage rationale draft for one document, as markdown. */
export const RationaleRequest = new RequestType<DocumentParams, MarkdownResult, void>('clinlint/rationale');

/** client -> server: reload the policy folders and re-check every open document. */
export interface ReloadResult {
  policies: number;
  errors: number;
}
export const ReloadPoliciesRequest = new RequestType0<ReloadResult, void>('clinlint/reloadPolicies');

/** client -> server: the workspace was trusted (user policy folders may now be used). */
export interface TrustParams {
  trusted: boolean;
}
export const TrustNotification = new NotificationType<TrustParams>('clinlint/trust');

/** server -> client: what the language status item shows. */
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
export const StatusNotification = new NotificationType<ServerStatus>('clinlint/status');

/** Passed by the client in `initializationOptions`. */
export interface InitOptions {
  trusted?: boolean;
  /** Settings snapshot, for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}
