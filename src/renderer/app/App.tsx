import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppInfo, MenuCommandEvent, ScreenMenuCommand } from '../../shared/contract';
import type { AssessmentSummary, RecentFile } from '../../shared/schemas/assessment';
import type { BackupInfo } from '../../shared/schemas/backup';
import { api, ApiError, errorMessage, getConnection, transport } from '../api';
import { AutoSaver } from '../save/autosave';
import { ToastProvider, useToasts } from '../ui/Toasts';
import { CreateDialog } from './CreateDialog';
import { MainScreen } from './MainScreen';
import { NewFromPreviousDialog } from './NewFromPreviousDialog';
import { OpenDialog } from './OpenDialog';
import { DamagedFileDialog, formatBackupTime } from './RestoreBackupDialog';
import { ENGINE_RESTARTED_MESSAGE, ENGINE_RESTARTED_NOTHING_OPEN_MESSAGE, engineReopenFailedMessage, resendAfterRestart } from './engineRestart';
import { NoTokenScreen, StartScreen } from './StartScreen';
import { ShortcutsSheet, useShortcutsSheet } from '../shortcuts/ShortcutsSheet';

export function App() {
  if (getConnection().status === 'no-token') return <NoTokenScreen />;
  return (
    <ToastProvider>
      <Studio />
    </ToastProvider>
  );
}

type Boot = { state: 'loading' } | { state: 'failed'; message: string } | { state: 'ready'; appInfo: AppInfo };

function Studio() {
  const toasts = useToasts();
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [summary, setSummary] = useState<AssessmentSummary | null>(null);
  const [recent, setRecent] = useState<RecentFile[]>([]);
  const [createOpen, setCreateOpen] = useState(false);
  const [openOpen, setOpenOpen] = useState(false);
  const [fromPreviousOpen, setFromPreviousOpen] = useState(false);
  const [findRequest, setFindRequest] = useState(0);
  const [shortcutsRequest, setShortcutsRequest] = useState(0);
  const shortcuts = useShortcutsSheet(shortcutsRequest);
  // A file that would not open because it is damaged, and the newest backup of it.
  const [damagedOffer, setDamagedOffer] = useState<{ path: string; message: string; latest: BackupInfo } | null>(null);
  // A dialog of the main screen asked for from the Electron menu; `n` makes each request new.
  const [screenRequest, setScreenRequest] = useState<{ command: ScreenMenuCommand; n: number } | null>(null);
  const saver = useMemo(() => new AutoSaver(), []);
  // Bumped when the main screen must reload what it shows from the file (after an engine restart).
  const [reloadRequest, setReloadRequest] = useState(0);

  const refreshRecent = useCallback(async () => {
    try {
      setRecent(await api['recent-list']({}));
    } catch {
      // the list is a convenience; leave it as it was
    }
  }, []);

  useEffect(() => {
    (async () => {
      try {
        const [appInfo, current] = await Promise.all([api['app-info']({}), api['assessment-current']({})]);
        setSummary(current);
        setBoot({ state: 'ready', appInfo });
        void refreshRecent();
      } catch (e) {
        setBoot({ state: 'failed', message: errorMessage(e) });
      }
    })();
  }, [refreshRecent]);

  // The last chance to write what is queued: the window is closing or being reloaded.
  useEffect(() => {
    const onHide = () => saver.flushOnUnload();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      saver.flushOnUnload();
      // Text the file refused lives only in this page: ask before it goes.
      if (saver.hasHeld()) event.preventDefault();
    };
    const onBlur = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    window.addEventListener('blur', onBlur);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
      window.removeEventListener('blur', onBlur);
    };
  }, [saver]);

  useEffect(() => {
    if (!summary) document.title = 'Peer Challenge Studio';
  }, [summary]);

  const opened = useCallback(
    (next: AssessmentSummary) => {
      setCreateOpen(false);
      setOpenOpen(false);
      setFromPreviousOpen(false);
      setSummary(next);
      void refreshRecent();
    },
    [refreshRecent],
  );

  /** When a file will not open because it is damaged, offers its newest backup; true if it did. */
  const offerBackup = useCallback(async (path: string, error: unknown): Promise<boolean> => {
    if (!(error instanceof ApiError) || error.code !== 'damaged') return false;
    try {
      const [latest] = await api['backups-list']({ path });
      if (!latest) return false;
      setDamagedOffer({ path, message: error.message, latest });
      return true;
    } catch {
      return false;
    }
  }, []);

  const openPath = useCallback(
    async (path: string) => {
      await saver.flush();
      try {
        opened(await api['assessment-open']({ path }));
      } catch (e) {
        if (await offerBackup(path, e)) return;
        toasts.show({ message: errorMessage(e), tone: 'error', timeout: 8000 });
        void refreshRecent();
      }
    },
    [offerBackup, opened, refreshRecent, saver, toasts],
  );

  const startOpen = useCallback(async () => {
    if (boot.state === 'ready' && boot.appInfo.nativeDialogs) {
      try {
        const path = await api['dialog-choose-open-file']({});
        if (path) await openPath(path);
      } catch (e) {
        toasts.show({ message: errorMessage(e), tone: 'error' });
      }
    } else {
      void refreshRecent();
      setOpenOpen(true);
    }
  }, [boot, openPath, refreshRecent, toasts]);

  const close = useCallback(async () => {
    await saver.flush();
    try {
      await api['assessment-close']({});
    } catch (e) {
      toasts.show({ message: errorMessage(e), tone: 'error' });
      return;
    }
    setSummary(null);
    void refreshRecent();
  }, [refreshRecent, saver, toasts]);

  /** The core crashed and was restarted with the assessment opened again (path) or nothing open. */
  const engineRestarted = useCallback(
    async (path: string | null) => {
      if (!path) {
        setSummary(null);
        toasts.show({ message: ENGINE_RESTARTED_NOTHING_OPEN_MESSAGE, timeout: 10000 });
        return;
      }
      await resendAfterRestart(saver);
      let current: AssessmentSummary | null = null;
      try {
        current = await api['assessment-current']({});
      } catch {
        // said below, as for a file that could not be opened again
      }
      if (!current) {
        setSummary(null);
        toasts.show({ message: engineReopenFailedMessage(undefined), tone: 'error', timeout: 0 });
        void refreshRecent();
        return;
      }
      setSummary(current);
      setReloadRequest((n) => n + 1);
      toasts.show({ message: ENGINE_RESTARTED_MESSAGE, timeout: 15000 });
    },
    [refreshRecent, saver, toasts],
  );

  const forget = useCallback(
    async (path: string) => {
      try {
        await api['recent-forget']({ path });
      } finally {
        void refreshRecent();
      }
    },
    [refreshRecent],
  );

  // Commands from the Electron menu; browser mode has the same commands as buttons.
  useEffect(() => {
    if (!transport) return;
    return transport.onMenuCommand((event: MenuCommandEvent) => {
      switch (event.command) {
        case 'new-assessment':
          setCreateOpen(true);
          break;
        case 'new-from-previous':
          setFromPreviousOpen(true);
          break;
        case 'open-assessment':
          void startOpen();
          break;
        case 'open-recent':
          if (event.path) void openPath(event.path);
          break;
        case 'close-assessment':
          void close();
          break;
        case 'find':
          setFindRequest((n) => n + 1);
          break;
        case 'keyboard-shortcuts':
          setShortcutsRequest((n) => n + 1);
          break;
        case 'engine-restarted':
          void engineRestarted(event.path ?? null);
          break;
        case 'engine-reopen-failed':
          setSummary(null);
          toasts.show({ message: engineReopenFailedMessage(event.message), tone: 'error', timeout: 0 });
          void refreshRecent();
          break;
        case 'export':
        case 'assessment-details':
        case 'add-focus-area':
        case 'save-as-template':
        case 'templates-folder':
        case 'restore-backup':
        case 'import-word':
          setScreenRequest((previous) => ({ command: event.command as ScreenMenuCommand, n: (previous?.n ?? 0) + 1 }));
          break;
        default:
          // Every menu command is handled: a new one added to MENU_COMMANDS fails to compile here.
          event.command satisfies never;
      }
    });
  }, [close, engineRestarted, openPath, refreshRecent, startOpen, toasts]);

  if (boot.state === 'loading') {
    return (
      <div className="loading" role="status">
        Opening Peer Challenge Studio…
      </div>
    );
  }
  if (boot.state === 'failed') {
    return (
      <div className="start">
        <main className="start-main" id="main">
          <h1 className="start-title">Peer Challenge Studio could not start</h1>
          <p className="start-lede" role="alert">
            {boot.message}
          </p>
        </main>
      </div>
    );
  }

  return (
    <>
      {summary ? (
        <MainScreen
          key={`${summary.path}|${summary.createdAt}`}
          summary={summary}
          appInfo={boot.appInfo}
          saver={saver}
          findRequest={findRequest}
          screenRequest={screenRequest}
          reloadRequest={reloadRequest}
          onSummaryChange={setSummary}
          onNew={() => setCreateOpen(true)}
          onNewFromPrevious={() => setFromPreviousOpen(true)}
          onOpen={() => void startOpen()}
          onClose={() => void close()}
          onShowShortcuts={shortcuts.show}
        />
      ) : (
        <StartScreen
          recent={recent}
          onCreate={() => setCreateOpen(true)}
          onCreateFromPrevious={() => setFromPreviousOpen(true)}
          onOpen={() => void startOpen()}
          onOpenRecent={(p) => void openPath(p)}
          onForget={(p) => void forget(p)}
        />
      )}
      <ShortcutsSheet isOpen={shortcuts.open} onClose={shortcuts.close} />
      <CreateDialog
        isOpen={createOpen}
        appInfo={boot.appInfo}
        onClose={() => setCreateOpen(false)}
        onCreated={opened}
        prepare={() => saver.flush()}
      />
      <NewFromPreviousDialog
        isOpen={fromPreviousOpen}
        appInfo={boot.appInfo}
        onClose={() => setFromPreviousOpen(false)}
        onCreated={opened}
        prepare={() => saver.flush()}
      />
      <OpenDialog
        isOpen={openOpen}
        recent={recent}
        onClose={() => setOpenOpen(false)}
        onOpened={opened}
        prepare={() => saver.flush()}
        onForget={(p) => void forget(p)}
        onOpenFailed={offerBackup}
      />
      <DamagedFileDialog
        offer={damagedOffer}
        onClose={() => setDamagedOffer(null)}
        onRestored={(next, backup) => {
          setDamagedOffer(null);
          opened(next);
          toasts.show({
            message: `Restored the backup from ${formatBackupTime(backup.createdAt)} as “${next.fileName}”. The damaged file is unchanged.`,
            timeout: 10000,
          });
        }}
      />
    </>
  );
}
