/**
 * Bundled policies open read-only. They belong to the installed extension: one typo there would
 * unload a policy for every workspace. Go to definition into the bundled folder is rewritten to
 * the `clinlint-bundled` scheme, a read-only file system over the same files (the URI keeps the
 * file's path, so the JSON schema and the policy's name still apply). A user's own policy folder
 * keeps its `file:` URIs and opens as a normal file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const BUNDLED_SCHEME = 'clinlint-bundled';

export class BundledPolicies implements vscode.FileSystemProvider {
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(readonly dir: string) {}

  static register(context: vscode.ExtensionContext): BundledPolicies {
    const fs = new BundledPolicies(context.asAbsolutePath('policies'));
    context.subscriptions.push(
      vscode.workspace.registerFileSystemProvider(BUNDLED_SCHEME, fs, { isCaseSensitive: true, isReadonly: true }),
      fs.emitter,
    );
    return fs;
  }

  /** A `file:` URI inside the bundled folder as its read-only twin; any other URI unchanged. */
  readOnly(uri: vscode.Uri): vscode.Uri {
    return uri.scheme === 'file' && this.inside(uri.fsPath) ? uri.with({ scheme: BUNDLED_SCHEME }) : uri;
  }

  /** Client middleware: definitions that land in a bundled policy open read-only. */
  middleware(): Middleware {
    return {
      provideDefinition: async (document, position, token, next) => {
        const r = await next(document, position, token);
        if (!r) return r;
        const one = (l: vscode.Location | vscode.LocationLink) =>
          'targetUri' in l ? { ...l, targetUri: this.readOnly(l.targetUri) } : new vscode.Location(this.readOnly(l.uri), l.range);
        return Array.isArray(r)
          ? ((r as (vscode.Location | vscode.LocationLink)[]).map(one) as vscode.Location[])
          : (one(r) as vscode.Location);
      },
    };
  }

  private inside(path: string): boolean {
    const rel = relative(this.dir, resolve(path));
    return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-z]:/i.test(rel);
  }

  /** The real path behind a read-only URI, only inside the bundled folder. */
  private real(uri: vscode.Uri): string {
    const path = resolve(uri.path);
    if (path !== this.dir && !this.inside(path)) throw vscode.FileSystemError.FileNotFound(uri);
    return path;
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    try {
      const st = statSync(this.real(uri));
      const type = st.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File;
      return { type, ctime: st.ctimeMs, mtime: st.mtimeMs, size: st.size, permissions: vscode.FilePermission.Readonly };
    } catch (e) {
      throw e instanceof vscode.FileSystemError ? e : vscode.FileSystemError.FileNotFound(uri);
    }
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    return readdirSync(this.real(uri), { withFileTypes: true }).map((e) => [
      e.name,
      e.isDirectory() ? vscode.FileType.Directory : vscode.FileType.File,
    ]);
  }

  readFile(uri: vscode.Uri): Uint8Array {
    try {
      return readFileSync(this.real(uri));
    } catch (e) {
      throw e instanceof vscode.FileSystemError ? e : vscode.FileSystemError.FileNotFound(uri);
    }
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined); // the installed files do not change under us
  }

  private refuse(uri: vscode.Uri): never {
    throw vscode.FileSystemError.NoPermissions(
      `${uri.path} is a bundled ClinLint policy (read-only): copy it into a folder of clinlint.policyPaths to change it`,
    );
  }
  writeFile(uri: vscode.Uri): void {
    this.refuse(uri);
  }
  createDirectory(uri: vscode.Uri): void {
    this.refuse(uri);
  }
  delete(uri: vscode.Uri): void {
    this.refuse(uri);
  }
  rename(uri: vscode.Uri): void {
    this.refuse(uri);
  }
}
