/**
 * Every example claim and note (examples/, copied into the workspace): the editor's
 * diagnostics equal the CLI's (`clinlint --format json`): same rules at the same ranges.
 */
import * as assert from 'node:assert';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { closeAll, diagnostics, root, ruleOf } from './helpers';

interface CliFile {
  path: string;
  diagnostics: {
    rule: string;
    range: vscode.Range & { start: { line: number; character: number }; end: { line: number; character: number } };
  }[];
}

const key = (rule: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  `${rule}@${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

describe('examples: editor and CLI agree', () => {
  after(closeAll);

  it('every example gets the diagnostics the CLI reports', async function () {
    this.timeout(120_000);
    const files = (await vscode.workspace.findFiles('{claims,notes}/**/*.{claim,note}')).sort((a, b) => a.path.localeCompare(b.path));
    if (files.length === 0) this.skip();
    const ext = vscode.extensions.getExtension('clinlint.clinlint')!;
    const cwd = root().fsPath;
    const out = spawnSync(process.execPath, [join(ext.extensionPath, 'dist/cli.js'), '--format', 'json', ...files.map((f) => f.fsPath)], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    assert.ok(out.stdout, `the CLI printed nothing: ${out.stderr}`);
    const cli = JSON.parse(out.stdout) as { files: CliFile[] };
    const expected = new Map(cli.files.map((f) => [resolve(cwd, f.path), f.diagnostics.map((d) => key(d.rule, d.range)).sort()]));
    let compared = 0;
    for (const uri of files) {
      const want = expected.get(uri.fsPath);
      assert.ok(want, `the CLI reported on ${uri.fsPath}`);
      await vscode.workspace.openTextDocument(uri);
      if (want.length === 0) continue;
      const got = await diagnostics(uri, (d) => d.length === want.length).catch(() => vscode.languages.getDiagnostics(uri));
      assert.deepStrictEqual(got.map((d) => key(ruleOf(d), d.range)).sort(), want, uri.path);
      compared++;
    }
    for (const uri of files) {
      if (expected.get(uri.fsPath)!.length === 0)
        assert.deepStrictEqual(
          vscode.languages
            .getDiagnostics(uri)
            .filter((d) => d.source === 'clinlint')
            .map((d) => ruleOf(d)),
          [],
          uri.path,
        );
    }
    console.log(`compared ${compared} of ${files.length} examples with the CLI`);
  });
});
