/** Minimal server-sent-events reader: yields each event's data (multi-line data joined by \n). */
export async function* readServerSentEvents(response: Response): AsyncGenerator<string> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body) {
    buffer += decoder.decode(chunk as Uint8Array, { stream: true });
    buffer = buffer.replace(/\r\n?/g, '\n');
    let boundary: number;
    while ((boundary = buffer.indexOf('\n\n')) !== -1) {
      const data = eventData(buffer.slice(0, boundary));
      buffer = buffer.slice(boundary + 2);
      if (data !== undefined) yield data;
    }
  }
  buffer += decoder.decode();
  const tail = eventData(buffer.replace(/\r\n?/g, '\n'));
  if (tail !== undefined) yield tail;
}

function eventData(raw: string): string | undefined {
  const lines = raw.split('\n').filter(line => line.startsWith('data:'));
  if (lines.length === 0) return undefined;
  return lines.map(line => line.slice(line[5] === ' ' ? 6 : 5)).join('\n');
}
