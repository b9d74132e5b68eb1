/**
 * The server's connection, hardened against a hostile or broken client (SPEC 9): over stdio,
 * frames are validated before vscode-jsonrpc reads them (framer.ts); on every transport,
 * messages without a valid envelope are dropped before dispatch (envelope.ts). Each problem
 * is logged as an error, without message bodies unless the trace is verbose.
 */
import { type Connection, createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { envelopeGuard } from './envelope';
import { FrameValidator } from './framer';

export interface TransportLog {
  /** Logs a protocol problem (no message bodies in it). */
  problem(message: string): void;
  verbose(): boolean;
}

export function createServerConnection(log: TransportLog, argv = process.argv): Connection {
  const options = { messageStrategy: envelopeGuard((m) => log.problem(m), () => log.verbose()) };
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  // Given streams, vscode-languageserver no longer redirects the console off stdout, where a
  // stray console.log would corrupt the protocol: send it to stderr.
  for (const k of ['log', 'info', 'debug', 'warn'] as const) console[k] = console.error;
  const input = process.stdin.pipe(new FrameValidator((m) => log.problem(m)));
  return createConnection(ProposedFeatures.all, input, process.stdout, options);
}
