import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { Button } from 'react-aria-components';

export interface ToastOptions {
  message: string;
  action?: { label: string; onAction: () => void };
  /** Milliseconds; 0 keeps it until dismissed. */
  timeout?: number;
  tone?: 'info' | 'error';
}

interface ToastItem extends ToastOptions {
  id: number;
}

const ToastContext = createContext<{ show(options: ToastOptions): number; dismiss(id: number): void } | null>(null);

export function useToasts() {
  const ctx = useContext(ToastContext);
  if (!ctx) throw new Error('useToasts outside ToastProvider');
  return ctx;
}

/**
 * Messages that come and go at the bottom of the window ("Section deleted. Undo"). The region
 * is a polite live region so screen readers read each new message; actions are real buttons,
 * reachable with Tab (F6 is not needed).
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((t) => t.id !== id));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
  }, []);

  const show = useCallback(
    (options: ToastOptions) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { ...options, id }]);
      const timeout = options.timeout ?? (options.action ? 10000 : 5000);
      if (timeout > 0) timers.current.set(id, setTimeout(() => dismiss(id), timeout));
      return id;
    },
    [dismiss],
  );

  const value = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <section className="toast-region" aria-label="Notifications">
        <div role="status" aria-live="polite" className="toast-list">
          {toasts.map((toast) => (
            <div key={toast.id} className={`toast toast-${toast.tone ?? 'info'}`}>
              <span className="toast-message">{toast.message}</span>
              {toast.action ? (
                <Button
                  className="button button-toast"
                  onPress={() => {
                    toast.action?.onAction();
                    dismiss(toast.id);
                  }}
                >
                  {toast.action.label}
                </Button>
              ) : null}
              <Button className="button-icon button-toast-close" aria-label="Dismiss" onPress={() => dismiss(toast.id)}>
                <span aria-hidden="true">×</span>
              </Button>
            </div>
          ))}
        </div>
      </section>
    </ToastContext.Provider>
  );
}
