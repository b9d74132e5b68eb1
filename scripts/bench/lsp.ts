/** A minimal LSP client over a child process's stdio (Content-Length framing), for timing. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the params of any JSON-RPC method
  params?: any;
  result?: unknown;
  error?: unknown;
}

export class LspClient {
  readonly proc: ChildProcess;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (m: Message) => void>();
  private readonly listeners: ((m: Message) => void)[] = [];
  stderr = '';

  constructor(command: string, args: string[], cwd: string) {
    this.proc = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    this.proc.stdout!.on('data', (chunk: Buffer) => this.receive(chunk));
    this.proc.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
  }

  get pid(): number {
    return this.proc.pid!;
  }

  request(method: string, params: unknown): Promise<Message> {
    const id = this.nextId++;
    this.send({ jsonrpc: '2.0', id, method, params });
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  /** Resolves with the first message from the server that `test` accepts. */
  waitFor(test: (m: Message) => boolean, timeoutMs = 30_000): Promise<Message> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        remove();
        reject(new Error(`bench: no answer from the server in ${timeoutMs} ms${this.stderr ? `\n${this.stderr}` : ''}`));
      }, timeoutMs);
      const listener = (m: Message) => {
        if (!test(m)) return;
        clearTimeout(timer);
        remove();
        resolve(m);
      };
      const remove = () => this.listeners.splice(this.listeners.indexOf(listener), 1);
      this.listeners.push(listener);
    });
  }

  onMessage(listener: (m: Message) => void): void {
    this.listeners.push(listener);
  }

  async shutdown(): Promise<void> {
    try {
      await Promise.race([this.request('shutdown', null), new Promise((r) => setTimeout(r, 2000))]);
      this.notify('exit', null);
    } catch {
      /* already gone */
    }
    setTimeout(() => this.proc.kill(), 1000).unref();
  }

  private send(m: Message): void {
    const body = Buffer.from(JSON.stringify(m), 'utf8');
    this.proc.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.proc.stdin!.write(body);
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(m: Message): void {
    if (m.id !== undefined && m.method === undefined) {
      const resolve = this.pending.get(m.id as number);
      this.pending.delete(m.id as number);
      resolve?.(m);
      return;
    }
    if (m.id !== undefined && m.method !== undefined) {
      // A request from the server (configuration, registrations, progress): answer plainly.
      const result = m.method === 'workspace/configuration' ? (m.params?.items ?? []).map(() => null) : null;
      this.send({ jsonrpc: '2.0', id: m.id, result });
    }
    for (const l of [...this.listeners]) l(m);
  }
}
