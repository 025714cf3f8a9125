// The one modal dialog of the app: opened as a native modal <dialog> (focus
// kept inside, Esc closes), a title, the body, one error line, and the buttons
// at the bottom with 取消/关闭 first, always in view: on a short window only the
// body scrolls. Every dialog is this component, and a
// question that used to be `confirm()` is `useConfirm`, in the app's own look.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface ModalProps {
  title: ReactNode;
  onClose: () => void;
  children?: ReactNode;
  /** The buttons beside 取消 (the primary action last). */
  actions?: ReactNode;
  /** The one error line, shown above the buttons. */
  error?: string | null;
  /** What a long task says (progress, where the file went), above the buttons and always in view. */
  status?: ReactNode;
  /** Label of the button that closes without doing anything. */
  cancelLabel?: string;
  className?: string;
  /** Given, the body is a form and Enter submits it. */
  onSubmit?: () => void;
}

export function Modal({ title, onClose, children, actions, error, status, cancelLabel = '取消', className, onSubmit }: ModalProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const el = dialog.current;
    if (el && !el.open) el.showModal();
  }, []);

  // The title and the buttons stay in view; what is between them scrolls when the window is short (125 %, 150 %).
  const content = (
    <>
      <h2 id={titleId}>{title}</h2>
      <div className="dialog-body">{children}</div>
      {status}
      {error && (
        <p className="error dialog-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-buttons">
        <button type="button" onClick={() => dialog.current?.close()}>
          {cancelLabel}
        </button>
        {actions}
      </div>
    </>
  );

  return (
    <dialog ref={dialog} className={`dialog${className ? ` ${className}` : ''}`} onClose={onClose} aria-labelledby={titleId}>
      {onSubmit ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            onSubmit();
          }}
        >
          {content}
        </form>
      ) : (
        content
      )}
    </dialog>
  );
}

interface Question {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  resolve: (yes: boolean) => void;
}

/** Asks a yes/no question in a Modal: `ask` resolves true when the author confirms. Render `element` once. */
export function useConfirm() {
  const [question, setQuestion] = useState<Question | null>(null);
  const answered = useRef(false);

  const ask = useCallback(
    (q: Omit<Question, 'resolve'>) =>
      new Promise<boolean>((resolve) => {
        answered.current = false;
        setQuestion({ ...q, resolve });
      }),
    [],
  );

  const element = question && (
    <Modal
      title={question.title}
      className="confirm-dialog"
      onClose={() => {
        if (!answered.current) question.resolve(false);
        setQuestion(null);
      }}
      actions={
        <button
          type="button"
          className={question.danger ? 'danger primary' : 'primary'}
          autoFocus
          onClick={(e) => {
            answered.current = true;
            question.resolve(true);
            e.currentTarget.closest('dialog')?.close();
          }}
        >
          {question.confirmLabel}
        </button>
      }
    >
      <p>{question.message}</p>
    </Modal>
  );
  return { ask, element };
}
