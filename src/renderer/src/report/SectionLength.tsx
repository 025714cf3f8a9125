// A section's length against its limit: the count, shown as the text nears
// it, and under the box typed into, why the last typing or paste was not
// taken when it would have passed it.
import { MAX_SECTION_CHARS, textTooLongMessage } from '../../../shared/model/limits';
import type { NarrativeId } from '../../../shared/template/gov2021';
import { useEditor } from './editorStore';

/** From here on the author sees the count: about the last tenth of the room. */
const SHOW_FROM = 0.9 * MAX_SECTION_CHARS;

export function SectionCount({ id }: { id: NarrativeId }) {
  const length = useEditor((s) => s.report?.narratives[id].length ?? 0);
  if (length < SHOW_FROM) return null;
  return (
    <p className={length > MAX_SECTION_CHARS ? 'error' : 'hint'}>
      本部分已有 {length.toLocaleString('en-US')} 个字符，上限 {MAX_SECTION_CHARS.toLocaleString('en-US')}（含空格和换行）。
    </p>
  );
}

/** `part`: the box's part, as in the editor's places (none for a section's only box). */
export function SectionRefusal({ id, part }: { id: NarrativeId; part?: number }) {
  const refused = useEditor((s) => (s.overlong?.id === id && s.overlong.part === part ? s.overlong.length : null));
  if (refused === null) return null;
  return (
    <p className="error" role="alert">
      未能输入：{textTooLongMessage(id, refused)}。
    </p>
  );
}
