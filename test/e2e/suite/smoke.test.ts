import * as assert from 'node:assert';
import * as vscode from 'vscode';

describe('smoke', () => {
  it('runs in a real extension host', () => {
    assert.ok(vscode.version);
    assert.ok(vscode.extensions.getExtension('clinlint.clinlint'), 'extension clinlint.clinlint is loaded');
  });
});
