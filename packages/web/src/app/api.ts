// The one way the pages talk to the platform: JSON over fetch, errors as ApiError with the stable code.

/** An error answer of the API (or NETWORK when the platform could not be reached). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  readonly details: Record<string, unknown>;

  constructor(
    status: number,
    body: { code?: string; message?: string; messageEn?: string; details?: Record<string, unknown> },
  ) {
    super(body.messageEn ?? body.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code ?? (status === 0 ? 'NETWORK' : 'INTERNAL');
    this.messageZh = body.message ?? '系统暂时无法使用，请稍后再试。';
    this.messageEn = body.messageEn ?? 'The service cannot be used right now; try again later.';
    this.details = body.details ?? {};
  }
}

/** Options of one call. */
export interface CallOptions {
  method?: 'GET' | 'POST' | 'DELETE' | 'PATCH';
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends an Idempotency-Key so a double tap cannot apply twice. */
  idempotent?: boolean;
  signal?: AbortSignal;
}

/** Calls the API and returns the parsed JSON; throws ApiError. */
export async function api<T>(path: string, opts: CallOptions = {}): Promise<T> {
  const res = await send(path, opts);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** Calls the API and returns the body as a Blob (PDF downloads); throws ApiError. */
export async function apiBlob(path: string, opts: CallOptions = {}): Promise<Blob> {
  return (await send(path, opts)).blob();
}

async function send(path: string, opts: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  let body: BodyInit | undefined;
  if (opts.body instanceof Blob || opts.body instanceof FormData) body = opts.body;
  else if (opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(opts.body);
  }
  if (opts.idempotent) headers['idempotency-key'] = crypto.randomUUID();
  let res: Response;
  try {
    res = await fetch(path, {
      method: opts.method ?? (body ? 'POST' : 'GET'),
      headers,
      body: body ?? null,
      credentials: 'same-origin',
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (cause) {
    if ((cause as Error).name === 'AbortError') throw cause;
    throw new ApiError(0, {});
  }
  if (!res.ok) {
    let payload: { error?: Record<string, unknown> } = {};
    try {
      payload = (await res.json()) as typeof payload;
    } catch {
      // a proxy's HTML error page: keep the generic words
    }
    throw new ApiError(res.status, (payload.error ?? {}) as ConstructorParameters<typeof ApiError>[1]);
  }
  return res;
}

/** Saves a Blob as a file through a temporary link (works on phones and desktops). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
