import { contract, type Api, type MethodName } from '../../shared/contract';
import { ApiError } from './ApiError';
import { electronTransport, takeWebToken, webTransport, type Transport } from './transport';

export { ApiError, errorMessage } from './ApiError';
export type { Transport } from './transport';

/** Calls whose answer says which assessment this tab now has open. */
const CHOOSES_SESSION: ReadonlySet<MethodName> = new Set<MethodName>(['assessment-create', 'assessment-open', 'backup-restore', 'import-previous-assessment']);

/** Keeps the transport's session in step with the assessment this tab has open. */
function followSession(transport: Transport, method: MethodName, value: unknown, hadSession: { current: boolean }) {
  const sessionOf = (v: unknown) => (v as { sessionId?: string } | null)?.sessionId ?? null;
  if (CHOOSES_SESSION.has(method) || (method === 'assessment-current' && !hadSession.current)) {
    // 'assessment-current' adopts the open assessment only when this tab has none (start-up):
    // adopting later would quietly turn this tab's work towards another tab's assessment.
    const sessionId = sessionOf(value);
    transport.setSession(sessionId);
    hadSession.current = sessionId !== null;
  } else if (method === 'assessment-close') {
    transport.setSession(null);
    hadSession.current = false;
  }
}

/** Builds the typed `Api` from the contract's method names over whichever transport we have. */
export function createApi(transport: Transport): Api {
  const api: Partial<Record<MethodName, (args: unknown) => Promise<unknown>>> = {};
  const hadSession = { current: false };
  for (const method of Object.keys(contract) as MethodName[]) {
    api[method] = async (args: unknown) => {
      const envelope = await transport.call(method, args ?? {});
      if (!envelope.ok && method === 'assessment-close' && envelope.error.code === 'assessment-changed') {
        // Another tab already closed this tab's assessment: closing it here is done.
        followSession(transport, method, null, hadSession);
        return { ok: true };
      }
      if (envelope.ok) followSession(transport, method, envelope.value, hadSession);
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message);
    };
  }
  return api as Api;
}

export type Connection =
  | { status: 'ready'; api: Api; transport: Transport }
  | { status: 'no-token' };

/** Chosen once at start-up: Electron when the preload bridge is there, else browser mode. */
export function connect(): Connection {
  if (window.pcs) {
    const transport = electronTransport(window.pcs);
    return { status: 'ready', api: createApi(transport), transport };
  }
  const token = takeWebToken();
  if (!token) return { status: 'no-token' };
  const transport = webTransport(token);
  return { status: 'ready', api: createApi(transport), transport };
}

const connection = connect();

/** The one connection for the whole renderer. */
export function getConnection(): Connection {
  return connection;
}

/** The API object; only valid once `getConnection().status === 'ready'`. */
export const api: Api = connection.status === 'ready' ? connection.api : (new Proxy({}, {
  get() {
    return () => Promise.reject(new ApiError('not-allowed', 'Open the link printed in the terminal by `npm run web`.'));
  },
}) as Api);

export const transport: Transport | null = connection.status === 'ready' ? connection.transport : null;
