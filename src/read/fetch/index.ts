/** Fetching feeds and pages from the web, safely: see fetch.ts for the guards. */
export { nonPublicRange } from './address.js';
export { FetchError, checkedAddress, fetchUrl, type FetchOptions, type FetchResult, type Validators } from './fetch.js';
export { HostPacer, backoffDelay, parseRetryAfter } from './pace.js';
