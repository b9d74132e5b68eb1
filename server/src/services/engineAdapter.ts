/** Builds the editor's Catalog from the engine's policy registry. */
import type { LoadedConcept, LoadedPolicy } from '../engine';
import type { PolicyRegistry } from '../engine';
import type { Catalog, ConceptInfo, PolicyInfo, SectionInfo } from './catalog';

export function catalogFrom(registry: PolicyRegistry, concepts: readonly LoadedConcept[] = []): Catalog {
  const infos = new Map<LoadedPolicy, PolicyInfo>();
  const sections = new Map<string, SectionInfo>();
  const info = (p: LoadedPolicy): PolicyInfo => {
    let i = infos.get(p);
    if (!i) {
      const q = p.policy;
      i = {
        id: q.id,
        title: q.title,
        payer: q.payer,
        aliases: q.aliases,
        plans: q.plans,
        effective: q.effective,
        revised: q.revised,
        notes: q.notes,
        file: p.path,
      };
      infos.set(p, i);
    }
    return i;
  };
  for (const p of registry.policies) {
    for (const s of p.policy.sections) {
      const key = `${p.policy.id}\u0000${s.id}`;
      if (sections.has(key)) continue;
      sections.set(key, {
        policy: info(p),
        id: s.id,
        title: s.title,
        kind: s.kind,
        text: s.text,
        codes: s.codes,
        range: p.sectionRanges.get(s.id),
      });
    }
  }
  const conceptMap = new Map<string, ConceptInfo>(
    concepts.map((c) => [c.concept.id, { id: c.concept.id, label: c.concept.label, prompt: c.concept.prompt }]),
  );
  return {
    policies: registry.policies.map(info),
    sectionsFor: (code) =>
      registry
        .sectionsFor(code)
        .map((g) => sections.get(`${g.policy.policy.id}\u0000${g.section.id}`)!)
        .filter(Boolean),
    section: (policyId, sectionId) => sections.get(`${policyId}\u0000${sectionId}`),
    descriptor: (code) => registry.descriptor(code),
    codes: () => registry.allCodes().map((code) => ({ code, descriptor: registry.descriptor(code) })),
    payers: () => registry.payers(),
    concept: (id) => conceptMap.get(id),
  };
}
