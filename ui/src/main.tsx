/** The crosscheck reader: a hash-routed Preact app over the HTTP API. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { ArticlePage } from './article-reader.js';
import { EventPage } from './event-page.js';
import { href, parseRoute, type Route } from './route.js';
import { SearchPage } from './search-page.js';
import { EntityPage, StoryListPage } from './story-list.js';
import { StoryPage } from './story-page.js';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'stories':
      return <StoryListPage params={route.params} />;
    case 'story':
      return <StoryPage id={route.id} />;
    case 'event':
      return <EventPage id={route.id} />;
    case 'article':
      return <ArticlePage id={route.id} highlight={route.highlight} />;
    case 'search':
      return <SearchPage q={route.q} />;
    case 'entity':
      return <EntityPage entityKey={route.key} />;
    case 'missing':
      return <p class="status" role="alert">No page at “{route.path}”. <a href="#/">Back to the stories</a>.</p>;
  }
}

function App() {
  const [route, setRoute] = useState<Route>(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = (): void => {
      setRoute(parseRoute(location.hash));
      window.scrollTo(0, 0);
      document.getElementById('main')?.focus({ preventScroll: true });
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return (
    <>
      <a class="skip" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>Skip to content</a>
      <header class="site" role="banner">
        <a class="brand" href="#/">crosscheck</a>
        <nav aria-label="Main">
          <a href="#/">Stories</a>
          <a href={href.search('')}>Search</a>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        <Page route={route} />
      </main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
