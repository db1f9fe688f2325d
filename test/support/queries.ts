/** GraphQL documents shared by the end-to-end suites, written as a partner or coordinator would. */
export const ACTION_FIELDS = `
  id title result status statusNote overdue version
  owners { id name }
  deadline { text start end }
  plan { id } actionLine { id code }
  targets { id attainment measurements { id value measuredAt } }
`;

export const ACTION = `query ($id: ID!, $asOf: DateTime) { action(id: $id, asOf: $asOf) { ${ACTION_FIELDS} } }`;

export const CHANGE_STATUS = `
  mutation ($input: ChangeActionStatusInput!) {
    changeActionStatus(input: $input) { ${ACTION_FIELDS} }
  }`;

export const RECORD_MEASUREMENT = `
  mutation ($input: RecordMeasurementInput!) {
    recordMeasurement(input: $input) { id baseline targetValue attainment measurements { id value measuredAt source } }
  }`;

export const PARTNER_STATUSES = `
  query ($planId: ID, $asOf: DateTime) {
    partnerStatuses(planId: $planId, asOf: $asOf) {
      partner { id name } total overdue byStatus { status count } actions { id status }
    }
  }`;

export const EVENTS = `
  query ($streamId: ID, $after: String, $first: Int) {
    events(streamId: $streamId, after: $after, first: $first) {
      nextAfter
      events { position streamId version type recordedAt actor { id partnerId role } data }
    }
  }`;
