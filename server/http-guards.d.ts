import type { IncomingMessage, ServerResponse } from "node:http";

export function proxyHops(setting: string | undefined): number;
export function clientAddress(req: IncomingMessage, hops: number): string;
export function refuse(res: ServerResponse, status: number, message: string): void;
export function isWellFormedUrl(url: string): boolean;
export function limitBody(
  req: IncomingMessage,
  res: ServerResponse,
  maxBodyBytes?: number,
): boolean;
export function hasUsableHost(req: IncomingMessage): boolean;
