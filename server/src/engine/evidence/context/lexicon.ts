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
 */
export type ContextCategory = 'negated' | 'hypothetical' | 'experiencer' | 'historical';

export interface TriggerEntry {
  category: ContextCategory | 'pseudo' | 'termination';
  direction?: 'forward' | 'backward';
  phrases: string[];
}

export const LEXICON: TriggerEntry[] = [
  {
    category: 'negated',
    direction: 'forward',
    phrases: [
      'no', 'not', 'without', 'denies', 'denied', 'deny', 'denying', 'negative for',
      'absence of', 'absent', 'free of', 'rules out', 'ruled out', 'rule out', 'r/o',
      'never', 'nor', 'neither', 'cannot', 'can not', 'fails to reveal', 'failed to reveal',
      'no evidence of', 'no sign of', 'no signs of', 'no history of', 'not demonstrate',
      'did not exhibit', 'not exhibit', 'not appreciated', 'unremarkable for',
      'with no', 'no new', 'not had', 'has not had', 'doesn t', 'does not',
      'did not', 'didn t', 'is not', 'was not', 'are not', 'were not', 'not have', 'not see',
      'no complaints of', 'no suspicious', 'no abnormal', 'negative',
    ],
  },
  {
    category: 'negated',
    direction: 'backward',
    phrases: [
      'is ruled out', 'are ruled out', 'was ruled out', 'were ruled out', 'has been ruled out',
      'have been ruled out', 'unlikely', 'is negative', 'was negative', 'are negative',
      'were negative', 'not seen', 'is absent', 'was absent', 'are absent', 'not present',
      'is not present', 'was not present', 'free', 'resolved', 'none', ': no',
      ': negative', ': none', ': denies', ': absent', 'not noted', 'not identified',
    ],
  },
  {
    category: 'pseudo',
    phrases: [
      'no increase', 'no change', 'no significant change', 'not only', 'not necessarily',
      'no suspicious change', 'not drain', 'not extend', 'not cause', 'not certain if',
      'not certain whether', 'gram negative', 'not ruled out', 'cannot be ruled out',
      'can not be ruled out', 'could not be ruled out', 'not been ruled out', 'not be ruled out',
      'rule out that', 'whether or not', 'no longer',
    ],
  },
  {
    category: 'hypothetical',
    direction: 'forward',
    phrases: [
      'if', 'should he', 'should she', 'should the patient', 'should they', 'should there',
      'in case', 'in the event', 'return for', 'return if', 'call if', 'come back if',
      'as needed for', 'would', 'could develop', 'may develop', 'might develop', 'at risk for',
      'risk of', 'to prevent', 'prevention of', 'watch for', 'monitor for', 'look out for',
      'unless', 'whether', 'possible', 'possibly', 'potential', 'potentially', 'consider',
      'considering', 'to rule out', 'evaluate for', 'screen for', 'screening for',
    ],
  },
  {
    category: 'hypothetical',
    direction: 'backward',
    phrases: ['is possible', 'was possible', 'are possible', 'may occur', 'could occur', 'is suspected'],
  },
  {
    category: 'experiencer',
    direction: 'forward',
    phrases: [
      'family history', 'family history of', 'fh', 'fhx', 'mother', 'father', 'mom', 'dad',
      'sister', 'brother', 'sibling', 'siblings', 'aunt', 'uncle', 'grandmother', 'grandfather',
      'grandparent', 'cousin', 'son', 'daughter', 'wife', 'husband', 'spouse',
      'parents', 'parent', 'niece', 'nephew', 'maternal', 'paternal', 'relative', 'relatives',
    ],
  },
  {
    category: 'experiencer',
    direction: 'backward',
    phrases: [
      'in her mother', 'in his mother', 'in her father', 'in his father', 'in the family',
      'in family', 'in her sister', 'in his brother', 'in a sibling', 'in his sister',
      'in her brother', 'runs in the family', 'in relatives',
    ],
  },
  {
    category: 'historical',
    direction: 'forward',
    phrases: [
      'history of', 'h/o', 'hx of', 'past history of', 'previous', 'previously', 'prior',
      'formerly', 'in the past', 'status post', 's/p', 'remote history of',
    ],
  },
  {
    category: 'historical',
    direction: 'backward',
    phrases: [
      'years ago', 'year ago', 'months ago', 'last year', 'in the past', 'as a child',
      'in childhood', 'previously', 'remotely',
    ],
  },
  {
    category: 'termination',
    phrases: [
      'but', 'however', 'although', 'though', 'yet', 'except', 'aside from', 'apart from',
      'nevertheless', 'still', 'which', 'who', 'secondary to', 'as the cause of',
      'as the source of', 'as the reason for', 'as the etiology of', 'cause of', 'causing',
      'presents with', 'presenting with', 'complains of', 'reports', 'now', ';',
    ],
  },
];

/** Forward negation reaches at most this many tokens past its trigger (NegEx used 5). */
export const NEGATION_WINDOW = 8;
/** Experiencer triggers (a relative named) reach this far: "mother has HIV", not the whole line. */
export const EXPERIENCER_WINDOW = 6;
/** Hypothetical and historical triggers reach this far. */
export const OTHER_WINDOW = 10;
