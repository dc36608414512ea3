/**
 * Job events from the real core through the main process's forwarder and the real preload
 * bridge, with Electron's IPC replaced by a direct hand-over (Electron cannot start here).
 */
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBridge, type BridgeIpc } from '../../src/preload/bridge';
import type { JobEvent } from '../../src/shared/contracts/jobs';
import { openTestCore, type TestCore } from '../../src/core/testing/openTestCore';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));
const { forwardJobEvents } = await import('../../src/main/ipc');

let t: TestCore | undefined;
afterEach(() => t?.cleanup());

describe('job events over the Electron bridge', () => {
  it('reach the page’s listener from the real core, checked by the preload', async () => {
    t = await openTestCore();
    const pageListeners = new Map<string, (event: unknown, payload: unknown) => void>();
    const ipc: BridgeIpc = { invoke: async () => undefined, on: (channel, listener) => pageListeners.set(channel, listener) };
    const bridge = createBridge(ipc);
    // The window's webContents.send delivers to the preload's ipcRenderer.on (structured clone in Electron).
    const win = {
      isDestroyed: () => false,
      webContents: { send: (channel: string, payload: unknown) => pageListeners.get(channel)?.({}, structuredClone(payload)) },
    };
    const stop = forwardJobEvents((listener) => t!.core.jobs.runner.subscribe(listener), () => win as never);
    const seen: JobEvent[] = [];
    bridge.onJobEvent((event) => seen.push(event));

    const { jobId } = await t.api['job-start']({ kind: 'assessment-save-copy', input: { path: path.join(t.dir, 'copy') } });
    await expect.poll(() => seen.find((e) => e.jobId === jobId && e.state === 'done')).toBeTruthy();
    expect(seen.some((e) => e.state === 'running' && e.progress.step === 'Copying the assessment')).toBe(true);
    stop();
  });
});
