export function clientAddress(request: Request) {
  return request.headers.get("x-knooppunt-client-ip") ?? "unknown";
}

/**
 * A route's document response only carries an action's headers when the route says so;
 * a 429 must tell the client when to try again (Retry-After).
 */
export function keepActionHeaders({
  actionHeaders,
  loaderHeaders,
}: {
  actionHeaders: Headers;
  loaderHeaders: Headers;
}) {
  return actionHeaders.has("Retry-After") ? actionHeaders : loaderHeaders;
}
