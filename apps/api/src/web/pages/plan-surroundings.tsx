import type { ActionReadout } from '@actiemonitor/application';
import type { ContextSeriesView, PlanView, ReferenceView, ThemeView } from '@actiemonitor/read-models';
import { ContextSeriesBlock, ReferenceList, ThemeList } from '../components/context-parts';
import { Rhc } from '../components/rhc';

const { Heading, Paragraph, Link } = Rhc;

/** What a plan page shows beside its actions: kamerstukken, themes (opgaven) and context figures. */
export interface PlanSurroundings {
  references: ReferenceView[];
  themes: ThemeView[];
  contextSeries: ContextSeriesView[];
  /** Descriptions of the plan's targets, by id: the figures say which targets they give context to. */
  targetNames: Map<string, string>;
}

export const NO_PLAN_SURROUNDINGS: PlanSurroundings = { references: [], themes: [], contextSeries: [], targetNames: new Map() };

const namesOf = (series: ContextSeriesView, targetNames: Map<string, string>) => series.targetIds.map((id) => targetNames.get(id) ?? id);

/** Inside an action line's section: the context figures the plan gives for it, beside the line's targets. */
export function LineContext({ series, targetNames }: { series: ContextSeriesView[]; targetNames: Map<string, string> }) {
  if (series.length === 0) return null;
  return (
    <div className="am-line-context">
      <Paragraph>Contextcijfers bij deze actielijn (geen doelen):</Paragraph>
      {series.map((s) => (
        <ContextSeriesBlock key={s.id} series={s} targetNames={namesOf(s, targetNames)} level={3} />
      ))}
    </div>
  );
}

/** The plan's own context figures (not tied to an action line), its themes and the kamerstukken it answers to. */
export function PlanSurroundingsSections({
  plan,
  surroundings,
  actions,
  at,
}: {
  plan: PlanView;
  surroundings: PlanSurroundings;
  actions: ActionReadout[];
  at: string;
}) {
  const lineIds = new Set(plan.actionLines.map((l) => l.id));
  const planWide = surroundings.contextSeries.filter((s) => s.actionLineId === null || !lineIds.has(s.actionLineId));
  return (
    <>
      {planWide.length > 0 && (
        <section aria-labelledby="contextcijfers">
          <Heading level={2} id="contextcijfers">
            Contextcijfers
          </Heading>
          <Paragraph>Cijfers die het plan als achtergrond geeft. Het zijn geen doelen: er is geen streefwaarde.</Paragraph>
          {planWide.map((s) => (
            <ContextSeriesBlock key={s.id} series={s} targetNames={namesOf(s, surroundings.targetNames)} level={3} />
          ))}
        </section>
      )}
      {surroundings.themes.length > 0 && (
        <section aria-labelledby="themas">
          <Heading level={2} id="themas">
            Thema’s (opgaven)
          </Heading>
          <ThemeList themes={surroundings.themes} actionTitles={new Map(actions.map((a) => [a.id, a.title]))} at={at} />
        </section>
      )}
      <section aria-labelledby="kamerstukken">
        <Heading level={2} id="kamerstukken">
          Kamerstukken
        </Heading>
        {surroundings.references.length === 0 ? (
          <Paragraph>
            Het plan als geheel noemt geen kamerstuk. <Link href={`/kamerstukken${at}`}>Alle kamerstukken</Link>
          </Paragraph>
        ) : (
          <>
            <ReferenceList references={surroundings.references} subject="PLAN" subjectId={plan.id} at={at} />
            <Paragraph>
              <Link href={`/kamerstukken${at}`}>Alle kamerstukken, met de acties die erop antwoorden</Link>
            </Paragraph>
          </>
        )}
      </section>
    </>
  );
}
