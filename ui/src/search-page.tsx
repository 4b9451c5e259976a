/** Full-text search over articles; snippets are split on the match markers and rendered as text. */
import { api } from './api.js';
import { Status } from './common.js';
import { href } from './route.js';
import { splitSnippet } from './segments.js';
import { useLoad } from './use-load.js';

export function SearchPage({ q }: { q: string }) {
  const submit = (event: Event): void => {
    event.preventDefault();
    const value = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    location.hash = href.search(value);
  };
  return (
    <section aria-labelledby="search-heading">
      <h1 id="search-heading">Search articles</h1>
      <form class="search" role="search" aria-label="Search articles" onSubmit={submit}>
        <label>Words <input name="q" type="search" defaultValue={q} /></label>
        <button type="submit">Search</button>
      </form>
      {q && <Results q={q} />}
    </section>
  );
}

function Results({ q }: { q: string }) {
  const loaded = useLoad(q, () => api.search(q));
  return (
    <Status loaded={loaded}>
      {({ hits }) => hits.length === 0 ? <p class="status">No article matches “{q}”.</p> : (
        <ol class="hits" aria-label={`Articles matching ${q}`}>
          {hits.map((hit) => (
            <li>
              <a href={href.article(hit.id)}>{hit.title ?? hit.id}</a>
              <p class="snippet">{splitSnippet(hit.snippet).map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}</p>
            </li>
          ))}
        </ol>
      )}
    </Status>
  );
}
