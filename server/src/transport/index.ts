/**
 * The server's connection, hardened against a hostile or broken client (SPEC 9): over stdio,
 * frames are validated before vscode-jsonrpc reads them (framer.ts) and a body that does not
 * parse is reported; on every transport, messages without a valid envelope are dropped
 * before dispatch (envelope.ts). Each problem is logged as an error, without message bodies
 * unless the trace is verbose.
 */
import {
  type Connection,
  createConnection,
  Message,
  type MessageStrategy,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { envelopeGuard } from './envelope';
import { FrameValidator } from './framer';

export interface TransportLog {
  /** Logs a protocol problem (no message bodies in it). */
  problem(message: string): void;
  verbose(): boolean;
}

export function createServerConnection(log: TransportLog, argv = process.argv): Connection {
  let shutdown = false;
  const guard = envelopeGuard(
    (m) => log.problem(m),
    () => log.verbose(),
  );
  const messageStrategy: MessageStrategy = {
    handleMessage(m, next) {
      if (Message.isRequest(m) && m.method === 'shutdown') shutdown = true;
      return guard.handleMessage(m, next);
    },
  };
  const options = { messageStrategy };
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all, options);
  // Given a reader, vscode-languageserver neither redirects the console off stdout (where a
  // stray console.log would corrupt the protocol) nor exits when stdin ends: both are done here.
  for (const k of ['log', 'info', 'debug', 'warn'] as const) console[k] = console.error;
  for (const event of ['end', 'close']) process.stdin.on(event, () => process.exit(shutdown ? 0 : 1));
  const reader = new StreamMessageReader(process.stdin.pipe(new FrameValidator((m) => log.problem(m))));
  // A well-framed body that is not JSON: vscode-jsonrpc drops it without a word.
  reader.onError((e) => log.problem(`dropped a message whose body could not be read (${log.verbose() ? e.message : e.name})`));
  return createConnection(ProposedFeatures.all, reader, new StreamMessageWriter(process.stdout), options);
}
