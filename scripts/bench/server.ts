/**
 * Language server figures over stdio, as an editor drives it: the bundled dist/server.js,
 * cold started per figure. The debounce is set to 0 through the initialization options, so
 * the keystroke figure is the server's own latency.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CheckFilesRequest, MemoryRequest, type MemoryResult } from '../../server/src/protocol';
import { BENCH_SERVER } from './build';
import { buildNote, fixture, MTSAMPLES_NOTES, ROOT, syntheticNote } from './corpus';
import { LspClient, type Message } from './lsp';
import { figure, median } from './stats';

const SERVER = BENCH_SERVER;
const DEBOUNCE_MS = 0;

const uri = (path: string) => pathToFileURL(path).href;
const isDiagnostics = (u: string, version?: number) => (m: Message) =>
  m.method === 'textDocument/publishDiagnostics' && m.params?.uri === u && (version === undefined || m.params?.version === version);

async function start(nodeArgs: string[] = []): Promise<LspClient> {
  const client = new LspClient(process.execPath, [...nodeArgs, SERVER, '--stdio'], ROOT);
  const init = await client.request('initialize', {
    processId: process.pid,
    rootUri: uri(ROOT),
    workspaceFolders: [{ uri: uri(ROOT), name: 'clinlint' }],
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true } } },
    initializationOptions: { trusted: true, settings: { debounceMs: DEBOUNCE_MS } },
  });
  if (init.error) throw new Error(`bench: initialize failed: ${JSON.stringify(init.error)}`);
  client.notify('initialized', {});
  return client;
}

function open(client: LspClient, path: string, text: string, languageId: string, version = 1): void {
  client.notify('textDocument/didOpen', { textDocument: { uri: uri(path), languageId, version, text } });
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  // After the command: state is field 3, utime and stime are fields 14 and 15 (clock ticks).
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

/** Spawn, initialize, open the example claim: ms to its first diagnostics, and the server's CPU ms by then. */
async function openToDiagnostics(): Promise<{ wall: number; cpu: number }> {
  const f = fixture('');
  const t0 = performance.now();
  const client = await start();
  const done = client.waitFor(isDiagnostics(uri(f.claimPath)));
  open(client, f.claimPath, f.claimText, 'claim-draft');
  await done;
  const wall = performance.now() - t0;
  const cpu = cpuMs(client.pid);
  await client.shutdown();
  return { wall, cpu };
}

/** A 10 KB note open; one character typed in it: ms to its new diagnostics. */
async function keystrokes(count: number): Promise<number[]> {
  const note = buildNote(10 * 1024);
  const f = fixture(note);
  const client = await start();
  const u = uri(f.notePath);
  const first = client.waitFor(isDiagnostics(u));
  open(client, f.notePath, note, 'clinical-note');
  await first;
  const at = note.indexOf('\n\n', note.length >> 1) + 1; // a blank line mid-note
  const samples: number[] = [];
  for (let v = 2; v < count + 2; v++) {
    const done = client.waitFor(isDiagnostics(u, v));
    const t0 = performance.now();
    client.notify('textDocument/didChange', {
      textDocument: { uri: u, version: v },
      contentChanges: [{ range: { start: pos(note, at), end: pos(note, at + (v > 2 ? 1 : 0)) }, text: String.fromCharCode(97 + (v % 26)) }],
    });
    await done;
    samples.push(performance.now() - t0 - DEBOUNCE_MS);
  }
  await client.shutdown();
  return samples;
}

function pos(text: string, offset: number): { line: number; character: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** 1,000 MTSamples notes open, every one diagnosed: the server's resident memory. */
async function rssWithDocuments(count: number): Promise<number> {
  const files = readdirSync(MTSAMPLES_NOTES).filter((f) => f.endsWith('.note')).sort().slice(0, count);
  const client = await start();
  const waiting = new Set(files.map((f) => uri(join(MTSAMPLES_NOTES, f))));
  const all = new Promise<void>((resolve) =>
    client.onMessage((m) => {
      if (m.method === 'textDocument/publishDiagnostics' && waiting.delete(m.params?.uri) && waiting.size === 0) resolve();
    }),
  );
  for (const f of files) open(client, join(MTSAMPLES_NOTES, f), readFileSync(join(MTSAMPLES_NOTES, f), 'utf8'), 'clinical-note');
  await Promise.race([all, new Promise((_, reject) => setTimeout(() => reject(new Error(`bench: ${waiting.size} notes never diagnosed`)), 60_000))]);
  const status = readFileSync(`/proc/${client.pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  await client.shutdown();
  return kb / 1024;
}

/**
 * Check Workspace over `count` generated closed notes of 1 MB each, in batches of 25 as the
 * extension sends them: seconds taken, then the server's heap after a garbage collection
 * (the server runs with --expose-gc; clinlint/memory collects first) and its peak RSS.
 */
async function checkWorkspace(count: number): Promise<{ seconds: number; heapMb: number; peakRssMb: number; cacheMb: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'clinlint-bench-workspace-'));
  try {
    const uris: string[] = [];
    for (let i = 0; i < count; i++) {
      const path = join(dir, `note-${i}.note`);
      writeFileSync(path, syntheticNote(1024 * 1024, i));
      uris.push(uri(path));
    }
    const client = await start(['--expose-gc']);
    const t0 = performance.now();
    for (let i = 0; i < uris.length; i += 25) {
      const r = await client.request(CheckFilesRequest.method, { uris: uris.slice(i, i + 25) });
      if (r.error) throw new Error(`bench: checkFiles failed: ${JSON.stringify(r.error)}`);
    }
    const seconds = (performance.now() - t0) / 1000;
    const memory = (await client.request(MemoryRequest.method, {})).result as MemoryResult;
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${client.pid}/status`, 'utf8'))?.[1]);
    await client.shutdown();
    return { seconds, heapMb: memory.heapUsedBytes / MB, peakRssMb: peakKb / 1024, cacheMb: memory.cache.bytes / MB };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MB = 1024 * 1024;

export async function serverFigures(): Promise<void> {
  if (!existsSync(SERVER)) {
    for (const name of ['server.open_to_diagnostics_ms', 'server.keystroke_to_diagnostics_ms', 'server.rss_mb_1000_docs', 'server.heap_mb_after_check_workspace']) {
      figure(name, 'n/a (the server bundle was not built)');
    }
    return;
  }
  const opens: { wall: number; cpu: number }[] = [];
  for (let i = 0; i < 5; i++) opens.push(await openToDiagnostics());
  figure('server.open_to_diagnostics_ms', median(opens.map((o) => o.wall)));
  // CPU time of the server process by then, all threads (V8 compiles and collects garbage on
  // helper threads, so it can exceed the wall time): the server's work, whatever the load.
  figure('server.open_to_diagnostics_cpu_ms', median(opens.map((o) => o.cpu)));
  figure('server.keystroke_to_diagnostics_ms', median((await keystrokes(60)).slice(10)));
  figure('server.rss_mb_1000_docs', await rssWithDocuments(1000));
  const ws = await checkWorkspace(1000);
  figure('server.check_workspace_1000x1mb_s', ws.seconds);
  figure('server.heap_mb_after_check_workspace', ws.heapMb);
  figure('server.check_workspace_cache_mb', ws.cacheMb);
  figure('server.check_workspace_peak_rss_mb', ws.peakRssMb);
}
