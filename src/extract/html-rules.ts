/** Data for the HTML fallback extractor: which elements are page furniture rather than main content. */

export const BOILERPLATE_TAGS = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM', 'DIALOG']);

export const BOILERPLATE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
]);

/** Class/id words of furniture; matched as whole words or hyphen/underscore parts of a class name. */
const BOILERPLATE_NAME_WORDS = [
  'cookie', 'cookies', 'consent', 'gdpr', 'newsletter', 'subscribe', 'subscription', 'share', 'sharing', 'social',
  'breadcrumb', 'breadcrumbs', 'menu', 'navbar', 'nav', 'sidebar', 'popup', 'modal', 'banner', 'advert',
  'ads', 'ad', 'advertisement', 'promo', 'related', 'footer', 'header', 'masthead', 'skip', 'signup', 'login',
  'toolbar', 'pagination', 'pager', 'filter', 'filters', 'facet', 'facets', 'bio', 'disclaimer',
  // author boxes under an article (the bare word "author" also marks bylines, so only compounds)
  'author-box', 'authorbox', 'author-bio', 'author-info', 'author-details', 'author-detail', 'author-card',
  'author-profile', 'about-author', 'about-the-author', 'author-about',
  // recommendation widgets after an article
  'recommended', 'recommendations', 'outbrain', 'taboola', 'trending', 'most-read', 'most-popular', 'read-next',
  'more-stories', 'teaser', 'teasers',
];

const BOILERPLATE_NAME = new RegExp(`(?:^|[\\s_-])(?:${BOILERPLATE_NAME_WORDS.join('|')})(?=$|[\\s_-])`, 'i');

export function isBoilerplateName(classAndId: string): boolean {
  return BOILERPLATE_NAME.test(classAndId);
}
