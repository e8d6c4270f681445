import * as net from 'node:net';

/**
 * A mobile link between the browser and a server that can really be cut: a TCP relay on its own
 * port that forwards uploads at `uploadBytesPerSecond`, and on `cut()` drops every connection
 * at once (a request half sent stays half sent) and refuses new ones until `restore()`.
 */
export class Link {
  readonly url: string;
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private up = true;
  /** Bytes the browser had sent through the link when it was cut. */
  sentAtCut = 0;
  private sent = 0;

  constructor(private readonly target: number, readonly port: number, private readonly uploadBytesPerSecond: number) {
    this.url = `http://127.0.0.1:${port}`;
    this.server = net.createServer((client) => this.relay(client));
  }

  start(): Promise<void> {
    return new Promise((resolve) => this.server.listen(this.port, '127.0.0.1', resolve));
  }

  private relay(client: net.Socket) {
    if (!this.up) {
      client.destroy();
      return;
    }
    const upstream = net.connect(this.target, '127.0.0.1');
    this.sockets.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    upstream.on('data', (chunk) => client.write(chunk));
    // Uploads go at the link's pace: a chunk, then a pause as long as it takes to send.
    client.on('data', (chunk) => {
      this.sent += chunk.length;
      upstream.write(chunk);
      client.pause();
      setTimeout(() => client.resume(), (chunk.length / this.uploadBytesPerSecond) * 1000);
    });
  }

  cut() {
    this.up = false;
    this.sentAtCut = this.sent;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  restore() {
    this.up = true;
  }

  stop(): Promise<void> {
    this.cut();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
