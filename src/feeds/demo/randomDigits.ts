/** A random decimal id of `digits` digits, as a string (TikTok ids are 64-bit: never numbers). */
export function randomDigits(random: () => number, digits: number): string {
  let out = String(1 + Math.floor(random() * 9));
  while (out.length < digits) out += String(Math.floor(random() * 10));
  return out;
}
