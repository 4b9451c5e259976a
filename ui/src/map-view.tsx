/** Event locations on the offline world map; point size and style say how precise the place is. */
import { useEffect, useState } from 'preact/hooks';
import type { CanonicalEvent } from './api.js';
import { count, placePrecision } from './format.js';
import type { ProjectedMap } from './geo.js';

const WIDTH = 800;
const HEIGHT = 420;
/** Precise places are small solid dots; vaguer ones are larger, fainter, dashed: the reader sees the uncertainty. */
const POINT_RADIUS: Record<number, number> = { 1: 4, 2: 8, 3: 14 };

interface Located {
  event: CanonicalEvent;
  lon: number;
  lat: number;
  precision: number;
  name: string;
}

/** `unlocated` is what the caption says when no event has a place on the map. */
export function MapView({ events, unlocated = 'No event of this story has a located place.' }: { events: CanonicalEvent[]; unlocated?: string }) {
  const located: Located[] = events.flatMap((event) => {
    const l = event.location;
    return l && l.lat !== null && l.lon !== null ? [{ event, lon: l.lon, lat: l.lat, precision: l.precision, name: l.name }] : [];
  });
  const [map, setMap] = useState<ProjectedMap | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const key = located.map((l) => `${l.lon},${l.lat}`).join(';');
  useEffect(() => {
    import('./geo.js').then((geo) => setMap(geo.projectMap(WIDTH, HEIGHT, located)), (error: unknown) => setFailed(String(error)));
  }, [key]);
  const places = new Map<string, Located[]>();
  for (const l of located) places.set(`${l.name}|${l.precision}`, [...(places.get(`${l.name}|${l.precision}`) ?? []), l]);
  const label = `Map of ${count(located.length, 'located event')} at ${count(places.size, 'place')}`;
  return (
    <figure class="map">
      {failed ? <p class="status error">The map could not be drawn: {failed}</p> : (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
          <title>{label}</title>
          <rect class="sea" x={0} y={0} width={WIDTH} height={HEIGHT} />
          {map?.countries.map((d) => <path class="country" d={d} />)}
          {map && [...places.values()].map((group) => {
            const first = group[0]!;
            const xy = map.points[located.indexOf(first)];
            if (!xy) return null;
            return (
              <circle class={`point precision-${first.precision}`} cx={xy[0]} cy={xy[1]} r={POINT_RADIUS[first.precision] ?? 10}>
                <title>{`${first.name} (${placePrecision(first.precision)}): ${group.length} event${group.length === 1 ? '' : 's'}`}</title>
              </circle>
            );
          })}
        </svg>
      )}
      <figcaption>
        {located.length === 0 ? unlocated : (
          <>
            <span class="legend"><svg width="16" height="16" aria-hidden="true"><circle class="point precision-1" cx="8" cy="8" r="4" /></svg> exact place</span>
            <span class="legend"><svg width="20" height="20" aria-hidden="true"><circle class="point precision-2" cx="10" cy="10" r="7" /></svg> near / district</span>
            <span class="legend"><svg width="28" height="28" aria-hidden="true"><circle class="point precision-3" cx="14" cy="14" r="12" /></svg> region or country</span>
          </>
        )}
        <ul class="visually-hidden">
          {[...places.values()].map((g) => <li>{g[0]!.name}: {count(g.length, 'event')}, {placePrecision(g[0]!.precision)}</li>)}
        </ul>
      </figcaption>
    </figure>
  );
}
