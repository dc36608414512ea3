import { describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL, IPC_JOB_CHANNEL, IPC_MENU_CHANNEL, IPC_UPLOAD_CHANNEL, type MenuCommandEvent } from '../shared/ipc';
import { createBridge, type BridgeIpc } from './bridge';

function fakeIpc(answer: (channel: string, ...args: unknown[]) => Promise<unknown> = async () => ({ ok: true, value: 1 })) {
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => void>();
  const ipc: BridgeIpc & { emit(channel: string, payload: unknown): void } = {
    invoke: vi.fn(answer),
    on(channel, listener) {
      handlers.set(channel, listener);
    },
    emit(channel, payload) {
      handlers.get(channel)?.({ sender: 'the IPC event, which must not reach the page' }, payload);
    },
  };
  return ipc;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('preload bridge', () => {
  it('exposes exactly invoke, onMenuCommand, onJobEvent, pathForFile and uploadBytes', () => {
    expect(Object.keys(createBridge(fakeIpc())).sort()).toEqual(['invoke', 'onJobEvent', 'onMenuCommand', 'pathForFile', 'uploadBytes']);
  });

  it('sends a path-less file as bytes on the upload channel, and nothing else', async () => {
    const ipc = fakeIpc(async () => ({ ok: true, value: { path: '/tmp/x.upload' } }));
    const bridge = createBridge(ipc);
    const bytes = new Uint8Array([1, 2, 3]);
    expect(await bridge.uploadBytes(bytes)).toEqual({ ok: true, value: { path: '/tmp/x.upload' } });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_UPLOAD_CHANNEL, bytes);
    const refused = await bridge.uploadBytes('not bytes' as unknown as Uint8Array);
    expect(refused.ok).toBe(false);
    expect(ipc.invoke).toHaveBeenCalledTimes(1);
  });

  it('passes on job events that match the schema, as plain copies, and drops the rest', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const seen: unknown[] = [];
    const stop = bridge.onJobEvent((event) => seen.push(event));
    const event = {
      jobId: 'job-12345678',
      kind: 'assessment-save-copy',
      state: 'running',
      progress: { step: 'Copying the assessment', done: 0.5, total: 3 },
    };
    ipc.emit(IPC_JOB_CHANNEL, event);
    ipc.emit(IPC_JOB_CHANNEL, { ...event, kind: 'format-the-disk' });
    ipc.emit(IPC_JOB_CHANNEL, 'nonsense');
    expect(seen).toEqual([event]);
    stop();
    ipc.emit(IPC_JOB_CHANNEL, event);
    expect(seen).toHaveLength(1);
  });

  it('gives a file’s path through the given lookup, and an empty path if it fails', () => {
    const bridge = createBridge(fakeIpc(), (file) => `/home/me/${(file as { name: string }).name}`);
    expect(bridge.pathForFile({ name: 'plan.pdf' })).toBe('/home/me/plan.pdf');
    expect(createBridge(fakeIpc(), () => { throw new Error('not a real file'); }).pathForFile({})).toBe('');
  });

  it('invokes the one API channel with the method and args, and returns the envelope', async () => {
    const ipc = fakeIpc(async () => ({ ok: true, value: { mode: 'electron' } }));
    const bridge = createBridge(ipc);
    await expect(bridge.invoke('app-info', {})).resolves.toEqual({ ok: true, value: { mode: 'electron' } });
    expect(ipc.invoke).toHaveBeenCalledWith(IPC_INVOKE_CHANNEL, 'app-info', {});
  });

  it('turns a failed IPC call into an error envelope rather than a rejection', async () => {
    const bridge = createBridge(fakeIpc(async () => Promise.reject(new Error('gone'))));
    const envelope = await bridge.invoke('app-info', {});
    expect(envelope.ok).toBe(false);
    if (!envelope.ok) expect(envelope.error.code).toBe('internal');
  });

  it('refuses a method that is not a string without calling IPC', async () => {
    const ipc = fakeIpc();
    const envelope = await createBridge(ipc).invoke(42 as unknown as string, {});
    expect(envelope).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ipc.invoke).not.toHaveBeenCalled();
  });

  it('delivers valid menu commands without the IPC event, and drops invalid ones', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[][] = [];
    bridge.onMenuCommand((...args) => received.push(args));
    ipc.emit(IPC_MENU_CHANNEL, { command: 'find' });
    ipc.emit(IPC_MENU_CHANNEL, { command: 'open-recent', path: '/a.pcstudio' });
    ipc.emit(IPC_MENU_CHANNEL, { command: 'format-disk' });
    ipc.emit(IPC_MENU_CHANNEL, 'find');
    ipc.emit(IPC_MENU_CHANNEL, { command: 'open-recent', path: 42 });
    expect(received).toEqual([[{ command: 'find' }], [{ command: 'open-recent', path: '/a.pcstudio' }]]);
  });

  it('passes on why the engine could not reopen the assessment after a restart', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const received: unknown[] = [];
    bridge.onMenuCommand((event) => received.push(event));
    ipc.emit(IPC_MENU_CHANNEL, { command: 'engine-reopen-failed', path: '/a.pcstudio', message: 'The file has gone.' });
    ipc.emit(IPC_MENU_CHANNEL, { command: 'engine-restarted', path: '/a.pcstudio' });
    expect(received).toEqual([
      { command: 'engine-reopen-failed', path: '/a.pcstudio', message: 'The file has gone.' },
      { command: 'engine-restarted', path: '/a.pcstudio' },
    ]);
  });

  it('stops delivering after unsubscribe', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const listener = vi.fn();
    const unsubscribe = bridge.onMenuCommand(listener);
    unsubscribe();
    unsubscribe();
    ipc.emit(IPC_MENU_CHANNEL, { command: 'find' });
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps commands that arrive before the page listens, and hands them over once', async () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    ipc.emit(IPC_MENU_CHANNEL, { command: 'open-recent', path: '/start.pcstudio' });
    // React StrictMode: subscribe, unsubscribe, subscribe again, all before a microtask runs.
    const first = vi.fn();
    bridge.onMenuCommand(first)();
    const received: MenuCommandEvent[] = [];
    bridge.onMenuCommand((event) => received.push(event));
    await tick();
    expect(first).not.toHaveBeenCalled();
    expect(received).toEqual([{ command: 'open-recent', path: '/start.pcstudio' }]);
    const late = vi.fn();
    bridge.onMenuCommand(late);
    await tick();
    expect(late).not.toHaveBeenCalled();
  });

  it('keeps going when one listener throws', () => {
    const ipc = fakeIpc();
    const bridge = createBridge(ipc);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    bridge.onMenuCommand(() => {
      throw new Error('bad listener');
    });
    bridge.onMenuCommand(good);
    ipc.emit(IPC_MENU_CHANNEL, { command: 'export' });
    expect(good).toHaveBeenCalledWith({ command: 'export' });
    error.mockRestore();
  });
});
