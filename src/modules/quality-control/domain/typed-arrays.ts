type GrowableArray = Uint8Array | Uint16Array | Uint32Array | Int32Array;

/** A copy of `array` in a new array of the same kind and `length` elements, zeros after the old ones. */
export function resized<T extends GrowableArray>(array: T, length: number): T {
  const copy = new (array.constructor as new (length: number) => T)(length);
  copy.set(array.subarray(0, Math.min(array.length, length)));
  return copy;
}

/** Whether two arrays hold the same values in the same order. */
export function sameValues(a: GrowableArray, b: GrowableArray): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
