/**
 * Pages saved with UTF-8 bytes read as Latin-1 show "Logitechâ\u0080\u0099s" for "Logitech’s". Each run that
 * is a valid UTF-8 sequence when read back as Latin-1 bytes is decoded; anything else is left as it is.
 */
const MOJIBAKE_RUN = /[\u00c2-\u00f4][\u0080-\u00bf]{1,3}/g;

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeRun(run: string): string {
  const bytes = Uint8Array.from(run, (char) => char.charCodeAt(0));
  try {
    return decoder.decode(bytes);
  } catch {
    return run;
  }
}

export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE_RUN, decodeRun);
}
