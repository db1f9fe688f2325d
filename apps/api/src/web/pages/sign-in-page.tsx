import { Field } from '../components/fields';
import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Alert, Button, ButtonLink, Heading, Paragraph } = Rhc;

export interface SignInPageProps {
  context: PageContext;
  /** Where to go after signing in (a path on this site). */
  back: string;
  error: string | null;
  notice: string | null;
  /** Signing in at the organisation's identity provider is configured. */
  oidc: boolean;
}

/**
 * Signing in with an API token. The token field is never filled back in after a refusal: a token must
 * not appear in a page, even the user's own.
 */
export function SignInPage({ context, back, error, notice, oidc }: SignInPageProps) {
  return (
    <Layout title="Inloggen" context={context}>
      <Heading level={1}>Inloggen</Heading>
      {notice && (
        <Alert type="info">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      {oidc && (
        <>
          <Heading level={2}>Met uw organisatie</Heading>
          <Paragraph>
            <ButtonLink appearance="primary-action-button" href={`/inloggen/oidc?terug=${encodeURIComponent(back)}`}>
              Inloggen via uw organisatie
            </ButtonLink>
          </Paragraph>
          <Heading level={2}>Met een token</Heading>
        </>
      )}
      <Paragraph>
        Log in met het token dat u van de beheerder kreeg (het begint met <code>am_</code>). Coördinatoren kunnen acties bijwerken; partners
        en auditors lezen.
      </Paragraph>
      <form method="post" action="/inloggen" className="am-form" noValidate>
        <input type="hidden" name="_csrf" value={context.csrf} />
        <input type="hidden" name="terug" value={back} />
        <Field id="token" label="Token" error={error}>
          {(props) => (
            <input
              {...props}
              name="token"
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              className="utrecht-textbox utrecht-textbox--html-input"
            />
          )}
        </Field>
        <Button appearance="primary-action-button" type="submit">
          Inloggen
        </Button>
      </form>
    </Layout>
  );
}

/** After signing in at the identity provider: on to where the user was going, by a same-site navigation. */
export function SignedInPage({ context, back }: { context: PageContext; back: string }) {
  return (
    <Layout title="Ingelogd" context={context} refreshTo={back}>
      <Heading level={1}>U bent ingelogd</Heading>
      <Paragraph>
        <a href={back}>Verder</a>
      </Paragraph>
    </Layout>
  );
}
