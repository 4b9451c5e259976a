/** The GVA incident eval's place matching (eval/incidents.ts): fictional names only. */
import { describe, expect, it } from 'vitest';
import { placeMatches } from '../eval/incidents.js';

describe('incident city matching', () => {
  it.each([
    ['Brookfield County', 'Brookfield'],
    ['The Elmwood', 'Elmwood'],
    ['Brookfield, D.C.', 'Brookfield'],
    // GVA's "City (Neighbourhood)": either name is the place.
    ['Elmwood', 'Brookfield (Elmwood)'],
    ['Brookfield', 'Brookfield (Elmwood)'],
  ])('%s matches %s', (predicted, gold) => expect(placeMatches(predicted, gold)).toBe(true));

  it.each([
    ['Oakdale', 'Brookfield (Elmwood)'],
    [null, 'Brookfield'],
  ])('%s does not match %s', (predicted, gold) => expect(placeMatches(predicted, gold)).toBe(false));
});
