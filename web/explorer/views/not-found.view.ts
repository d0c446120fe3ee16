import { fill, h } from '../dom';
import type { Route } from '../routes';
import type { ViewFactory } from './view';

export const createNotFoundView: ViewFactory<Extract<Route, { view: 'not-found' }>> = (root) => ({
  async show({ path }) {
    fill(
      root,
      h('h1', { tabindex: '-1' }, 'No such page'),
      h(
        'p',
        null,
        `The explorer has no page at “${path}”. `,
        h('a', { href: '#/' }, 'Go to the overview'),
        '.',
      ),
    );
    return 'No such page';
  },
});
