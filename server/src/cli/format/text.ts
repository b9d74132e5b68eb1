/** `--format text`: `path:line:col severity message [rule]`, 1-based like compilers print. */
import type { CheckResult } from '../../engine';

export function toText(results: CheckResult[], display: (p: string) => string): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    const sorted = [...r.findings].sort((a, b) => a.span.start - b.span.start);
    for (const f of sorted) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      const { line, character } = f.range.start;
      out.push(`${display(r.path)}:${line + 1}:${character + 1} ${f.severity} ${f.message} [${f.rule}]`);
    }
  }
  const codes = results.reduce((n, r) => n + r.determinations.length, 0);
  out.push(
    `${results.length} file${results.length === 1 ? '' : 's'} checked, ${codes} code${codes === 1 ? '' : 's'}: ` +
      `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`,
  );
  return out.join('\n') + '\n';
}
