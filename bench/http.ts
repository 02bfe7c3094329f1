/** One JSON POST over loopback, body kept as text so a benchmark can pin the exact bytes. */
export interface JsonReply {
  status: number;
  text: string;
  json: unknown;
}

export async function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<JsonReply> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

export async function getJson<T>(url: string, headers: Record<string, string> = {}): Promise<T> {
  const response = await fetch(url, { headers });
  if (!response.ok) throw new Error(`GET ${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}
