// A real department HTTP service for tests: verifies the platform's signature and signs its answers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SIGNATURE_HEADERS, signResponse, verifyRequest } from './http-signing.ts';

/** How the department behaves on each request. */
export type DepartmentBehaviour = 'ok' | 'slow' | 'error' | 'malformed' | 'bad-signature';

/** Starts a department API on a free port; `records` answers lookups by subject. */
export async function startDepartmentServer(opts: {
  secret: string;
  records: Record<string, Record<string, unknown>[]>;
  behaviour?: DepartmentBehaviour;
  slowMs?: number;
}): Promise<{ url: string; calls: number; behaviour: DepartmentBehaviour; close(): Promise<void> }> {
  const state = { calls: 0, behaviour: opts.behaviour ?? ('ok' as DepartmentBehaviour) };
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      state.calls++;
      if (!verifyRequest(opts.secret, req.url ?? '', body, req.headers)) {
        res.writeHead(401).end('{"error":"bad signature"}');
        return;
      }
      const nonce = String(req.headers[SIGNATURE_HEADERS.nonce]);
      const parsed = JSON.parse(body) as { subject?: string; probe?: boolean };
      const send = (text: string, signature = signResponse(opts.secret, nonce, text)) => {
        res
          .writeHead(200, { 'content-type': 'application/json', [SIGNATURE_HEADERS.signature]: signature })
          .end(text);
      };
      switch (state.behaviour) {
        case 'error':
          res.writeHead(503).end('{"error":"maintenance"}');
          return;
        case 'slow':
          setTimeout(() => send(JSON.stringify({ records: [] })), opts.slowMs ?? 5000);
          return;
        case 'malformed':
          send('{"records": [ {"id_number": ');
          return;
        case 'bad-signature':
          send(JSON.stringify({ records: [] }), signResponse('not-the-secret', nonce, '{}'));
          return;
        default:
          send(JSON.stringify({ records: parsed.probe ? [] : (opts.records[parsed.subject ?? ''] ?? []) }));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/api/persons/lookup`,
    get calls() {
      return state.calls;
    },
    get behaviour() {
      return state.behaviour;
    },
    set behaviour(b: DepartmentBehaviour) {
      state.behaviour = b;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
