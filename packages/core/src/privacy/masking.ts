// Masking rules of DESIGN §10, applied wherever anyone but the owner sees a person's data.

/** `441402**********1234`: first 6 and last 4 characters of an ID number. */
export function maskResidentId(id: string): string {
  if (id.length < 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}

/** `林*红`: first and last character of a name (code points, so 生僻字 outside the BMP stay whole). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

/** `138****5678`: first 3 and last 4 digits of a phone number. */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** Replaces every 18-character resident ID inside free text with its masked form (for logs). */
export function redactResidentIds(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])(\d{6})\d{8}(\d{3}[\dXx])(?![0-9A-Za-z])/g, '$1********$2');
}
