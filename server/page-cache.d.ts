import type { IncomingMessage, ServerResponse } from "node:http";

export function visitorPageCache(options: {
  paths: RegExp[];
  ttlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
  now?: () => number;
}): (req: IncomingMessage, res: ServerResponse, render: () => void) => void;
