/**
 * Who is at the other end of a local socket, as the kernel says (Linux SO_PEERCRED, through
 * koffi). Used for limits and records only: identity for the protocol still comes from the
 * cookie challenge. Null where the OS does not tell (other OSs, or koffi cannot load), and the
 * callers fall back to treating every such peer as one unknown source.
 */
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { isSea } from 'node:sea';
import type Koffi from 'koffi';

export interface PeerCredentials {
  pid: number;
  uid: number;
  gid: number;
}

type GetSockOpt = (fd: number, level: number, name: number, out: object, len: number[]) => number;

const SOL_SOCKET = 1;
const SO_PEERCRED = 17;

let getsockopt: GetSockOpt | null | undefined;

function load(): GetSockOpt | null {
  if (getsockopt !== undefined) return getsockopt;
  getsockopt = null;
  if (process.platform !== 'linux') return null;
  try {
    // koffi is CommonJS with a native part: loaded lazily so other OSs never touch it. The
    // single executable cannot carry a native module, so it loads koffi from the
    // node_modules folder installed beside it (scripts/build-bin.js).
    const from = isSea() ? process.execPath : import.meta.url;
    const koffi = createRequire(from)('koffi') as typeof Koffi;
    const libc = koffi.load('libc.so.6');
    koffi.struct('elevate_ucred', { pid: 'int32', uid: 'uint32', gid: 'uint32' });
    getsockopt = libc.func(
      'int getsockopt(int, int, int, _Out_ elevate_ucred *, _Inout_ uint32 *)',
    ) as unknown as GetSockOpt;
  } catch {
    getsockopt = null;
  }
  return getsockopt;
}

export function peerCredentials(socket: Socket): PeerCredentials | null {
  const fn = load();
  const fd = (socket as unknown as { _handle?: { fd?: number } })._handle?.fd;
  if (!fn || typeof fd !== 'number' || fd < 0) return null;
  const out: Partial<PeerCredentials> = {};
  try {
    if (fn(fd, SOL_SOCKET, SO_PEERCRED, out, [12]) !== 0) return null;
  } catch {
    return null;
  }
  const { pid, uid, gid } = out;
  if (typeof pid !== 'number' || typeof uid !== 'number' || typeof gid !== 'number') return null;
  return { pid, uid, gid };
}
