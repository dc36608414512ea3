import { useCallback, useRef, useSyncExternalStore } from 'react';

/**
 * The renderer's data layer: one small external store per domain (sections today; evidence and
 * recommendations can follow the same pattern). A store holds immutable state; a change anywhere
 * (a save's answer, a rename, a new item) goes through `set`, and every view that reads the store
 * through `useStore` with a selector re-renders only when what *it* selected changed. So a change
 * in one place updates every view that shows it, without hand-written refreshes, and one row's
 * change re-renders one row, not the list.
 *
 * Why not React state in a screen component: state lifted into the screen re-renders the whole
 * screen (the binder's hundreds of rows included) on every change; why not a library: this is
 * forty lines over React's own `useSyncExternalStore`.
 */
export class Store<T> {
  private listeners = new Set<() => void>();

  constructor(private state: T) {}

  getState = (): T => this.state;

  /** Replaces the state (an updater gets the current one); views are told once. */
  set(next: T | ((prev: T) => T)): void {
    const value = typeof next === 'function' ? (next as (prev: T) => T)(this.state) : next;
    if (Object.is(value, this.state)) return;
    this.state = value;
    for (const listener of this.listeners) listener();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

/**
 * What a view reads from a store. The selector may build a new value each time: `equal` decides
 * whether it changed (default `Object.is`), and the view re-renders only when it did.
 */
export function useStore<T, S>(store: Store<T>, selector: (state: T) => S, equal: (a: S, b: S) => boolean = Object.is): S {
  const cache = useRef<{ state: T; selector: (state: T) => S; selected: S } | null>(null);
  const selectorRef = useRef(selector);
  const equalRef = useRef(equal);
  selectorRef.current = selector;
  equalRef.current = equal;
  const getSnapshot = useCallback((): S => {
    const state = store.getState();
    const prev = cache.current;
    const selector = selectorRef.current;
    if (prev && prev.state === state && prev.selector === selector) return prev.selected;
    const selected = selector(state);
    if (prev && equalRef.current(prev.selected, selected)) {
      cache.current = { state, selector, selected: prev.selected };
      return prev.selected;
    }
    cache.current = { state, selector, selected };
    return selected;
  }, [store]);
  return useSyncExternalStore(store.subscribe, getSnapshot);
}

/** Shallow equality of two plain objects (or arrays), for selectors that build small records. */
export function shallowEqual<V>(a: V, b: V): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
