import { contract, type Api, type MethodName } from '../../shared/contract';
import { ApiError } from './ApiError';
import { electronTransport, takeWebToken, webTransport, type Transport } from './transport';

export { ApiError, errorMessage } from './ApiError';
export type { Transport } from './transport';

/** Builds the typed `Api` from the contract's method names over whichever transport we have. */
export function createApi(transport: Transport): Api {
  const api: Partial<Record<MethodName, (args: unknown) => Promise<unknown>>> = {};
  for (const method of Object.keys(contract) as MethodName[]) {
    api[method] = async (args: unknown) => {
      const envelope = await transport.call(method, args ?? {});
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
