/** Readers: paths, folders and stdin → Input records, with a clear reason for everything rejected. */
export type { ReadFormat, ReadItem, ReadOptions } from './types.js';
export { DEFAULT_MAX_BYTES } from './types.js';
export { readBytes } from './bytes.js';
export { decodeText } from './decode.js';
export { readInputs } from './inputs.js';
