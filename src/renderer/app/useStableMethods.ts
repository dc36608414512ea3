import { useMemo, useRef } from 'react';

/**
 * An object of callbacks whose identity never changes, each calling the latest one given. A
 * memoised child (the binder) that takes it is not re-rendered just because its parent rendered
 * and built its callbacks afresh, yet it always calls what the parent has now.
 */
export function useStableMethods<T extends { [K in keyof T]: (...args: never[]) => unknown }>(methods: T): T {
  const latest = useRef(methods);
  latest.current = methods;
  const keys = Object.keys(methods).join(',');
  return useMemo(
    () =>
      Object.fromEntries(
        keys.split(',').map((key) => [key, (...args: never[]) => (latest.current[key as keyof T] as (...a: never[]) => unknown)(...args)]),
      ) as T,
    [keys],
  );
}
