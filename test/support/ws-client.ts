import WebSocket from 'ws';

/** A message the server sent, as graphql-transport-ws frames it. */
export interface WsMessage {
  type: string;
  id?: string;
  payload?: any;
}

/**
 * A minimal graphql-transport-ws client over `ws`, written from the protocol, as a partner's system
 * would: connection_init with the token, subscribe, next/error/complete, and the close code.
 */
export class GqlWsClient {
  readonly messages: WsMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private readonly waiters: Array<() => void> = [];

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      this.messages.push(JSON.parse(data.toString()));
      this.notify();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.notify();
    });
  }

  /** Opens the socket and sends nothing yet. */
  static async open(httpUrl: string): Promise<GqlWsClient> {
    const socket = new WebSocket(`${httpUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    return new GqlWsClient(socket);
  }

  /** Opens the socket and sends connection_init; resolves once the server acknowledged, refused or closed. */
  static async connect(httpUrl: string, payload: Record<string, unknown> | undefined): Promise<GqlWsClient> {
    const client = await GqlWsClient.open(httpUrl);
    const { socket } = client;
    socket.send(JSON.stringify({ type: 'connection_init', payload }));
    await client.until(() => client.closed !== null || client.messages.some((m) => m.type !== 'ping' && m.type !== 'pong'));
    return client;
  }

  get acknowledged(): boolean {
    return this.messages.some((m) => m.type === 'connection_ack');
  }

  subscribe(id: string, query: string, variables: Record<string, unknown> = {}): void {
    this.socket.send(JSON.stringify({ id, type: 'subscribe', payload: { query, variables } }));
  }

  complete(id: string): void {
    this.socket.send(JSON.stringify({ id, type: 'complete' }));
  }

  /** Every message for subscription `id` so far. */
  of(id: string): WsMessage[] {
    return this.messages.filter((m) => m.id === id);
  }

  /** Waits until subscription `id` has at least `count` messages, and returns them. */
  async received(id: string, count: number, timeoutMs = 5000): Promise<WsMessage[]> {
    await this.until(() => this.of(id).length >= count || this.closed !== null, timeoutMs);
    return this.of(id);
  }

  async waitClosed(timeoutMs = 5000): Promise<{ code: number; reason: string } | null> {
    await this.until(() => this.closed !== null, timeoutMs);
    return this.closed;
  }

  close(): void {
    if (this.closed === null) this.socket.close();
  }

  /** Resolves when `condition` holds or after `timeoutMs` (the caller's expectation then says what is missing). */
  async until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition() && Date.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  private notify(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }
}
