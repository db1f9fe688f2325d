import type { ReactNode } from 'react';
import { canEdit, canReadLog, reportingPartner, viewerLabel } from '../session/viewer';
import { PAGE_STYLESHEETS } from '../web-assets';
import { Field } from './fields';
import type { PageContext } from './page-context';
import { Rhc } from './rhc';

const { Alert, Button, Link, Paragraph, SkipLink } = Rhc;

interface LayoutProps {
  title: string;
  context: PageContext;
  /** Pages that read the log as of a moment show the date picker. */
  timeTravel?: boolean;
  /** Move on to this path at once (a same-site navigation, without script). */
  refreshTo?: string;
  children: ReactNode;
}

/** The frame of every page: skip link, header with navigation and session, the moment shown, footer. */
export function Layout({ title, context, timeTravel = false, refreshTo, children }: LayoutProps) {
  const who = viewerLabel(context.viewer);
  const reporter = reportingPartner(context.viewer);
  return (
    <html lang="nl" className="rhc-theme">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {refreshTo && <meta httpEquiv="refresh" content={`0;url=${refreshTo}`} />}
        <title>{`${title} — Actiemonitor`}</title>
        {PAGE_STYLESHEETS.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
      </head>
      <body className="am-body">
        <SkipLink href="#inhoud">Naar de inhoud</SkipLink>
        <header className="am-header">
          <div className="am-header__inner">
            <a className="am-brand" href="/">
              Actiemonitor <span className="am-brand__tagline">voortgang van de actieplannen jeugd</span>
            </a>
            <nav aria-label="Hoofdmenu" className="am-nav">
              <ul className="am-nav__list">
                <li>
                  <a href="/">Plannen</a>
                </li>
                <li>
                  <a href="/regios">Regio’s</a>
                </li>
                <li>
                  <a href="/overleggen">Overleggen</a>
                </li>
                <li>
                  <a href="/kamerstukken">Kamerstukken</a>
                </li>
                <li>
                  <a href="/zoeken">Zoeken</a>
                </li>
                {context.viewer.kind === 'signed-in' && (
                  <li>
                    <a href="/rapportage">Rapportage</a>
                  </li>
                )}
                {reporter && (
                  <li>
                    <a href={`/partners/${reporter}#bij-te-werken`}>Bij te werken</a>
                  </li>
                )}
                {canEdit(context.viewer) && (
                  <li>
                    <a href="/beoordelen">Te beoordelen</a>
                  </li>
                )}
                {canReadLog(context.viewer) && (
                  <li>
                    <a href="/logboek">Logboek</a>
                  </li>
                )}
              </ul>
            </nav>
            {who ? (
              <form method="post" action="/uitloggen" className="am-session">
                <span>Ingelogd als {who}</span> <input type="hidden" name="_csrf" value={context.csrf} />
                <Button appearance="secondary-action-button" type="submit">
                  Uitloggen
                </Button>
              </form>
            ) : context.viewer.kind !== 'anonymous' || context.path !== '/inloggen' ? (
              <a className="am-session" href="/inloggen">
                Inloggen
              </a>
            ) : null}
          </div>
        </header>
        <main id="inhoud" className="am-main" tabIndex={-1}>
          {context.peildatum && (
            <Alert type="info">
              <Paragraph>
                <strong>U bekijkt de stand van {context.peildatum.label}.</strong> Latere wijzigingen ziet u hier niet.{' '}
                <Link href={hrefWith(context.path, context.keep, null)}>Naar de stand van nu</Link>
              </Paragraph>
            </Alert>
          )}
          {timeTravel && <PeildatumPicker context={context} />}
          {children}
        </main>
        <footer className="am-footer">
          <ul className="am-footer__list">
            <li>
              <a href="/toegankelijkheid">Toegankelijkheid</a>
            </li>
            <li>Actiemonitor is open source (EUPL-1.2); elke wijziging staat in een logboek dat niet te herschrijven is.</li>
          </ul>
        </footer>
      </body>
    </html>
  );
}

/** A GET form: the date picker that sets `?peildatum=`, keeping the page's filters. */
function PeildatumPicker({ context }: { context: PageContext }) {
  const value = context.peildatumError?.input ?? context.peildatum?.input ?? '';
  return (
    <form method="get" action={context.path} className="am-peildatum" aria-label="Peildatum kiezen">
      {Object.entries(context.keep).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <Field
        id="peildatum"
        label="Peildatum"
        description="Toon deze pagina zoals hij was aan het eind van die dag (of op dat tijdstip: 2018-06-30T14:00)."
        error={context.peildatumError?.reason ?? null}
      >
        {(props) => (
          <input
            {...props}
            name="peildatum"
            type="text"
            inputMode="numeric"
            placeholder="jjjj-mm-dd"
            defaultValue={value}
            className="utrecht-textbox utrecht-textbox--html-input am-peildatum__input"
          />
        )}
      </Field>
      <Button appearance="secondary-action-button" type="submit">
        Tonen
      </Button>
    </form>
  );
}

/** A link to a path with the given query (and `peildatum` when set). */
export function hrefWith(path: string, query: Record<string, string>, peildatum: string | null): string {
  const params = new URLSearchParams(query);
  if (peildatum) params.set('peildatum', peildatum);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
