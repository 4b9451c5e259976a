/**
 * Places stage: geocodes the document's LOC entities (one place per entity key) with the
 * gazetteer of `./geo`, in the context of the countries the document talks about. Needs the
 * canonical entities stage before it.
 */
import type { Document, DocumentPlace } from '../document.js';
import { placesOf } from './geo/index.js';

export function annotatePlaces(doc: Document): Document {
  const places: DocumentPlace[] = [];
  for (const [key, place] of placesOf(doc.body, doc.entities)) {
    places.push({
      key,
      name: place.name,
      country: place.country,
      country_code: place.countryCode,
      lat: place.lat,
      lon: place.lon,
      precision: place.precision,
      geonameid: place.geonameId,
    });
  }
  return { ...doc, places };
}
