import { createSearchBox, SearchBox } from './components/search-box';
import { h } from './dom';
import type { ViewName } from './routes';

export interface AppShell {
  main: HTMLElement;
  searchBox: SearchBox;
  /** Marks the navigation link of the current view. */
  setCurrent(view: ViewName): void;
}

const NAV: Array<{ href: string; label: string; views: ViewName[]; external?: boolean }> = [
  { href: '#/', label: 'Overview', views: ['overview'] },
  {
    href: '#/lineage/Transformer?depth=2&direction=DESCENDANTS',
    label: 'Lineage',
    views: ['lineage'],
  },
  { href: '/graphql', label: 'GraphQL playground', views: [], external: true },
];

/** The frame around every view: skip link, header with search and navigation, the main area. */
export function createAppShell(root: HTMLElement, onSearch: (query: string) => void): AppShell {
  const searchBox = createSearchBox(onSearch);
  const links = NAV.map((item) => ({ item, link: h('a', { href: item.href }, item.label) }));
  const main = h('main', { id: 'main', tabindex: '-1', 'aria-busy': 'true' });
  root.replaceChildren(
    h(
      'a',
      {
        class: 'skip-link',
        href: '#main',
        onClick: (e: Event) => {
          e.preventDefault();
          main.focus();
        },
      },
      'Skip to content',
    ),
    h(
      'header',
      { class: 'topbar' },
      h(
        'a',
        { class: 'brand', href: '#/' },
        'papergraph',
        h('span', { class: 'brand-sub' }, 'explorer'),
      ),
      searchBox.element,
      h(
        'nav',
        { 'aria-label': 'Main' },
        h(
          'ul',
          null,
          links.map(({ link }) => h('li', null, link)),
        ),
      ),
    ),
    main,
    h(
      'footer',
      { class: 'footer' },
      'Everything here comes from the public GraphQL API at ',
      h('code', null, '/graphql'),
      '.',
    ),
  );
  return {
    main,
    searchBox,
    setCurrent(view) {
      for (const { item, link } of links) {
        if (item.views.includes(view)) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
    },
  };
}
