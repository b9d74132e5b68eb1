/**
 * Known note section headings (SPEC 2.2) and the matcher that recognises them at the start of a
 * line. Spellings are compared lower-cased with runs of spaces collapsed and no spaces around
 * `/`, so `ASSESSMENT / PLAN`, `Assessment/Plan` and `assessment/plan` are one entry.
 */
import type { SectionKind } from './model';
import { indexIn, isSpace, skipSpace, trimEnd } from './text';

const TABLE: Record<SectionKind, readonly string[]> = {
  hpi: [
    'hpi', 'history of present illness', 'history of the present illness', 'present illness',
    'history', 'brief history', 'clinical history', 'interval history', 'chief complaint',
    'chief complaint/history of present illness', 'subjective', 'history of present illness/subjective',
    // SOAP letters, and a line about the patient after a family history ("Pt: mild cramps")
    's', 'pt', 'patient complaint',
    'chief concern', 'chief concerns', 'presenting complaint', 'presenting concern',
  ],
  'past-history': [
    'past medical history', 'past surgical history', 'pmh', 'pmhx', 'psh', 'pshx', 'past history',
    'medical history', 'surgical history', 'past medical/surgical history', 'past medical and surgical history',
    'past psychiatric history', 'past medical history/past surgical history',
  ],
  'family-history': ['family history', 'fh', 'fhx', 'family medical history'],
  'social-history': ['social history', 'sh', 'shx', 'social hx'],
  medications: [
    'medications', 'medication', 'meds', 'current medications', 'current meds', 'home medications',
    'discharge medications', 'medications on admission', 'admission medications', 'outpatient medications',
  ],
  allergies: ['allergies', 'allergy', 'drug allergies', 'medication allergies'],
  ros: ['review of systems', 'ros', 'systems review'],
  exam: [
    'physical exam', 'physical examination', 'exam', 'examination', 'vital signs', 'vitals',
    'objective', 'physical findings', 'o',
  ],
  assessment: [
    'assessment', 'impression', 'diagnosis', 'diagnoses', 'assessment and plan', 'a/p', 'assessment/plan', 'a', 'a&p',
    'impression and plan', 'impression/plan', 'assessment and recommendations', 'clinical impression',
    'preoperative diagnosis', 'preoperative diagnoses', 'postoperative diagnosis', 'postoperative diagnoses',
    'pre-operative diagnosis', 'post-operative diagnosis', 'preop diagnosis', 'postop diagnosis',
    'discharge diagnosis', 'discharge diagnoses', 'admitting diagnosis', 'admission diagnosis',
    'principal diagnosis', 'final diagnosis', 'conclusion', 'conclusions',
  ],
  plan: [
    'plan', 'recommendations', 'recommendation', 'disposition', 'plan of care', 'treatment plan', 'p',
    'follow-up', 'follow up', 'discharge plan', 'discharge instructions',
  ],
  procedure: [
    'procedure', 'procedures', 'operation', 'operations', 'description of procedure', 'procedure performed',
    'procedures performed', 'operative procedure', 'operative procedures', 'operation performed',
    'operations performed', 'title of operation', 'name of procedure', 'procedure in detail',
    'procedure detail', 'procedure details', 'description of operation', 'procedure note', 'technique',
    'operative technique', 'details of procedure', 'operative note',
  ],
  indications: [
    'indications', 'indication', 'indications for procedure', 'indication for procedure',
    'indications for operation', 'indication for operation', 'indications for surgery',
    'indication for surgery', 'reason for visit', 'reason for consultation', 'reason for referral',
    'reason for exam', 'reason for procedure', 'medical necessity',
    // what the procedure is for: "Goal of procedure: body contouring of the flanks"
    'goal', 'goals', 'goal of procedure', 'goals of procedure', 'goal of surgery', 'goals of surgery',
    'surgical goal', 'surgical goals', 'treatment goal', 'treatment goals', 'purpose of procedure', 'patient goals',
  ],
  findings: [
    'findings', 'results', 'operative findings', 'intraoperative findings', 'gross findings',
    'laboratory data', 'laboratory', 'labs', 'imaging', 'radiology', 'diagnostic studies', 'studies',
    'interpretation', 'pathology',
  ],
  // Known headings with no clinical kind: they still end the section before them.
  other: [
    'hospital course', 'course', 'anesthesia', 'complications', 'estimated blood loss', 'blood loss',
    'specimens', 'specimen', 'drains', 'fluids', 'condition', 'discharge condition', 'discussion',
    'summary', 'immunizations', 'tourniquet time', 'urine output', 'implants', 'addendum',
  ],
};

function normalizeHeading(label: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (isSpace(c)) {
      pendingSpace = out.length > 0;
      continue;
    }
    const ch = label[i];
    if (pendingSpace && ch !== '/' && !out.endsWith('/')) out += ' ';
    pendingSpace = false;
    out += ch.toLowerCase();
  }
  return out;
}

const KINDS = new Map<string, SectionKind>();
for (const [kind, names] of Object.entries(TABLE) as [SectionKind, readonly string[]][]) {
  for (const name of names) KINDS.set(normalizeHeading(name), kind);
}

/** The section kind of a heading label, if it is a known heading. */
export function headingKind(label: string): SectionKind | undefined {
  return KINDS.get(normalizeHeading(label));
}

/** Longest label we look at: headings are short, and this keeps the scan O(1) per line. */
const MAX_LABEL = 64;

export interface HeadingMatch {
  start: number;
  end: number; // end of the heading text (without the colon)
  kind: SectionKind;
  bodyStart: number;
}

function hasLower(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function hasUpper(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) return true;
  }
  return false;
}

/**
 * Recognises a heading at the start of the line `start..end`:
 * - `Heading:` alone or followed by text, any case; MTSamples' `HEADING:,` (a flattened line
 *   break) is tolerated, as is `HEADING,SUBHEADING:` in capitals (only HEADING is a section);
 * - a known heading in capitals alone on its line without a colon (`ASSESSMENT AND PLAN`).
 */
export function matchHeading(text: string, start: number, end: number): HeadingMatch | undefined {
  const s = skipSpace(text, start, end);
  const limit = Math.min(end, s + MAX_LABEL);
  let colon = -1;
  for (let i = s; i < limit; i++) {
    if (text.charCodeAt(i) === 58 /* : */) {
      colon = i;
      break;
    }
  }
  if (colon > s) {
    const le = trimEnd(text, s, colon);
    const kind = headingKind(text.slice(s, le));
    if (kind) {
      const bodyStart = text.charCodeAt(colon + 1) === 44 /* , */ ? colon + 2 : colon + 1;
      return { start: s, end: le, kind, bodyStart };
    }
    // `PHYSICAL EXAMINATION,VITAL SIGNS:` -- MTSamples' flattening of a heading line and a subheading.
    const comma = indexIn(text, 44 /* , */, s, colon);
    if (comma > s && comma < colon && !hasLower(text, s, colon) && hasUpper(text, s, colon)) {
      const he = trimEnd(text, s, comma);
      const k2 = headingKind(text.slice(s, he));
      if (k2) return { start: s, end: he, kind: k2, bodyStart: comma + 1 };
    }
    return undefined;
  }
  if (colon === -1) {
    const e = trimEnd(text, s, end);
    if (e > s && e - s <= MAX_LABEL && !hasLower(text, s, e) && hasUpper(text, s, e)) {
      const kind = headingKind(text.slice(s, e));
      if (kind) return { start: s, end: e, kind, bodyStart: e };
    }
  }
  return undefined;
}

/**
 * A line that opens with a capitalised label before a colon (`CPT CODE:`, `ANESTHESIA:`), known
 * or not: such a line ends a block of codes listed under a label line.
 */
export function isCapsLabelLine(text: string, start: number, end: number): boolean {
  const s = skipSpace(text, start, end);
  const limit = Math.min(end, s + MAX_LABEL);
  for (let i = s; i < limit; i++) {
    if (text.charCodeAt(i) === 58) return i > s && !hasLower(text, s, i) && hasUpper(text, s, i);
  }
  return false;
}
