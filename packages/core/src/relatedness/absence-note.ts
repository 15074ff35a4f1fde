/**
 * Why a value is absent. Relatedness and complexity results mark values that do not exist (a region of diversity
 * 0 has no ECI; an industry that co-occurs with nothing has no relatedness density) in their `absent` mask and
 * list one note per affected label here — never NaN. The CLI's JSON writes these under `"notes"`.
 */
import type { LocalizedText } from '../errors/metro-error.ts';
import type { LabelledMatrix, LabelledVector } from '../matrix/labelled.ts';

/** One reason for absent values. */
export interface AbsenceNote {
  /** Which label set the note is about. */
  readonly axis: 'region' | 'industry';
  /** The region or industry label. */
  readonly label: string;
  /**
   * Stable reason code: `ZERO_DIVERSITY`, `ZERO_UBIQUITY`, `OUTSIDE_LARGEST_COMPONENT`, `NO_RELATED_INDUSTRY`.
   */
  readonly code: string;
  /** Bilingual explanation. */
  readonly message: LocalizedText;
}

/** A labelled vector whose absent values carry reasons. */
export interface NotedVector extends LabelledVector {
  readonly notes: readonly AbsenceNote[];
}

/** A labelled matrix whose absent cells carry reasons. */
export interface NotedMatrix extends LabelledMatrix {
  readonly notes: readonly AbsenceNote[];
}
