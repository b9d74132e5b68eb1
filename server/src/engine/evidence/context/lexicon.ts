/**
 * The clinical-context lexicon: trigger phrases and what they do to the mentions in their
 * scope, in the manner of NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009).
 * Phrases use the concept pattern language (see ../pattern.ts). Documented in
 * docs/clinical-context.md.
 *
 * - `forward` triggers qualify what follows them, up to a termination term or the end of the
 *   sentence (within a window); `backward` triggers qualify what precedes them.
 * - `pseudo` phrases contain a trigger word but are not triggers ("no increase", "not only",
 *   "gram negative"): a trigger inside a matched pseudo phrase is ignored.
 * - `termination` terms end the scope of a trigger ("but", "however", "which").
 *
 * `hypothetical` is ConText's HYPOTHETICAL (a condition, an instruction, a risk: "call if
 * fever", "should she develop"); `uncertain` is its POSSIBLE_EXISTENCE (the condition may be
 * present now: "possible pneumonia", "rule out DVT", "evaluate for"). The judge treats both
 * alike (not asserted: a criterion does not count unless its concept says hypothetical
 * mentions do), so no determination depends on the split; eval:negex scores only the first
 * against the NegEx "Not particular" temporality, as ConText's categories would be.
 */
import { NO_ANSWERS, YES_ANSWERS } from '../tokenize';

/**
 * A label's answer after its colon or a spaced dash ("Nausea: absent", "numbness - denies").
 * Some answers also open a clause ("Allergies: no known ...", "Neurologic - No numbness"), so
 * they read both ways; the others only close the label before them.
 */
const OPENING_ANSWERS: readonly string[] = ['no', 'denies', 'denied', 'negative'];
const CLOSING_ANSWERS: readonly string[] = [
  ...NO_ANSWERS.filter((a) => !OPENING_ANSWERS.includes(a)),
  'nil', 'not present', 'not reported', 'not applicable', 'n/a',
];

export type ContextCategory = 'negated' | 'hypothetical' | 'uncertain' | 'experiencer' | 'historical';

export interface TriggerEntry {
  /** `termination:<category>` ends the scope of that category's triggers only. */
  category: ContextCategory | 'pseudo' | 'termination' | `termination:${ContextCategory}`;
  /** Which side of the trigger it qualifies (default forward); `both` for ": no". */
  direction?: 'forward' | 'backward' | 'both';
  /**
   * For `pseudo`: the phrase is itself a negated item ("no change in vision"). It silences its
   * trigger for what it runs on into up to the next comma ("no change in the nodule"), but not
   * for the items of a coordinated list after it, which the trigger negates as a list after any
   * trigger: "no change in vision, DIPLOPIA or change in hearing".
   */
  item?: true;
  /**
   * `clause`: the trigger reaches to the end of its clause (a termination term, a colon or
   * semicolon, the end of the sentence; at most CLAUSE_REACH words) instead of its category's
   * window, as ConText's scopes do: a condition governs its whole list of return precautions.
   * `word`: a prefix split off by the tokenizer ("non-HIV"), which governs only the word right
   * after it ("non-throbbing headaches" are headaches).
   */
  reach?: 'clause' | 'word';
  phrases: string[];
}

export const LEXICON: TriggerEntry[] = [
  {
    category: 'negated',
    direction: 'forward',
    phrases: [
      'no', 'not', 'without', 'w/o', 'never', 'nor', 'neither', 'cannot', 'can not', 'no longer',
      'negative', 'negative for', '(is|was|are|were) negative for', 've for', '(is|was|are|were) ve for',
      'negative for :', 'denies :', 'free of', 'absence of', 'absent', 'ruled out', 'ruled out for',
      'fails to reveal', 'failed to reveal', 'no evidence of', 'no evidence for', 'no sign of', 'no signs of',
      'no history of', 'no h/o', 'no hx of', 'no complaints of', 'no complaint of', 'no findings of',
      'no suspicious', 'no abnormal', 'no new', 'no significant', 'no acute', 'no definite', 'no obvious',
      'no known', 'no further', 'not demonstrate', 'did not exhibit', 'not exhibit', 'not appreciated',
      'unremarkable for', 'with no', 'not had', 'has not had', 'not have', 'not see', 'not feel',
      '(doesn|don|didn|isn|wasn|aren|weren|hasn|haven|hadn|can|couldn|won) t',
      'does not', 'did not', 'do not', 'is not', 'was not', 'are not', 'were not', 'has not', 'have not',
      'resolution of', 'resolved', 'unlikely to',
    ],
  },
  {
    // A denial governs its whole clause, as ConText's scopes do: "He denies any lesions or other
    // visual change, focal weakness or sensory change, headaches, gait change" (the first item
    // alone is longer than a window). A termination ("but", "reports", ", she") still ends it.
    category: 'negated',
    direction: 'forward',
    reach: 'clause',
    phrases: [
      'denies', 'denied', 'deny', 'denying', 'denies any', 'denied any', 'denies having', '(denies|denied) (a|any) history of',
      // a templated review of systems' minus: "Constitutional: (-) fever, headache, nausea"
      '(-)',
    ],
  },
  {
    // a hyphenated "non-", which the tokenizer splits off: "Facial lipodystrophy, non-HIV"
    category: 'negated',
    direction: 'forward',
    reach: 'word',
    phrases: ['non'],
  },
  {
    category: 'negated',
    direction: 'backward',
    phrases: [
      '(is|are|was|were) ruled out', '(has|have) been ruled out', 'unlikely', 'is unlikely',
      // a finding marked absent in a checklist: "Headache absent.", "Nausea: absent"
      'absent',
      '(is|was|are|were) negative', 'not seen', '(is|was|are|were) absent', 'not present',
      '(is|was|are|were) not present', 'free', 'resolved', 'has resolved', 'have resolved', 'none',
      'not (noted|identified|detected|found|appreciated|visualized|demonstrated|evident|observed|elicited|seen)',
      '(cannot|can not) be (identified|seen|detected|demonstrated|appreciated|visualized)',
      'no longer present', 'gone', 'denied', 'came back negative',
      '[both of|all of|each of] (which|that) [was|were|is|are|came back] (negative|unremarkable|nonreactive)',
      `(:|-) (${CLOSING_ANSWERS.join('|')})`, 'unremarkable',
      '(is|was|are|were) (unremarkable|nonreactive|non reactive)', 'nonreactive', 'non reactive',
      // a result written onto its test: "HIV-negative", "HIV neg"
      'negative', 'neg',
      // a lab result without a copula: "HIV screening negative", "HIV Ab neg"
      '(test|testing|screen|screening|serology|serologies|antibody|antibodies|ab|ag|pcr|elisa|titer|titers) (negative|neg)',
    ],
  },
  {
    // ": no" ends a label ("Blood transfusion: No") and may open a clause ("Allergies: no known ...");
    // a spaced dash does the same ("Difficulty walking - no", "Neurologic - No numbness").
    category: 'negated',
    direction: 'both',
    phrases: [`(:|-) (${OPENING_ANSWERS.join('|')})`],
  },
  {
    // Phrases holding a trigger word that are not triggers. A trigger strictly inside one is
    // ignored, unless the phrase runs into the mention.
    // "No change", "no increase": stability of what follows, not its absence; the items listed
    // after it are negated ("no change in vision, diplopia or change in hearing").
    category: 'pseudo',
    item: true,
    phrases: ['no increase', 'no change', 'no significant change', 'no interval change', 'no suspicious change'],
  },
  {
    category: 'pseudo',
    phrases: [
      'not only', 'not necessarily', 'not drain', 'not extend', 'not certain if',
      'not certain whether', 'gram negative', 'not ruled out', 'not been ruled out', 'not be ruled out',
      '(cannot|can not|could not|can t|couldn t) be (ruled out|excluded)', 'not excluded',
      'whether or not', 'not rule out', 'no doubt', 'without [a] doubt',
      // a candidacy, not the findings listed after it: "not a surgical candidate (cardiac), chronic, severe, intractable back pain"
      '(not|no longer) a [surgical|good|suitable|operative|reasonable] candidate',
      'negative (pressure|margin|margins|aspiration|aspirate|inspiratory|predictive)', 'aspiration [was|is] negative',
      // "-ve for" is negative (the tokenizer drops the hyphen: "ve for" is a trigger); "+ve for" is positive
      '+ ve [for]',
      // "free" as a verb is no negation: "is expected to free the tethered tissue"
      '(to|will|should|would|can|could) free',
      // a share of the pain gone is relief, not pain denied: "more than half of her usual pain gone"
      // (the phrase after the share: the share is the mention)
      'of [her|his|the|their|my] [usual|baseline|typical|daily|normal] pain [was|is|had|has|being] gone',
      // a question answered on its line is the answer: "HIV? Yes", "Difficulty chewing? Y"
      `? (${YES_ANSWERS.join('|')})`,
      // "but" that does not end a scope:
      '[including] but not (limited|exclusive|restricted) (to|of)', 'but also',
      // "history" that is not the patient's past:
      '(hour|hours|day|days|night|nights|week|weeks|month|months|year|years|yr|yrs) history of',
      // onset of a present condition: "the headache began 2 months ago"
      '(began|begun|started|start|starting|onset|noticed|developed|first) ... (years|year|months|month|weeks|week) ago',
      'history of (present|the present) illness', 'history of the present', 'history and physical',
      // hypothetical words in set phrases:
      'as soon as possible', '(if|when|whenever|where) possible', 'if any', 'as if', 'even if',
      'if not', 'would like', '[it] should be (noted|mentioned|stated|emphasized|emphasised|pointed out|added)',
      // an expectation, not a hedge: "grafting would be expected to improve her ability to chew"
      'would (be expected|be anticipated|expect|anticipate)',
      // "previously" qualifying the report, not the condition:
      '(as|which) previously', 'than ... previously', 'previously (noted|described|mentioned|reported|seen|documented|discussed)',
      // "old" in ages:
      '(year|years|month|months|week|weeks|day|days) old',
      // a comparison with others is about this patient: "like many patients of that era he developed"
      '(like|as with|as in|as do|as did) (many|most|some|other|these) patients',
      // the problem a procedure is to end: "is expected to rebuild cheek volume so the mucosa no
      // longer falls between the teeth"
      'so [that] ... no longer',
      // a surgical term, not "pain free": "s/p degloving injury ... with free flap and STSG"
      'free (flap|flaps|graft|grafts|tissue transfer|fibula|fat graft|nipple graft|skin graft|muscle flap|tram|diep)',
      // a relative clause coordinated with the one before is about the same people, and does not
      // end what is said of them: "reserved for pts whose pain has not responded ... and who show
      // > 50% relief on trial"
      '(and|or) (who|whose)',
      // a relative telling of her own body is still the relative's, not a report of the patient:
      // "his wife says hers used to bleed when her necklace caught on them"
      '(says|said|states|stated|reports|reported|notes|noted|tells|told) [that|us] (hers|theirs|her own|his own|their own)',
    ],
  },
  {
    // A statement about patients in general, or about what a policy asks, documents nothing of
    // this patient (SPEC 4): "pumps are generally reserved for patients whose pain has not
    // responded ...". Read as hypothetical: not asserted of the patient.
    category: 'hypothetical',
    direction: 'forward',
    phrases: [
      '[is|are] [generally|usually|typically|only] reserved for', 'reserved for (patients|those|people|individuals)',
      '(for|in|to) (patients|pts|those|people|individuals) (who|whose|with|that)', '(patients|pts|candidates|individuals) (who|whose|that)',
      '(is|are) [generally|usually|typically|often|commonly] (considered|offered|recommended|performed|used) (for|in|when)',
      '(is|are) [generally|usually|typically|only] (indicated|appropriate|considered) (for|when|in|if)',
      // a practice's threshold, not this patient's result: "In our practice an intrathecal trial is
      // considered successful with more than 50% relief"
      '(is|are) [generally|usually|typically|only] considered (successful|positive|a success|adequate|effective) (with|if|when|at)',
      'in (our|my) (practice|clinic|unit|program|programme|center|centre|service)',
      'good candidates', 'as a rule', 'the policy (requires|states|says|asks)',
      '(policy|payer|criteria|guidelines) (require|requires|call for)', 'requires documentation of', 'must be documented',
      'should be documented', 'needs to be documented',
    ],
  },
  {
    // A rule for patients as a class holds to the end of its clause: "per our protocol, patients
    // proceed to a pump only when the active-drug day gives >50% relief".
    category: 'hypothetical',
    direction: 'forward',
    reach: 'clause',
    phrases: ['(patients|pts|candidates) (proceed|progress|qualify|advance|move on|go on|are eligible|are selected)', 'only if'],
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    phrases: ['(is|are) required', '(is|are) needed for coverage', 'must be documented', 'should be documented', 'needs to be documented'],
  },
  {
    // Conditions and instructions: what to call or come back for governs the whole clause, a
    // list of return precautions however long its items ("call also for any weight gain greater
    // than three pounds per day, any unusual rashes, ..., severe calf pain").
    category: 'hypothetical',
    direction: 'forward',
    reach: 'clause',
    phrases: [
      'if', 'should he', 'should she', 'should the patient', 'should they', 'should there', 'should it',
      // "Should oral baclofen prove ineffective, we will ...": a condition, not a result
      'should ... (prove|fail|fails)',
      // an inverted condition: "Should oral baclofen stop working or cause side effects, ..."
      'should',
      'in case', 'in the event', 'return for', 'return if', 'call if', 'come back if', 'come back for',
      // discharge instructions: what to call about is not a finding ("call for any fever")
      '(call|calls|alert|notify|contact|report) [also] (for|about) any', 'call [also] for', 'if there is any', 'if there are any',
      'if any of the following', 'if any of these', '(will|should|to) (call|alert|notify|contact) ... if',
      '(instructed|told|advised|asked|educated) to (call|contact|notify|alert|return|come back|report)',
      // a risk list governs its whole clause, however long ("Risks and benefits have been
      // discussed with him and his family at length including ... loss of range of motion")
      'risks', 'risks of', 'risks and benefits', 'complications (include|including|such as)',
      // the list after the colon is what to call about: "alert the physician if any of the following are noted: nosebleeds, ..."
      '(if|for) any of the following [symptoms|signs|problems] [is|are|occur|occurs|develop|develops] [noted|present|seen] :',
      'unless',
    ],
  },
  {
    category: 'hypothetical',
    direction: 'forward',
    phrases: [
      'as if', 'as needed for', 'could develop', 'may develop', 'might develop', 'at risk for',
      // advice not yet taken: "we recommend she start using a cane", "she is supposed to be using a cane"
      '(recommend|recommended|recommends|advise|advised|advises) [that] (she|he|they|the patient) (start|begin|try|use)', 'supposed to',
      'risk of', 'to prevent', 'prevention of', 'watch for', 'monitor for', 'look out for',
      'whether',
      // a consent's list of what could happen: "He could get difficulty swallowing or eating."
      '(could|may|might) [also] (get|lose|experience|suffer|end up)',
      // what may come, or may have been: 'he "might have trouble sitting on hard benches one
      // day"'. (A habitual "she might have a dull headache when she awakens" is read as may.)
      '(could|may|might) [also|well|eventually|someday] have',
      // a condition and an option are not findings: "barring any problems, she will be
      // ambulating", "was given the option of amputation as a treatment for ..."
      'barring', '(the|an) option of', '(options|alternatives) (include|included|including|are|were)',
      '(could|may|might|can|would) (also|potentially) (result in|cause|lead to)',
      '(could|may|might|can) (result in|cause|lead to)',
      'watch',
    ],
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    phrases: ['may occur', 'could occur'],
  },
  {
    // a form's question answered no: "HIV? No", "Difficulty walking? denies"
    category: 'negated',
    direction: 'backward',
    phrases: [`? (${NO_ANSWERS.join('|')})`],
  },
  {
    // Possible existence (ConText's POSSIBLE_EXISTENCE): suspected, to be ruled out, to be
    // tested for. Not asserted, but not hypothetical in time: "r/o celiac sprue" is about now.
    category: 'uncertain',
    direction: 'forward',
    phrases: [
      'possible', 'possibly', 'potential', 'potentially', 'consider', 'considering',
      // an open question is no expectation: "it is unclear whether the graft will help her chew"
      '(unclear|uncertain|not clear|not sure|unknown|unsure|undetermined) (whether|if)',
      // the query mark written onto a word: "?fracture", "?functional benefit"
      '?',
      // a hedged cause: "may be secondary to infection", "could well be due to radiation"
      '(may|might|could) [also|well|possibly] be', 'perhaps',
      '(may|might|could) [also|well|possibly] be (due to|secondary to|caused by|related to|from) [either]',
      // a probable finding or cause is not an asserted one: "probably secondary to lung cancer"
      'probably', 'probable', 'likely', 'most likely', 'presumably', 'presumed', 'in all probability',
      // a question is not an answer: "Pt asks whether grafting would let her stand longer"
      '(asks|asked|asking|wonders|wondered|wondering|inquires|inquired|inquiring|questions|questioned) (whether|if|about)',
      // one of two causes: "due to either the tumor or other psychiatric problems"
      '(due to|secondary to|from|caused by) either',
      // a hedged reading of a present finding: "would be consistent with", "would not support a diagnosis of"
      'would',
      'rule out', 'rules out', 'r/o', 'to rule out', 'rule (him|her|them) out for',
      'evaluate for', 'screen for', 'screening for', 'to exclude', 'question of', 'questionable',
      // a differential is a list of candidates, not a finding: "Possibilities include ...
      // vascular malformation", "a lesion suggestive of vascular malformation"
      '(possibilities|differential|differential diagnosis|differential diagnoses|ddx) [include|includes|including|is|are] [:]',
      'suggestive of', 'suggesting', 'suggests',
      'suspicious for', 'suspected', 'concern for', 'concerning for', 'worrisome for',
      'possibility', 'possibility of', 'check', 'test for', 'tested for', 'testing for', 'screened for',
      '(screen|test|evaluate|check) (her|him|them|the patient|patient) [today|now|again] for',
    ],
  },
  {
    category: 'uncertain',
    direction: 'backward',
    phrases: [
      '(is|was|are|were) possible', '(is|was|are|were) suspected',
      '(cannot|can not|could not|can t|couldn t) be (ruled out|excluded)', 'not excluded',
      'not ruled out', 'not been ruled out', 'is a concern', 'is questionable',
      '(test|testing|screen|screening|serology|serologies|titer|titers) [was|were|is|are|has been] (ordered|pending|sent|drawn|requested|recommended)',
      // a question asks, it does not document: "is there an HIV diagnosis for the member?",
      // "Difficulty chewing?" (an answer after it on its line is a pseudo phrase: "HIV? Yes")
      '?',
    ],
  },
  {
    category: 'experiencer',
    direction: 'forward',
    phrases: [
      'family history [:]', 'family history of', '(fh|fhx) [:]', 'mother', 'father', 'mom', 'dad',
      'sister', 'brother', 'sibling', 'siblings', 'aunt', 'uncle', 'grandmother', 'grandfather',
      'grandparent', 'grandparents', 'cousin', 'son', 'daughter', 'wife', 'husband', 'spouse',
      'parents', 'parent', 'niece', 'nephew', 'maternal', 'paternal', 'relative', 'relatives',
      'twin', 'partner', 'boyfriend', 'girlfriend', 'family member', 'family members',
      // a family history's line labelled by its relative: "Mother: unable to walk after a stroke"
      '(mother|father|mom|dad|sister|brother|sibling|aunt|uncle|grandmother|grandfather|son|daughter|cousin) :',
      // people in general, not this patient:
      '(many|most|some|these|other) patients', 'patients (with|who)', 'people with', 'individuals with',
      // "in patients", and with the words that qualify them: "In heavier patients, tags in skin
      // folds commonly get irritated and bleed" (a gap may skip nothing)
      '(in|among) ... (patients|pts|people|individuals|adults|children)',
      // "has helped a number of scleroderma patients regain hand function"
      '(a number of|several|numerous|dozens of|hundreds of|a series of) ... (patients|pts|people|individuals)',
      // "ITB is in general reserved for children who fail or cannot tolerate enteral baclofen"
      '(children|kids|adults|adolescents|people|persons|individuals|candidates|those|women|men) (who|whose)',
    ],
  },
  {
    category: 'experiencer',
    direction: 'backward',
    phrases: [
      'in (her|his|the|a|their) (mother|father|sister|brother|sibling|siblings|aunt|uncle|son|daughter|grandmother|grandfather|parents|cousin)',
      'in the family', 'in family', 'runs in the family', 'runs in her family', 'runs in his family',
      // a statement about patients in general, the finding before it: "can restore function in
      // patients whose facial fat loss interferes with chewing"
      '(in|for|among) (patients|pts|people|individuals|those|persons) (who|whose|with|that)',
      // "Fat grafting can improve function in some patients"
      '(in|for|among) (some|many|most|selected|such|other|these) (patients|pts|people|individuals|cases)',
      // what the literature reports: "... regain hand function in published series"
      '(in|from) [the] (published|reported) (series|studies|data|literature|reports|trials)', 'in the literature',
      'in relatives', 'in a relative', 'in family members',
      'of (his|her|their|the) (partner|wife|husband|spouse|boyfriend|girlfriend|mother|father|son|daughter|sister|brother)',
      '(infected|positive) (partner|spouse|boyfriend|girlfriend|husband|wife)',
    ],
  },
  {
    category: 'historical',
    direction: 'forward',
    phrases: [
      'history of', 'h/o', 'hx of', 'past history of', 'previous', 'previously', 'prior', 'formerly',
      'in the past', 'status post', 's/p', 'remote history of', 'long history of',
      '[past] (medical|surgical) history [:]', '(pmh|pmhx|psh|pshx) [:]', 'social history [:]', 'old',
      'history (is|was) (significant|positive|notable) for',
      'history significant for', 'history positive for', 'history notable for',
    ],
  },
  {
    category: 'historical',
    direction: 'backward',
    phrases: [
      '(years|year|months|month) ago', 'last year', 'in the past', 'as a child', 'in childhood',
      'previously', 'remotely', 'the last time',
    ],
  },
  {
    // NegEx's conjunctions and ConText's terminations: a scope ends here, for every category.
    category: 'termination',
    phrases: [
      'but', 'however', 'although', 'though', 'yet', 'except', 'aside from', 'apart from',
      'nevertheless', 'still', 'which', 'secondary to', 'due to',
      ', (the patient|he|she|they|it)',
      'as (the|a) (cause|source|reason|etiology|origin) (of|for)',
      '(cause|causes|source|sources|reason|reasons|etiology|origin|origins|explanation) (of|for)',
      'other possibilities of', 'trigger event for', 'causing', 'presents with', 'presenting with',
      'complains of', 'reports', 'now',
      // a templated review of systems' plus: "(-) numbness (+) decreased ROM"
      '(+)',
      // (a colon or semicolon ends every scope too: context.ts reads them from the tokens)
    ],
  },
  {
    // "no <noun> for <condition>": the noun is what is negated ("no specific treatment for his pain").
    category: 'termination:negated',
    phrases: [
      '(diagnosis|treatment|therapy|relief|medication|medications|workup|work up|surgery|intervention) for', 'relief (of|from)',
      // "has not healed despite treatment": what follows "despite" is not negated
      'despite', 'in spite of',
      // a comma and a verb start a new clause of the same subject: "cannot kneel, has decreased motion"
      ', (has|have|had|continues|continued|reports|reported|states|stated|complains|endorses|notes|feels|is|was|are|were)',
      // a comma, a conjunction and a subject start a new clause: "is no longer drawn between the
      // teeth, and she should be able to chew"
      ', (and|or|so) (the patient|the pt|pt|he|she|they|we|i)',
      // without the comma when a verb follows the subject: "it causes her no functional problem
      // and she wants it grafted purely so the arm looks more normal"
      '(and|so) (the patient|the pt|pt|he|she|they|we|i) (wants|want|wanted|would|asks|asked|requests|requested|is|was|has|had|can|could|will|reports|reported|states|stated|feels|felt|hopes|wishes)',
    ],
  },
  // A relative clause about a person ends what is said of the patient, but not whose it is:
  // "her sister, who also has MS, could not tolerate oral baclofen" is the sister's.
  { category: 'termination:negated', phrases: ['who', 'whose'] },
  { category: 'termination:hypothetical', phrases: ['who', 'whose'] },
  { category: 'termination:uncertain', phrases: ['who', 'whose'] },
  { category: 'termination:historical', phrases: ['who', 'whose'] },
  {
    // A reason given ends what is conditional or suspected (ConText ends hypothetical at
    // "because"): "to cover for a possible aspiration pneumonia given her vomiting", "return if
    // the pain worsens because of her fall" - the vomiting and the fall are findings.
    category: 'termination:uncertain',
    phrases: ['because', 'because of', '[especially] given (her|his|the|their|this|these|its)', 'in view of', 'in light of'],
  },
  {
    category: 'termination:hypothetical',
    phrases: ['because', 'because of', '[especially] given (her|his|the|their|this|these|its)', 'in view of', 'in light of'],
  },
  {
    // A current time ends a historical scope: "a history of asthma, now with wheezing".
    category: 'termination:historical',
    phrases: ['recent', 'recently', 'currently', 'presents', 'presented', 'today', 'this morning', 'this time'],
  },
  {
    // Someone reporting about the patient is not the experiencer: "her husband states she cannot walk".
    category: 'termination:experiencer',
    phrases: [
      'states', 'stated', 'says', 'said', 'report', 'reports', 'reported', 'notes', 'noted', 'brought',
      'accompanied', 'accompanies', 'feels', 'believes', 'tells', 'told',
    ],
  },
];

/** Negation reaches at most this many words past its trigger (NegEx used 5). */
export const NEGATION_WINDOW = 8;
/** Experiencer triggers (a relative named) reach this far: "mother has HIV", not the whole line. */
export const EXPERIENCER_WINDOW = 6;
/** Past its window, a scope runs on through a comma-separated list whose items have at most
 * this many words ("denies fever, chills, night sweats, weight loss or HEADACHE")... */
export const LIST_ITEM_WORDS = 4;
/** ...up to this many words from the trigger. */
export const LIST_REACH = 30;
/** Hypothetical triggers reach this far. */
export const HYPOTHETICAL_WINDOW = 10;
/** Uncertainty triggers ("possible", "rule out") reach this far. */
export const UNCERTAIN_WINDOW = 10;
/** A `reach: 'clause'` trigger reaches at most this many words (a bound on the scan, not a rule). */
export const CLAUSE_REACH = 80;
/** Historical triggers reach this far. */
export const HISTORICAL_WINDOW = 10;
