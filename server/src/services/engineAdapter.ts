/** Builds the editor's Catalog from the engine's policy registry. */
import { criteriaOf, negatedCriteria, type LoadedConcept, type LoadedPolicy, type Plan, type PolicyRegistry } from '../engine';
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
        exclusions: (s.exclusions ?? []).map((e) => ({
          reason: e.reason,
          message: e.message,
          when: criteriaOf(e.when),
          unless: negatedCriteria(e.when),
        })),
        notices: (s.notices ?? []).map((n) => ({ rule: n.rule, message: n.message })),
        drugs: (s.notices ?? []).flatMap((n) => n.drugs ?? []),
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
    sectionsOf: (policyId) => [...sections.values()].filter((x) => x.policy.id === policyId),
    descriptor: (code) => registry.descriptor(code),
    codes: (scope) => {
      let policies = scope?.payer ? (registry.matchPayer(scope.payer) ?? registry.policies) : registry.policies;
      if (scope?.plan) policies = policies.filter((p) => p.policy.plans.includes(scope.plan as Plan));
      const ids = policies.map((p) => p.policy.id);
      return registry
        .allCodes(policies)
        .map((code) => ({ code, descriptor: ids.map((id) => registry.descriptor(code, id)).find(Boolean) ?? registry.descriptor(code) }));
    },
    payers: () => registry.payers(),
    concept: (id) => conceptMap.get(id),
  };
}
