import { io, Socket } from 'socket.io-client';
import type { TestApp } from './test-app';

export interface ConnectOptions {
  token?: string;
  origin?: string;
}

export type RoomReply = { ok: true } | { ok: false; error: string };

/** The address of a listening test app's `/live` namespace. */
export function liveUrl(t: TestApp): string {
  const { port } = t.app.getHttpServer().address() as { port: number };
  return `http://127.0.0.1:${port}/live`;
}

/** Opens a socket; rejects with the server's refusal (its `connect_error` message). */
export function connect(t: TestApp, options: ConnectOptions = {}): Promise<Socket> {
  const socket = io(liveUrl(t), {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.token === undefined ? {} : { token: options.token },
    extraHeaders: options.origin === undefined ? {} : { Origin: options.origin },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

export function join(socket: Socket, room: string): Promise<RoomReply> {
  return socket.timeout(2000).emitWithAck('join', { room });
}

export function leave(socket: Socket, room: string): Promise<RoomReply> {
  return socket.timeout(2000).emitWithAck('leave', { room });
}

/** Every message of one event a socket receives, each as the list of its arguments. */
export function record<T = unknown>(socket: Socket, event: string): T[][] {
  const messages: T[][] = [];
  socket.on(event, (...args: T[]) => messages.push(args));
  return messages;
}

export function disconnected(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` holds, polling; gives up (and lets the assertion after it fail) after `ms`. */
export async function eventually(check: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!check() && Date.now() < until) await sleep(20);
}
