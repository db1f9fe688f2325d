import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

/** A page that only says something: not found, not allowed, a refused form. */
export function MessagePage({
  context,
  title,
  message,
  signIn = false,
}: {
  context: PageContext;
  title: string;
  message: string;
  signIn?: boolean;
}) {
  return (
    <Layout title={title} context={context}>
      <Heading level={1}>{title}</Heading>
      <Paragraph>{message}</Paragraph>
      {signIn && (
        <Paragraph>
          <Link href="/inloggen">Inloggen met een ander token</Link>
        </Paragraph>
      )}
      <Paragraph>
        <Link href="/">Naar de plannen</Link>
      </Paragraph>
    </Layout>
  );
}
