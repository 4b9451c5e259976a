/**
 * The offline world map: Natural Earth countries at 1:110m (world-atlas) projected with d3-geo.
 * Loaded lazily (it is most of the UI's bytes) and drawn as SVG paths: no tiles, no network.
 */
import { geoNaturalEarth1, geoPath, type GeoPermissibleObjects } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import atlas from 'world-atlas/countries-110m.json';

export interface MapPoint {
  lon: number;
  lat: number;
}

export interface ProjectedMap {
  countries: string[];
  points: Array<[number, number] | null>;
}

const topology = atlas as unknown as Topology<{ countries: GeometryCollection }>;
const countries = feature(topology, topology.objects.countries);

/** Fits the projection to the points (with a margin of a few degrees), or to the world when there are none. */
export function projectMap(width: number, height: number, points: MapPoint[]): ProjectedMap {
  const projection = geoNaturalEarth1();
  const target: GeoPermissibleObjects = points.length > 0 ? boundsAround(points) : { type: 'Sphere' };
  projection.fitExtent([[8, 8], [width - 8, height - 8]], target);
  const path = geoPath(projection);
  return {
    countries: countries.features.map((f) => path(f) ?? '').filter((d) => d !== ''),
    points: points.map((p) => projection([p.lon, p.lat])),
  };
}

const MARGIN_DEGREES = 4;

function boundsAround(points: MapPoint[]): GeoPermissibleObjects {
  const lons = points.map((p) => p.lon);
  const lats = points.map((p) => p.lat);
  const west = Math.max(-180, Math.min(...lons) - MARGIN_DEGREES);
  const east = Math.min(180, Math.max(...lons) + MARGIN_DEGREES);
  const south = Math.max(-85, Math.min(...lats) - MARGIN_DEGREES);
  const north = Math.min(85, Math.max(...lats) + MARGIN_DEGREES);
  return { type: 'MultiPoint', coordinates: [[west, south], [east, north], [west, north], [east, south]] };
}
