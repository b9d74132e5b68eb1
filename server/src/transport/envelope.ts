/**
 * Messages that are neither a request, a notification nor a response (an `"id": {}`, no
 * method) are logged by vscode-jsonrpc whole, note text included, whatever the trace
 * setting. They are stopped here, before its dispatch, and logged by their shape only: the
 * body goes to the log only when the trace is verbose (SPEC 9).
 */
import { Message, type MessageStrategy } from 'vscode-languageserver/node';

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Why a parsed message cannot be dispatched, in words that quote none of its content. */
function envelopeProblem(message: unknown): string | undefined {
  const m = message as Message | undefined;
  if (Message.isRequest(m) || Message.isNotification(m)) return undefined;
  if (Message.isResponse(m)) return m.id === null ? 'a response without an id' : undefined;
  if (!m || typeof m !== 'object') return `a message that is ${kindOf(m)}, not an object`;
  const r = m as unknown as Record<string, unknown>;
  // A method is named only when it looks like one (it could be any text).
  const method = typeof r.method === 'string' && /^[\w$/.-]{1,80}$/.test(r.method) ? ` for ${r.method}` : '';
  return `a message${method} that is neither a request, a notification nor a response (id: ${kindOf(r.id)}, method: ${kindOf(r.method)})`;
}

export function envelopeGuard(log: (message: string) => void, verbose: () => boolean): MessageStrategy {
  return {
    handleMessage(message, next) {
      const problem = envelopeProblem(message);
      if (!problem) return next(message);
      log(`dropped ${problem}${verbose() ? `:\n${JSON.stringify(message)}` : ''}`);
    },
  };
}
