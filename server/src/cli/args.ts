/** Command-line arguments of `clinlint` (SPEC 7). */
import { PLANS, type Plan } from '../engine';

type Format = 'text' | 'json' | 'sarif';

export interface CliArgs {
  paths: string[];
  format: Format;
  policies: string[];
  bundled: boolean;
  plan?: Plan;
  payer?: string;
  help: boolean;
  version: boolean;
}

export class UsageError extends Error {}

export const USAGE = `Usage: clinlint [options] [paths...]

Checks claim drafts (*.claim) and clinical notes (*.note) against payer policies.
Folders are searched recursively for *.note and *.claim files (default: the current folder).

Options:
  --format text|json|sarif   output format (default text: path:line:col severity message [rule])
  --policies DIR             an extra policy folder (repeatable)
  --no-bundled-policies      do not load the policies bundled with ClinLint
  --plan commercial|medicare|medicaid   plan for documents that name none (default commercial)
  --payer NAME               payer for documents that name none
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors found, 2 usage error, unreadable input or invalid policy.`;

export function parseArgs(argv: string[]): CliArgs {
  const out: CliArgs = { paths: [], format: 'text', policies: [], bundled: true, help: false, version: false };
  const value = (i: number, flag: string): string => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    return v;
  };
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
  return out;
}
