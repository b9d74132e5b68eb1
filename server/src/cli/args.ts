/** Command-line arguments of `clinlint` (SPEC 7). */
import { PLANS, type Plan } from '../engine';

type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  /** `clinlint rationale <claim>`: draft the coverage rationale instead of checking. */
  command?: 'rationale';
  paths: string[];
  /** `-o FILE` (rationale): write there instead of stdout. */
  output?: string;
  /** `--icd10cm FILE` (rationale): an ICD-10-CM code list for diagnoses the claim does not describe. */
  icd10cm?: string;
  format: Format;
  policies: string[];
  /** Folders outside the checked tree where claims may link notes (`--allow-notes-in`). */
  allowNotesIn: string[];
  /** SARIF: quote note text (it is left out by default: SARIF is meant to be uploaded). */
  includeText: boolean;
  bundled: boolean;
  plan?: Plan;
  payer?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: clinlint [options] [paths...]
       clinlint rationale <claim-or-note> [-o FILE] [--icd10cm FILE] [options]

Checks claim drafts (*.claim) and clinical notes (*.note) against payer policies.
Folders are searched recursively for *.note and *.claim files (default: the current folder).

Options:
  --format text|json|sarif   output format (default text: path:line:col severity message [rule])
  --policies DIR             an extra policy folder (repeatable)
  --no-bundled-policies      do not load the policies bundled with ClinLint
  --allow-notes-in DIR       let claims link notes inside DIR (repeatable); by default a claim's
                             note: must lie inside the current folder or a folder named to check,
                             and an absolute note: path is refused
  --include-text             SARIF: quote the note sentences used as evidence (protected health
                             information: off by default, as SARIF is meant to be uploaded)
  --plan commercial|medicare|medicaid   plan for documents that name none (default commercial)
  --payer NAME               payer for documents that name none
  -h, --help                 show this help
  -v, --version              show the version

clinlint rationale drafts the coverage rationale of one claim (or note) as markdown, the
text the editor's Draft Coverage Rationale command opens: to stdout, or to FILE with -o.
  -o, --output FILE          write the rationale to FILE
  --icd10cm FILE             ICD-10-CM code list (CMS icd10cm_codes_<year>.txt) describing
                             diagnoses the claim lists without a description

Exit status: 0 no errors, 1 errors found, 2 usage error, unreadable input or invalid policy.`;

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = {
    paths: [],
    format: 'text',
    policies: [],
    allowNotesIn: [],
    includeText: false,
    bundled: true,
    help: false,
    version: false,
  };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
  if (argv[0] === 'rationale') {
    out.command = 'rationale';
    argv = argv.slice(1);
  }
  for (let i = 0; i < argv.length; i++) {
    let a = argv[i];
    let inline: string | undefined;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    if (eq > 0) {
      inline = a.slice(eq + 1);
      a = a.slice(0, eq);
    }
    const take = (flag: string) => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (a) {
      case '--format': {
        const f = take(a);
        if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`--format must be text, json or sarif, got "${f}"`);
        out.format = f;
        break;
      }
      case '--policies':
        out.policies.push(take(a));
        break;
      case '--allow-notes-in':
        out.allowNotesIn.push(take(a));
        break;
      case '--include-text':
        out.includeText = true;
        break;
      case '--no-bundled-policies':
        out.bundled = false;
        break;
      case '--plan': {
        const p = take(a);
        if (!PLANS.includes(p as Plan)) throw new UsageError(`--plan must be one of ${PLANS.join(', ')}, got "${p}"`);
        out.plan = p as Plan;
        break;
      }
      case '--payer':
        out.payer = take(a);
        break;
      case '-o':
      case '--output':
        out.output = take(a);
        break;
      case '--icd10cm':
        out.icd10cm = take(a);
        break;
      case '-h':
      case '--help':
        out.help = true;
        break;
      case '-v':
      case '--version':
        out.version = true;
        break;
      case '--':
        out.paths.push(...argv.slice(i + 1));
        i = argv.length;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        out.paths.push(a);
    }
  }
  if (!out.command && (out.output !== undefined || out.icd10cm !== undefined))
    throw new UsageError(`${out.output !== undefined ? '-o' : '--icd10cm'} is an option of clinlint rationale`);
  if (out.command === 'rationale' && !out.help && out.paths.length !== 1)
    throw new UsageError('clinlint rationale takes one claim or note');
  if (out.command === 'rationale' && out.format !== 'text')
    throw new UsageError('clinlint rationale writes markdown: --format does not apply');
  return out;
}
