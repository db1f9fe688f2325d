import type { ChainProblem } from '@actiemonitor/event-store';
import type { Message } from '@actiemonitor/domain';
import { APPLICATION_MESSAGES } from '../application.messages';

/** What broke the hash chain, as `cli verify` and the logbook say it to people. */
export function chainFinding(problem: ChainProblem): Message {
  switch (problem.kind) {
    case 'gap':
      return APPLICATION_MESSAGES.chainGap(problem.follows.toString());
    case 'missing':
      return APPLICATION_MESSAGES.chainMissing(problem.nextAt.toString());
    case 'link':
      return APPLICATION_MESSAGES.chainLink;
    case 'altered':
      return APPLICATION_MESSAGES.chainAltered;
  }
}
