import type { TargetStatus } from '../binder/tree';

/**
 * A small mark for how a word count stands against its target. Each status has its own shape as
 * well as its own colour (never colour alone): an open ring (under), a ticked disc (on target), a
 * disc with an up arrow (over). Decorative: the text beside it, or an accessible name on the
 * element that holds it, says the same in words.
 */
export function TargetMark({ status, size = 12 }: { status: TargetStatus; size?: number }) {
  return (
    <svg
      className={`target-mark target-${status}`}
      width={size}
      height={size}
      viewBox="0 0 16 16"
      aria-hidden="true"
      focusable="false"
    >
      {status === 'under' ? (
        <circle cx="8" cy="8" r="5.6" fill="none" stroke="currentColor" strokeWidth="2" />
      ) : status === 'on' ? (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M4.8 8.2l2.2 2.2 4.2-4.6" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="7" fill="currentColor" />
          <path d="M8 11.6V4.8M5.2 7.4L8 4.6l2.8 2.8" fill="none" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </>
      )}
    </svg>
  );
}
