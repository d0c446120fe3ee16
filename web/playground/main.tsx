// Monaco's editor, JSON and GraphQL workers, bundled by Vite as files of their own (no CDN).
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';

import { GraphiQL } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { EXAMPLES } from './examples';
import { fetcher } from './fetcher';

const container = document.getElementById('graphiql');
if (!container) throw new Error('index.html has no #graphiql element');

createRoot(container).render(
  <StrictMode>
    <GraphiQL
      fetcher={fetcher}
      defaultTabs={EXAMPLES}
      defaultEditorToolsVisibility="variables"
      // The token typed in the Headers tab stays in memory, never in localStorage.
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>papergraph</GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
