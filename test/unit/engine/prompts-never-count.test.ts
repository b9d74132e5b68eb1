/**
 * SPEC 4.2: a documentation prompt is a request to the clinician, never documentation. For every
 * concept a bundled policy uses, on a claim billing a code the policy governs with it:
 * - the prompt inserted as plain text (placeholders unfilled), where the quick fix puts it,
 *   leaves every determination unchanged;
 * - the same prompt with its placeholder filled by documenting words (written here, as a
 *   clinician would) documents the criterion.
 * The concepts and codes come from the policy folder, so a new policy pack is covered as it lands.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { snippetToText } from '../../../server/src/engine';
import type { CheckResult } from '../../../server/src/engine';
import { planPrompts } from '../../../server/src/services/fixes';
import { checkClaim, criterionIn, engine } from './helpers';

/** What a clinician might write in place of each prompt's placeholder. */
const FILLED: Record<string, string> = {
  'functional-impairment': 'She is unable to walk more than one block because of pain in both feet.',
  'expected-improvement': 'Grafting is expected to restore painless weight-bearing on both feet.',
  'reconstructive-cause': 'The tissue loss results from systemic sclerosis, diagnosed in 2015.',
  'conservative-therapy-failed': 'Custom orthotics and padding for 6 months failed to relieve the pain.',
  'cosmetic-intent': 'She wants the procedure to improve her appearance.',
  'skin-tag-location': 'The skin tag lies in the axilla, an area of friction with clothing.',
  'skin-tag-irritation-bleeding': 'The skin tag has been repeatedly irritated and has bled four times this year.',
  'scar-symptoms':
    'The keloid remains painful despite steroid injections and silicone sheeting, and it has been recurrently infected.',
  'post-mastectomy-asymmetry': 'She had a left mastectomy in 2022, with resulting breast asymmetry.',
  'hiv-diagnosis': 'She has HIV infection, diagnosed in 2009, on antiretroviral therapy.',
  'facial-lipodystrophy': 'Examination shows HIV-associated facial lipoatrophy of both cheeks.',
  photographs: 'Clinical photographs of the site are in the record.',
  'intractable-pain': 'He has severe, chronic, intractable low back pain for 6 years, refractory to medications and injections.',
  'pump-trial-relief': 'An intrathecal morphine trial on 2024-08-19 brought his pain from 8/10 to 2/10.',
  'headache-indication': 'The pain to be treated is chronic daily headache.',
  'spasticity-origin': 'He has severe spasticity of spinal cord origin after a cervical spinal cord injury.',
  'oral-baclofen-failed': 'Oral baclofen 20 mg TID for 6 months was not tolerated because of sedation.',
  'unapproved-drug': 'The intrathecal trial used hydromorphone.',
};

const DATE = '2025-09-01'; // on or after every bundled policy's effective date

interface Case {
  criterion: string;
  code: string;
  claim: string;
}

/** For each concept a bundled policy uses: a claim billing a code governed with it. */
function cases(): Case[] {
  const e = engine();
  const out = new Map<string, Case>();
  for (const lp of e.registry.policies) {
    for (const criterion of new Set((lp.criterionRefs ?? []).map((r) => r.id))) {
      if (out.has(criterion)) continue;
      const code = e.registry
        .allCodes()
        .find((c) => e.registry.sectionsFor(c).some((g) => g.policy === lp && JSON.stringify(g.section).includes(`"${criterion}"`)));
      if (!code) continue;
      const claim = [
        `payer: ${lp.policy.payer}`,
        `plan: ${lp.policy.plans[0]}`,
        `date: ${DATE}`,
        'note: ../notes/visit.note',
        '',
        `line 1: ${code} x1`,
        '',
      ].join('\n');
      out.set(criterion, { criterion, code, claim });
    }
  }
  return [...out.values()];
}

const NOTE = ['HISTORY OF PRESENT ILLNESS:', 'Follow-up visit.', '', 'ASSESSMENT AND PLAN:', 'Discussed the procedure.', ''].join('\n');

function check(c: Case, note: string): CheckResult {
  return checkClaim(c.claim, { '/mem/notes/visit.note': note });
}

/** The determinations as a coder reads them: status, met, missing and advisory per policy. */
function statuses(r: CheckResult) {
  return r.determinations.map((d) => ({
    code: d.code,
    status: d.status,
    policies: d.policies.map((p) => ({
      policy: p.policy,
      section: p.section,
      status: p.status,
      met: p.met.map((m) => m.criterion),
      missing: p.missing,
      advisory: p.advisory,
      excludedBy: p.exclusion?.criterion,
    })),
  }));
}

/** Whether the note documents the criterion, as the engine reads it (context and numbers applied). */
function documents(note: string, criterion: string): boolean {
  return Boolean(criterionIn(note, criterion).met);
}

/** The note with the prompt inserted where the quick fix puts it (or at the end), as plain text. */
function withPrompt(r: CheckResult, note: string, prompt: string, fill?: string): string {
  const finding = r.findings.find((f) => f.data.prompt === prompt && f.data.insert);
  // Where the fix pipeline puts it, planned on this text (the quick fix's own plan).
  const [plan] = planPrompts(note, [{ snippet: prompt, section: finding?.data.insert?.section ?? 'end' }]);
  let text = snippetToText(plan.snippet);
  if (fill !== undefined) text = text.replace(/\[[^\]]*\]/, fill);
  return note.slice(0, plan.offset) + text + note.slice(plan.offset);
}

const all = cases();

test('every concept a bundled policy uses has a case and fill words', () => {
  const used = new Set(engine().registry.policies.flatMap((lp) => (lp.criterionRefs ?? []).map((r) => r.id)));
  assert.deepEqual(all.map((c) => c.criterion).sort(), [...used].sort());
  for (const c of all) assert.ok(FILLED[c.criterion], `fill words for ${c.criterion}`);
});

test('prompts carry no example facts: every placeholder holds a bracketed instruction, nothing else', () => {
  for (const { concept } of engine().concepts) {
    const placeholders = [...concept.prompt.matchAll(/\$\{\d+:([^}]*)\}/g)].map((m) => m[1]);
    assert.ok(placeholders.length > 0, `${concept.id}: a prompt asks for something`);
    for (const p of placeholders) assert.match(p, /^\[[^\]\d]+\]$/, `${concept.id}: placeholder "${p}"`);
    assert.doesNotMatch(concept.prompt.replace(/\$\{\d+:[^}]*\}/g, ''), /\d/, `${concept.id}: no numbers in the prompt's wording`);
  }
});

for (const c of all) {
  const concept = engine().concepts.find((x) => x.concept.id === c.criterion)!.concept;

  test(`${c.criterion} (${c.code}): the prompt inserted unfilled changes no determination`, () => {
    const before = check(c, NOTE);
    const note = withPrompt(before, NOTE, concept.prompt);
    assert.deepEqual(statuses(check(c, note)), statuses(before));
    assert.equal(documents(note, c.criterion), false);
  });

  test(`${c.criterion} (${c.code}): the prompt filled with the clinician's words documents it`, () => {
    assert.equal(documents(NOTE, c.criterion), false, 'not documented before');
    const filled = withPrompt(check(c, NOTE), NOTE, concept.prompt, FILLED[c.criterion]);
    assert.ok(documents(filled, c.criterion), `documented by "${FILLED[c.criterion]}"`);
  });
}

test('a note created from every prompt (create and link note) documents nothing', () => {
  for (const c of all) {
    const template = engine()
      .concepts.map((x) => snippetToText(x.concept.prompt))
      .join('\n');
    const r = check(c, `ASSESSMENT AND PLAN:\n${template}\n`);
    assert.deepEqual(statuses(r), statuses(check(c, NOTE)), c.criterion);
  }
});

test("a prompt's label left in place with a filled answer reads only the answer", () => {
  const c = all.find((x) => x.criterion === 'functional-impairment')!;
  const prompt = engine().concepts.find((x) => x.concept.id === 'functional-impairment')!.concept.prompt;
  assert.equal(documents(withPrompt(check(c, NOTE), NOTE, prompt, 'none'), 'functional-impairment'), false);
});
