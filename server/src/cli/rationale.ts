/**
 * `clinlint rationale <claim> [-o FILE]`: the coverage rationale the editor's command opens,
 * drafted by the same service, written to stdout or to FILE. Exit status as for a check: 0 no
 * errors, 1 the document has errors (gaps, denials), 2 unreadable input or output.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { Engine, Host } from '../engine';
import { catalogFrom } from '../services/engineAdapter';
import { parseIcd10List, type Icd10List } from '../services/icd10';
import { draftRationale } from '../services/rationale';
import type { CliArgs } from './args';
import { readDocument, reason } from './files';
import type { Io } from './main';

export function rationale(engine: Engine, host: Host, args: CliArgs, io: Io, display: (p: string) => string): number {
  const path = resolve(io.cwd, args.paths[0]);
  let text: string;
  let icd10: Icd10List | undefined;
  try {
    text = readDocument(path);
  } catch (e) {
    io.stderr(`clinlint: ${display(path)}: ${reason(e)}\n`);
    return 2;
  }
  if (args.icd10cm) {
    const list = resolve(io.cwd, args.icd10cm);
    try {
      icd10 = parseIcd10List(readDocument(list), `ICD-10-CM list ${basename(list)}`);
    } catch (e) {
      io.stderr(`clinlint: ${display(list)}: ${reason(e)}\n`);
      return 2;
    }
  }
  const result = engine.check({ path, text }, host, { payer: args.payer, plan: args.plan });
  const markdown = draftRationale(engine, result, host, catalogFrom(engine.registry, engine.concepts), icd10);
  if (args.output) {
    const out = resolve(io.cwd, args.output);
    try {
      writeFileSync(out, markdown);
    } catch (e) {
      io.stderr(`clinlint: cannot write ${display(out)}: ${reason(e)}\n`);
      return 2;
    }
  } else io.stdout(markdown);
  return result.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
