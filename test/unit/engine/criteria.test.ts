/**
 * Every criterion of SPEC 4, in five clinical contexts (NegEx/ConText): affirmed, negated,
 * hypothetical, about someone else (family / other person), and historical. Each case is a
 * small note (front matter + a section + the sentence); the assertion is whether the criterion
 * is documented, and, when it is not, that the reason is the context under test (so a case
 * cannot pass merely because the sentence matched nothing).
 *
 * Hypothetical and historical mentions follow the concept's own flags (`hypothetical`,
 * `historical` in policies/concepts/<id>.json): the test reads the flag and expects the
 * mention to count when the flag says `counts`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { criterionIn, note, ROOT } from './helpers';

type Context = 'affirmed' | 'negated' | 'hypothetical' | 'family' | 'historical';

/** One sentence per context; `section` puts it under that heading (default HPI). */
interface Case {
  text: string;
  section?: string;
}

const CASES: Record<string, Record<Context, Case>> = {
  'functional-impairment': {
    affirmed: { text: 'She is unable to close her mouth fully and has difficulty chewing solid food.' },
    negated: { text: 'She denies difficulty walking or standing at work.' },
    hypothetical: { text: 'If the contracture progresses she could have difficulty walking.' },
    family: { text: 'Her mother is unable to walk without a cane.' },
    historical: { text: 'History of inability to bear weight on the left foot after the flare.' },
  },
  'expected-improvement': {
    affirmed: { text: 'Fat grafting is expected to restore oral competence and mouth closure.', section: 'PLAN' },
    negated: { text: 'The procedure is not expected to improve her function.', section: 'PLAN' },
    hypothetical: { text: 'If the graft takes, it should improve her ability to chew.', section: 'PLAN' },
    family: { text: "Her sister's hand surgery was expected to restore function." },
    historical: { text: 'The previous surgeon documented that grafting would improve mouth closure.' },
  },
  'reconstructive-cause': {
    affirmed: { text: 'Soft tissue atrophy of both cheeks due to systemic sclerosis.' },
    negated: { text: 'No congenital defect and no history of trauma.' },
    hypothetical: { text: 'She would only qualify if the defect were due to trauma.' },
    family: { text: 'Her brother was born with a cleft lip.' },
    historical: { text: 'History of scleroderma diagnosed in 2016.', section: 'PAST MEDICAL HISTORY' },
  },
  'conservative-therapy-failed': {
    affirmed: { text: 'Twelve weeks of physical therapy and custom orthotics did not help.' },
    negated: { text: 'She has not failed conservative management.' },
    hypothetical: { text: 'If there is no relief with physical therapy, we will proceed with surgery.' },
    family: { text: 'Her mother failed physical therapy for the same condition.' },
    historical: { text: 'She failed a course of physical therapy last year.' },
  },
  'cosmetic-intent': {
    affirmed: { text: 'She requests the procedure to improve her appearance before a reunion.' },
    negated: { text: 'The request is not for cosmetic reasons.' },
    hypothetical: { text: 'If the goal were to improve her appearance, this would not be covered.' },
    family: { text: 'Her sister had lip augmentation last spring.' },
    historical: { text: 'She previously had a rhinoplasty for cosmetic reasons.' },
  },
  'skin-tag-location': {
    affirmed: { text: 'Multiple skin tags in the left axilla rub against her bra strap.' },
    negated: { text: 'The skin tag is not in an area of friction.' },
    hypothetical: { text: 'If the tag catches on her collar, we will remove it.' },
    family: { text: 'Her mother has skin tags on the neck.' },
    historical: { text: 'Previously noted skin tags along the bra line.' },
  },
  'skin-tag-irritation-bleeding': {
    affirmed: { text: 'The tags are repeatedly irritated and have bled several times.' },
    negated: { text: 'She denies repeated irritation or bleeding of the tags.' },
    hypothetical: { text: 'Return if the tag becomes irritated and bleeds.' },
    family: { text: 'Her daughter has skin tags that bled repeatedly.' },
    historical: { text: 'History of recurrent bleeding from the axillary tags.' },
  },
  // SPEC 4: pain unresponsive to conservative therapy AND recurrently infected, unstable or
  // friable; each context applies to both parts of the sentence.
  'scar-symptoms': {
    affirmed: { text: 'The keloid is painful despite steroid injections and has been recurrently infected.' },
    negated: { text: 'No keloid pain despite stopping the steroid injections; never recurrently infected or friable.' },
    hypothetical: { text: 'If the keloid becomes painful despite injections or friable, we will excise it.' },
    family: { text: 'Her father has a keloid that stays painful despite steroid injections and is recurrently infected.' },
    historical: { text: 'History of an abdominal keloid that was painful despite steroid injections and recurrently infected.' },
  },
  'scar-pain-refractory': {
    affirmed: { text: 'The keloid hurts constantly despite four triamcinolone injections.' },
    negated: { text: 'The keloid is not painful despite stopping the injections.' },
    hypothetical: { text: 'If the keloid stays painful despite injections, we will excise it.' },
    family: { text: 'Her father has a keloid that stays painful despite steroid injections.' },
    historical: { text: 'History of a keloid that was painful despite steroid injections.' },
  },
  'scar-breakdown': {
    affirmed: { text: 'The scar keeps breaking down and is friable.' },
    negated: { text: 'The keloid is not friable and has never been recurrently infected.' },
    hypothetical: { text: 'If the keloid becomes friable, we will excise it.' },
    family: { text: 'Her father has a keloid that is recurrently infected.' },
    historical: { text: 'History of a recurrently infected scar on the abdomen.' },
  },
  'post-mastectomy-asymmetry': {
    affirmed: { text: 'She has marked breast asymmetry after her left mastectomy.' },
    negated: { text: 'There is no asymmetry after the lumpectomy.' },
    hypothetical: { text: 'If asymmetry develops after radiation, symmetry surgery may be offered.' },
    family: { text: 'Her sister had asymmetry after a lumpectomy.' },
    historical: { text: 'History of asymmetry following a left mastectomy.' },
  },
  'hiv-diagnosis': {
    affirmed: { text: 'He has HIV, well controlled on antiretroviral therapy.' },
    negated: { text: 'She denies HIV or hepatitis.' },
    hypothetical: { text: 'Labs sent to screen for HIV today.' },
    family: { text: 'Her mother has HIV.' },
    historical: { text: 'History of HIV diagnosed in 2001.', section: 'PAST MEDICAL HISTORY' },
  },
  'facial-lipodystrophy': {
    affirmed: { text: 'Exam shows HIV-associated facial lipoatrophy.' },
    negated: { text: 'No facial wasting on exam.' },
    hypothetical: { text: 'He is at risk for facial lipoatrophy on this regimen.' },
    family: { text: 'His brother developed facial wasting on HAART.' },
    historical: { text: 'History of facial lipoatrophy, first treated in 2015.' },
  },
  photographs: {
    affirmed: { text: 'Preoperative photographs are attached to the record.' },
    negated: { text: 'No photographs were obtained at this visit.' },
    hypothetical: { text: 'If needed, clinical photos can be obtained.' },
    family: { text: 'Mother with keloids; photographs on file from her treatment.', section: 'FAMILY HISTORY' },
    historical: { text: 'Photographs obtained at the visit 2 months ago are in the chart.' },
  },
  'intractable-pain': {
    affirmed: { text: 'She has intractable lumbar radicular pain despite oral opioids.' },
    negated: { text: 'No intractable pain at this time.' },
    hypothetical: { text: 'Should she develop intractable pain, a pump could be discussed.' },
    family: { text: 'Her father had intractable cancer pain.' },
    historical: { text: 'History of intractable neuropathic pain since 2015.' },
  },
  'pump-trial-relief': {
    affirmed: { text: 'Intrathecal morphine trial gave 70% pain relief.' },
    negated: { text: 'The intrathecal trial did not produce 60% relief.' },
    hypothetical: { text: 'If the intrathecal trial gives 70% relief, we will implant the pump.' },
    family: { text: 'Her sister had an intrathecal trial with 80% relief.' },
    historical: { text: 'An epidural trial provided 70% pain relief two months ago.' },
  },
  'headache-indication': {
    affirmed: { text: 'The pump is requested for intractable migraine headaches.' },
    negated: { text: 'The intrathecal pump is not for headache.' },
    hypothetical: { text: 'If headaches develop after the intrathecal trial, call the clinic.' },
    family: { text: 'Her mother used an intrathecal pump for migraines.' },
    historical: { text: 'History of migraines as a teenager; the intrathecal pump is for back pain.' },
  },
  'spasticity-origin': {
    affirmed: { text: 'Severe spasticity of both legs due to cerebral palsy.' },
    negated: { text: 'No spasticity of spinal cord origin.' },
    hypothetical: { text: 'If spasticity from the spinal cord injury worsens, we will revisit.' },
    family: { text: 'Her brother has spastic diplegia.' },
    historical: { text: 'History of spinal cord injury with severe spasticity.' },
  },
  'oral-baclofen-failed': {
    affirmed: { text: 'She could not tolerate oral baclofen because of sedation.' },
    negated: { text: 'She has not failed oral baclofen.' },
    hypothetical: { text: 'If oral baclofen causes sedation, an intrathecal trial will be arranged.' },
    family: { text: 'Her son could not tolerate oral baclofen.' },
    historical: { text: 'Previously failed oral baclofen at 80 mg daily.' },
  },
  'unapproved-drug': {
    affirmed: { text: 'Intrathecal hydromorphone trial is scheduled for Monday.', section: 'PLAN' },
    negated: { text: 'The pump will not contain clonidine.', section: 'PLAN' },
    hypothetical: { text: 'If morphine fails, hydromorphone could be tried in the pump.', section: 'PLAN' },
    family: { text: 'Her husband has a fentanyl pump.' },
    historical: { text: 'Previously received intrathecal clonidine via the pump.' },
  },
};

const REASON: Record<Exclude<Context, 'affirmed'>, string> = {
  negated: 'negated',
  hypothetical: 'hypothetical',
  family: 'experiencer',
  historical: 'historical',
};

function flags(id: string): { hypothetical: string; historical: string } {
  const c = JSON.parse(readFileSync(join(ROOT, 'policies', 'concepts', `${id}.json`), 'utf8'));
  return { hypothetical: c.hypothetical ?? 'excludes', historical: c.historical ?? 'counts' };
}

/** The heading stands alone on its line; inline headings (`HPI: text`) are tested separately below. */
const body = (c: Case) => `${c.section ?? 'HISTORY OF PRESENT ILLNESS'}:\n${c.text}\n`;
const text = (c: Case) => note({ patient: 'MRN 100200', payer: 'Anthem', plan: 'commercial', date: '2025-01-15' }, body(c));

test('the table covers every concept in policies/concepts', () => {
  const concepts = readdirSync(join(ROOT, 'policies', 'concepts'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  assert.deepEqual(Object.keys(CASES).sort(), concepts.sort());
});

for (const [criterion, cases] of Object.entries(CASES)) {
  const f = flags(criterion);
  for (const [context, c] of Object.entries(cases) as [Context, Case][]) {
    const counts =
      context === 'affirmed' ||
      (context === 'hypothetical' && f.hypothetical === 'counts') ||
      (context === 'historical' && f.historical === 'counts');
    test(`${criterion}: ${context} — ${counts ? 'documented' : 'not documented'}: "${c.text}"`, () => {
      const found = criterionIn(text(c), criterion);
      if (counts) {
        assert.ok(found.met, `expected ${criterion} to be documented by "${c.text}" (near miss: ${JSON.stringify(found.miss)})`);
        assert.ok(found.met.text.includes(c.text.slice(0, 20)), `evidence quotes the sentence: ${found.met.text}`);
      } else {
        assert.equal(found.met, undefined, `expected ${criterion} not to be documented by "${c.text}", got ${JSON.stringify(found.met?.text)}`);
        const reason = REASON[context as Exclude<Context, 'affirmed'>];
        assert.equal(found.miss?.reason, reason, `the mention is recognised and set aside as ${reason}: ${JSON.stringify(found.miss)}`);
      }
    });
  }
}
