/**
 * A document sent as a browser sends it (multipart/form-data, the file in the part "file", the other
 * fields beside it), for the services' integration tests of their attachment routes.
 */
export async function postAttachment(
  url: string,
  token: string | undefined,
  fields: Record<string, string>,
  file?: { bytes: Buffer; name: string; type?: string },
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (file) form.append('file', new Blob([file.bytes], { type: file.type ?? 'application/octet-stream' }), file.name);
  const res = await fetch(url, { method: 'POST', headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: form });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
