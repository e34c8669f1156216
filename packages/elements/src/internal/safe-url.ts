/**
 * `url` if it is an http(s) address (absolute or relative to the page),
 * else `undefined`: links built from configuration never run `javascript:`
 * or open `data:` documents.
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const { protocol } = new URL(url, document.baseURI);
    return protocol === 'https:' || protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
