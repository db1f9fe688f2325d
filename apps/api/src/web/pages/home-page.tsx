import type { PlanView } from '@actiemonitor/read-models';
import { Layout } from '../components/layout';
import type { PageContext } from '../components/page-context';
import { Rhc } from '../components/rhc';
import { StatusCountsTable } from '../components/status-counts-table';
import { peildatumQuery } from '../components/links';
import { percentage, PlanSummary } from '../format/plan-summary';

const { Heading, Paragraph, Link } = Rhc;

export interface HomePageProps {
  context: PageContext;
  plans: Array<{ plan: PlanView; summary: PlanSummary }>;
}

/** `/`: every plan with its actions per status, how many are overdue, how many were ever reported. */
export function HomePage({ context, plans }: HomePageProps) {
  const at = peildatumQuery(context);
  return (
    <Layout title="Plannen" context={context} timeTravel>
      <Heading level={1}>Plannen</Heading>
      {plans.length === 0 && <Paragraph>Er zijn (op dit moment) geen plannen.</Paragraph>}
      {plans.map(({ plan, summary }) => (
        <section key={plan.id} className="am-plan" aria-labelledby={`plan-${plan.id}`}>
          <Heading level={2} id={`plan-${plan.id}`}>
            <Link href={`/plannen/${plan.id}${at}`}>{plan.title}</Link>
          </Heading>
          <Paragraph>
            {summary.total} acties · <strong>{summary.overdue} over de termijn</strong> · {percentage(summary.reported, summary.total)} ooit
            gerapporteerd ({summary.reported} van {summary.total}) · looptijd {plan.period.text}
          </Paragraph>
          <StatusCountsTable caption={`Acties per status — ${plan.title}`} byStatus={summary.byStatus} />
          <Heading level={3}>Voortgang per actielijn</Heading>
          <ul className="am-progress-list">
            {summary.lines.map(({ line, total, byStatus }) => {
              const done = byStatus.COMPLETED;
              const label = `${line.code}. ${line.title}: ${done} van ${total} afgerond`;
              return (
                <li key={line.id} className="am-progress-list__item">
                  <span id={`line-${plan.id}-${line.id}`}>
                    {line.code}. {line.title}
                  </span>
                  <progress max={Math.max(total, 1)} value={done} aria-label={label} />
                  <span className="am-progress-list__figures">
                    {done} van {total} afgerond ({percentage(done, total)})
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
