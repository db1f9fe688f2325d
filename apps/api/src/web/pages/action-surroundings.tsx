import type { ActionReadout } from '@actiemonitor/application';
import type { ContextSeriesView, ReferenceView, ThemeView } from '@actiemonitor/read-models';
import { ContextSeriesBlock, ReferenceList } from '../components/context-parts';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

/** What surrounds an action without being part of it: kamerstukken it answers to, themes it serves, context figures at its targets. */
export interface ActionSurroundings {
  references: ReferenceView[];
  themes: ThemeView[];
  /** The context series of the action's plans (the page shows those beside the targets they name). */
  contextSeries: ContextSeriesView[];
}

export const NO_SURROUNDINGS: ActionSurroundings = { references: [], themes: [], contextSeries: [] };

/** Context figures beside a target: they are not measurements of it. */
export function TargetContext({ series }: { series: ContextSeriesView[] }) {
  if (series.length === 0) return null;
  return (
    <aside className="am-target-context" aria-label="Contextcijfers bij dit doel">
      <Paragraph>Contextcijfers bij dit doel (geen metingen van het doel):</Paragraph>
      {series.map((s) => (
        <ContextSeriesBlock key={s.id} series={s} targetNames={[]} level={4} />
      ))}
    </aside>
  );
}

/** The action page's sections "Kamerstukken" and "Thema’s". */
export function ActionReferencesAndThemes({
  action,
  surroundings,
  at,
}: {
  action: ActionReadout;
  surroundings: ActionSurroundings;
  at: string;
}) {
  return (
    <>
      <section aria-labelledby="kamerstukken">
        <Heading level={2} id="kamerstukken">
          Kamerstukken
        </Heading>
        {surroundings.references.length === 0 ? (
          <Paragraph>Het plan noemt bij deze actie geen motie, Kamervragen of ander kamerstuk.</Paragraph>
        ) : (
          <ReferenceList references={surroundings.references} subject="ACTION" subjectId={action.id} at={at} />
        )}
      </section>
      {surroundings.themes.length > 0 && (
        <section aria-labelledby="themas">
          <Heading level={2} id="themas">
            Thema’s (opgaven)
          </Heading>
          <ul className="am-themes">
            {surroundings.themes.map((t) => (
              <li key={t.id}>
                <Link href={`/plannen/${t.planId}${at}#thema-${t.id}`}>{t.title}</Link>
                {t.actions.find((a) => a.actionId === action.id)?.note ? ` (${t.actions.find((a) => a.actionId === action.id)?.note})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
