/**
 * Custom requests and notifications between the ClinLint client and server. Shared by both
 * sides (the client bundles this file too): typed message objects (as vscode-eslint's), so a
 * handler and a caller cannot disagree on the params or the result; no vscode imports.
 */
import { NotificationType, RequestType, RequestType0 } from 'vscode-jsonrpc';
import type { Range } from 'vscode-languageserver-types';

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

/**
 * client -> server: the evidence in a note, for the client to mark (as vscode-eslint and
 * rust-analyzer do: the server computes the ranges, the client decorates). Sentences that
 * document a criterion for the note's own code mentions or for a claim that links the note are
 * `met`; sentences weighed and set aside (negated, hypothetical, someone else's, a number too
 * low) are `near`. A document that is not a note gets no marks.
 */
interface EvidenceMark {
  range: Range;
  kind: 'met' | 'near';
  criterion: string;
  /** The criterion in words. */
  label: string;
  code: string;
  citation: string;
  /** For a near miss: why it did not count. */
  reason?: string;
}
export interface EvidenceResult {
  uri: string;
  /** The document version the marks were computed on (the client drops stale answers). */
  version?: number;
  marks: EvidenceMark[];
}
export const EvidenceRequest = new RequestType<DocumentParams, EvidenceResult, void>('clinlint/evidence');

/** client -> server: reload the policy folders and re-check every open document. */
export interface ReloadResult {
  policies: number;
  errors: number;
}
export const ReloadPoliciesRequest = new RequestType0<ReloadResult, void>('clinlint/reloadPolicies');

/**
 * client -> server: the server's memory, for the bench and the tests (no document text):
 * heap and resident bytes (after a garbage collection when node runs with --expose-gc), the
 * analysed-note cache against its budget, and how many results are kept.
 */
export interface MemoryResult {
  heapUsedBytes: number;
  rssBytes: number;
  cache: { notes: number; bytes: number; budget: number };
  results: number;
}
export const MemoryRequest = new RequestType0<MemoryResult, void>('clinlint/memory');

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

/**
 * A client-side command (as vscode-eslint has): a prompt fix opens the note (beside a claim),
 * asks the server where the prompts go in the note's text at that moment, and inserts them as
 * snippets, cursor in the first placeholder. Servers offer it only to clients that declare it
 * in `InitOptions.clientCommands`; others get a workspace edit.
 */
export const InsertPromptCommand = 'clinlint.insertPrompt';
export interface InsertPromptArgs {
  /** The note to edit. */
  uri: string;
  /** Opaque snippets and the kind of note section each belongs in. */
  prompts: { snippet: string; section: string }[];
}

/** client -> server: where InsertPromptArgs' prompts go in `text`, the note's current text. */
export interface PlanPromptsParams extends InsertPromptArgs {
  text: string;
}
export interface PlanPromptsResult {
  inserts: { position: { line: number; character: number }; snippet: string }[];
}
export const PlanPromptsRequest = new RequestType<PlanPromptsParams, PlanPromptsResult, void>('clinlint/planPrompts');

/** Passed by the client in `initializationOptions`. */
export interface InitOptions {
  trusted?: boolean;
  /** Client-side commands the server may put in code actions (InsertPromptCommand). */
  clientCommands?: string[];
  /** Settings snapshot, for clients that cannot answer workspace/configuration. */
  settings?: unknown;
}
