// One user action's changes to a report, as the editor sends them and the
// library applies them in one transaction: the cells, texts, 核实说明 and
// identity fields that changed. One schema for the API contract, the library
// and the editor.
import { z } from 'zod';
import { CELL_KEYS } from './cells';
import { cellValueSchema, unreadSchema } from './report-json';
import { agencySchema, dateSchema, levelSchema, signatureSchema, yearSchema } from './identity';
import { limitedText } from './limits';
import { NARRATIVE_IDS, type NarrativeId } from '../template/gov2021';

/** A bound on one 核实说明, so that one request cannot fill the disk. */
export const EXPLANATION_MAX_CHARS = 20_000;
const explanationSchema = z.string().max(EXPLANATION_MAX_CHARS);

/** Cell key → its new value; only cells of the template. */
export const cellChangesSchema = z.partialRecord(z.enum(CELL_KEYS), cellValueSchema);

/** Each text with its own section named in the message when it is too long. */
export const narrativesSchema = z.strictObject(
  Object.fromEntries(NARRATIVE_IDS.map((n) => [n, limitedText(n).optional()])) as {
    [N in NarrativeId]: z.ZodOptional<ReturnType<typeof limitedText>>;
  },
);

export const editPatchSchema = z.strictObject({
  cells: cellChangesSchema.optional(),
  /** Cells a file did not give, marked unread with their reason (an import); a cell written in `cells` is read again. */
  unread: unreadSchema.optional(),
  narratives: narrativesSchema.optional(),
  /** Finding id → 核实说明; null removes it. */
  explanations: z.record(z.string().min(1).max(200), explanationSchema.nullable()).optional(),
  /** The identity; 落款, 成文日期 and the preamble null or "": back to none (the agency, the day of export, no preamble). */
  meta: z
    .strictObject({
      agency: agencySchema.optional(),
      year: yearSchema.optional(),
      level: levelSchema.optional(),
      signature: signatureSchema.nullable().optional(),
      date: z.union([dateSchema, z.literal(''), z.null()]).optional(),
      preamble: limitedText('preamble').nullable().optional(),
    })
    .optional(),
});
export type EditPatch = z.infer<typeof editPatchSchema>;
