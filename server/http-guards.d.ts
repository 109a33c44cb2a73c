import type { IncomingMessage, ServerResponse } from "node:http";

export function proxyHops(setting: string | undefined): number;
export function clientAddress(req: IncomingMessage, hops: number): string;
export function refuse(
  res: ServerResponse,
  status: number,
  message: string,
  options?: { close?: boolean; headers?: Record<string, string>; detail?: string },
): void;
export interface ConcurrencyLimit {
  (req: IncomingMessage, res: ServerResponse, run: () => void): void;
  stats(): { inFlight: number; waiting: number };
}
export function concurrencyLimit(options: {
  maxInFlight: number;
  maxQueued: number;
  maxWaitMs: number;
}): ConcurrencyLimit;
export function isWellFormedUrl(url: string): boolean;
export function limitBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes?: number,
): boolean;
export function hasUsableHost(req: IncomingMessage): boolean;
