/**
 * `clinlint rationale <claim> [-o FILE]`: the coverage rationale the editor's command opens,
 * drafted by the same service, written to stdout or to FILE. Exit status as for a check: 0 no
 * errors, 1 the document has errors (gaps, denials), 2 unreadable input or output.
 */
import { writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Engine, Host } from '../engine';
import { describeReadError, readBounded } from '../engine';
import { catalogFrom } from '../services/engineAdapter';
import { parseIcd10List, type Icd10List } from '../services/icd10';
import { draftRationale } from '../services/rationale';
import type { CliArgs } from './args';
import type { Io } from './main';

export function rationale(engine: Engine, host: Host, args: CliArgs, io: Io, display: (p: string) => string): number {
  const path = resolve(io.cwd, args.paths[0]);
  let text: string;
  let icd10: Icd10List | undefined;
  try {
    text = readBounded(path);
  } catch (e) {
    io.stderr(`clinlint: ${display(path)}: ${describeReadError(e)}\n`);
    return 2;
  }
  if (args.icd10cm) {
    const list = resolve(io.cwd, args.icd10cm);
    try {
      icd10 = parseIcd10List(readBounded(list), `ICD-10-CM list ${basename(list)}`);
    } catch (e) {
      io.stderr(`clinlint: ${display(list)}: ${describeReadError(e)}\n`);
      return 2;
    }
  }
  // The CLI's workspace (SPEC 9): the current folder and the claim's.
  const noteFolders = {
    workspace: [io.cwd, dirname(path)],
    allowed: args.allowNotesIn.map((p) => resolve(io.cwd, p)),
    howToAllow: 'allow its folder with --allow-notes-in DIR',
  };
  const result = engine.check({ path, text }, host, { payer: args.payer, plan: args.plan, noteFolders });
  const markdown = draftRationale(engine, result, host, catalogFrom(engine.registry, engine.concepts), icd10);
  if (args.output) {
    const out = resolve(io.cwd, args.output);
    try {
      writeFileSync(out, markdown);
    } catch (e) {
      io.stderr(`clinlint: cannot write ${display(out)}: ${describeReadError(e)}\n`);
      return 2;
    }
  } else io.stdout(markdown);
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
