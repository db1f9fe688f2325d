/*
 * Starts GraphiQL on /graphiql (served by register-graphiql.ts). A file of its own rather than an inline
 * script, so the page's Content-Security-Policy needs no 'unsafe-inline' for scripts. Runs after the
 * React 18, ReactDOM 18 and GraphiQL browser bundles (all `defer`, so in order), which set the globals
 * React, ReactDOM and GraphiQL.
 */
(function () {
  'use strict';

  var root = document.getElementById('graphiql');
  var endpoint = new URL(root.getAttribute('data-endpoint'), window.location.href).href;

  // Shown on a first visit (GraphiQL keeps the last query in localStorage after that).
  var defaultQuery = [
    '# GraphiQL voor de Actiemonitor.',
    '#',
    '# Elke vraag heeft een token nodig. Zet het in het',
    '# tabblad "Headers" hieronder:',
    '#   {"Authorization": "Bearer <uw token>"}',
    '# Voer deze vraag dan uit met de knop \u25B6 (Ctrl+Enter).',
    '# Voor aanvullen en documentatie: haal het schema opnieuw',
    '# op met de knop \u21BB links onderin.',
    '',
    '{',
    '  plans {',
    '    id',
    '    title',
    '  }',
    '}',
    '',
  ].join('\n');

  var element = React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: endpoint }),
    defaultQuery: defaultQuery,
    // Used while no headers are stored; open at start, because without the Authorization header nothing works.
    defaultHeaders: root.getAttribute('data-default-headers'),
    defaultEditorToolsVisibility: 'headers',
    // A token stays out of localStorage unless the user turns that on in GraphiQL's settings.
    shouldPersistHeaders: false,
  });

  root.textContent = '';
  ReactDOM.createRoot(root).render(element);
})();
