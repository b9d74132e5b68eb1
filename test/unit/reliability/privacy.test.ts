/**
 * SPEC 9: notes are PHI, nothing leaves the machine. This test reads the shipped bundles
 * (dist/server.js, dist/cli.js, dist/extension.js, as esbuild writes them) and proves that no
 * network module is reachable from them.
 *
 * Findings, checked below rather than assumed:
 * - dist/cli.js requires only node:fs and node:path.
 * - `net` appears in dist/server.js and dist/extension.js exactly once each, inside
 *   vscode-jsonrpc's node transport (node_modules/vscode-jsonrpc/lib/node/main.js). It backs
 *   the pipe transports (a Unix socket / Windows named pipe, a file-system path) and the socket
 *   transports, which bind and connect to the loopback address 127.0.0.1 only
 *   (`server.listen(port, "127.0.0.1")`, `createConnection(port, "127.0.0.1")`). Those code
 *   paths run only when a transport is chosen by command-line argument (`--pipe=`,
 *   `--socket=`). So instead of forbidding `net` we assert that: the bundled copy is still
 *   loopback-only, the VS Code client starts the server over IPC (TransportKind.ipc, a
 *   Node.js fork channel, no socket), and bin/clinlint-server.js defaults to stdio.
 *   Note: bin/clinlint-server.js passes `--socket=`/`--pipe=` through when another editor asks
 *   for them; that is still loopback / local-pipe only.
 * - `child_process` appears only in vscode-languageserver's files.js (global npm/yarn module
 *   path helpers ClinLint never calls) and in vscode-languageclient (it forks the server).
 * - No http, https, http2, tls, dgram, dns, inspector, undici, ws, fetch(, WebSocket,
 *   XMLHttpRequest, EventSource or sendBeacon anywhere, and no dynamic require(<expression>)
 *   that could load one.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const BUNDLES = ['dist/server.js', 'dist/cli.js', 'dist/extension.js'];

/** Built by `npm test` (npm run build) before the unit tests; built here if missing. */
function bundles(): Map<string, string> | string {
  if (!BUNDLES.every((b) => existsSync(join(ROOT, b)))) {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) return `dist/ is missing and node scripts/build.mjs failed: ${(r.stderr || r.stdout || String(r.error)).slice(0, 500)}`;
  }
  const missing = BUNDLES.filter((b) => !existsSync(join(ROOT, b)));
  if (missing.length) return `bundles missing after the build: ${missing.join(', ')}`;
  return new Map(BUNDLES.map((b) => [b, readFileSync(join(ROOT, b), 'utf8')]));
}

const NETWORK_MODULES = ['http', 'https', 'http2', 'net', 'tls', 'dgram', 'dns', 'inspector', 'undici', 'ws', 'node-fetch', 'axios'];

/** Where each `require("x")` stands: esbuild heads each bundled module with `// <path>`. */
function requires(code: string): { module: string; section: string; index: number }[] {
  const sections: [number, string][] = [];
  const head = /^\/\/ (\S+\.[cm]?[jt]s)$/gm;
  for (let m; (m = head.exec(code)); ) sections.push([m.index, m[1]]);
  const sectionAt = (i: number) => {
    let s = '(bundle top)';
    for (const [at, name] of sections) {
      if (at > i) break;
      s = name;
    }
    return s;
  };
  const out: { module: string; section: string; index: number }[] = [];
  const re = /\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g;
  for (let m; (m = re.exec(code)); ) out.push({ module: m[2].replace(/^node:/, ''), section: sectionAt(m.index), index: m.index });
  return out;
}

test('the bundles reach no network module (net only in vscode-jsonrpc\'s loopback/pipe transports)', (t) => {
  const b = bundles();
  if (typeof b === 'string') {
    t.skip(b);
    return;
  }
  for (const [name, code] of b) {
    const minified = !/^\/\/ node_modules\//m.test(code);
    for (const r of requires(code)) {
      const base = r.module.split('/')[0];
      if (base === 'net' && !minified) {
        assert.equal(r.section, 'node_modules/vscode-jsonrpc/lib/node/main.js', `${name}: require("net") outside vscode-jsonrpc's transports`);
        continue;
      }
      if (base === 'net') continue; // minified: sections unknown; the loopback test below still holds
      assert.ok(!NETWORK_MODULES.includes(base), `${name}: require("${r.module}") in ${r.section}`);
      if (base === 'child_process' && !minified) {
        assert.ok(
          ['node_modules/vscode-languageserver/lib/node/files.js', 'node_modules/vscode-languageclient/lib/node/processes.js', 'node_modules/vscode-languageclient/lib/node/main.js'].includes(r.section),
          `${name}: require("child_process") in ${r.section}`,
        );
      }
    }
    assert.ok(requires(code).filter((r) => r.module === 'net').length <= 1, `${name}: net is required once at most`);
    // Nothing that loads a module by a computed name, and no web networking APIs.
    assert.doesNotMatch(code, /\brequire\(\s*[^"'`\s)]/, `${name}: a dynamic require`);
    for (const api of [/\bfetch\s*\(/, /\bWebSocket\b/, /\bXMLHttpRequest\b/, /\bEventSource\b/, /\bsendBeacon\b/, /process\.binding\(/]) {
      assert.doesNotMatch(code, api, `${name}: ${api}`);
    }
  }
  const cli = requires(b.get('dist/cli.js')!).map((r) => r.module);
  assert.deepEqual([...new Set(cli)].sort(), ['fs', 'path'], 'the CLI needs only the file system');
});

test('vscode-jsonrpc\'s socket transports bind and connect to loopback only', (t) => {
  const b = bundles();
  if (typeof b === 'string') {
    t.skip(b);
    return;
  }
  for (const name of ['dist/server.js', 'dist/extension.js']) {
    const code = b.get(name)!;
    // Every net call given a port: `server.listen(port, "127.0.0.1", ...)` and
    // `createConnection)(port, "127.0.0.1")` in vscode-jsonrpc 9.
    const withPort = [...code.matchAll(/(?:createConnection\)?|\.listen)\(\s*port\b[^\n]*/g)].map((m) => m[0]);
    assert.ok(withPort.length >= 2, `${name}: the socket transports are where expected (${withPort.join('; ')})`);
    for (const c of withPort) assert.match(c, /^[^(]*\(\s*port\s*,\s*"127\.0\.0\.1"/, `${name}: ${c} is not loopback-only`);
  }
});

test('the VS Code client starts the server over IPC; the server shim defaults to stdio', (t) => {
  const b = bundles();
  if (typeof b === 'string') {
    t.skip(b);
    return;
  }
  const ext = b.get('dist/extension.js')!;
  const transports = [...ext.matchAll(/transport:\s*([\w$.]+)/g)].map((m) => m[1]);
  assert.ok(transports.length >= 2, 'run and debug server options');
  for (const tr of transports) assert.match(tr, /TransportKind\.(ipc|stdio)$/, `the client uses ${tr}`);
  assert.doesNotMatch(ext, /transport:\s*[\w$.]*TransportKind\.(socket|pipe)/);

  const shim = readFileSync(join(ROOT, 'bin', 'clinlint-server.js'), 'utf8');
  assert.match(shim, /process\.argv\.push\('--stdio'\)/, 'bin/clinlint-server.js defaults to --stdio');
});
