/** textDocument/definition: from a code to its governing sections in the policy files. */
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import type { Session } from '../session';

export function registerDefinition(s: Session): void {
  s.connection.onDefinition(
    s.guard('definition', (p: DefinitionParams): Location[] | null => {
      const doc = s.documents.get(p.textDocument.uri);
      if (!doc || !s.isClinical(doc.uri, doc.languageId)) return null;
      const result = s.resultFor(doc.uri);
      if (!result) return null;
      const offset = doc.offsetAt(p.position);
      const d = result.determinations.find((x) => offset >= x.span.start && offset <= x.span.end);
      if (!d) return null;
      // The sections that decided this occurrence first, then any other section governing the code.
      const decided = d.policies.map((pd) => s.catalog.section(pd.policy, pd.section));
      const sections = [...decided, ...s.catalog.sectionsFor(d.code)].filter((x, i, all) => x && all.indexOf(x) === i);
      const locations: Location[] = [];
      for (const sec of sections) {
        if (!sec?.policy.file) continue;
        const range = sec.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        locations.push({ uri: s.uriOf(sec.policy.file), range });
      }
      return locations.length ? locations : null;
    }),
  );
}
