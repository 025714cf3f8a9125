// 退回 and 通过 for one body or several: who, and the reviewer's words — on
// the 问题清单 for a 退回, kept with the date for a 通过.
import { useState } from 'react';
import { Modal } from '../common/Modal';

interface Props {
  title: string;
  names: readonly string[];
  label: string;
  placeholder: string;
  submitLabel: string;
  hint?: string;
  onSubmit: (note: string) => Promise<string | null>;
  onClose: () => void;
}

export function NoteDialog({ title, names, label, placeholder, submitLabel, hint, onSubmit, onClose }: Props) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      title={title}
      className="note-dialog"
      onClose={onClose}
      error={error}
      onSubmit={() => {
        setBusy(true);
        void onSubmit(note).then((problem) => {
          setBusy(false);
          if (problem) setError(problem);
          else onClose();
        });
      }}
      actions={
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
      }
    >
      <p className="note-names">
        {names.slice(0, 8).join('、')}
        {names.length > 8 ? ` 等 ${names.length} 个单位` : ''}
      </p>
      {hint && <p className="hint">{hint}</p>}
      <label>
        {label}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} placeholder={placeholder} maxLength={2000} />
      </label>
    </Modal>
  );
}
