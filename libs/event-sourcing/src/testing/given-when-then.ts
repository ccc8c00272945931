import { Decider, fold, DomainEvent } from '..';

/**
 * Given-events / when-command / then-events for deciders, without infrastructure:
 *
 *   const spec = deciderSpec(planDecider);
 *   spec.given([planDrafted]).when(issuePlan).then([planIssued]);
 *   spec.given([]).when(amendPlan).thenThrows(DomainRuleViolation, /draft/);
 */
export function deciderSpec<C, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
  return {
    given(events: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, fold(decider, events));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorType: new (...args: any[]) => Error, message?: RegExp | string) {
              expect(run).toThrow(errorType);
              if (message) expect(run).toThrow(message);
            },
            /** For assertions on parts of the result (ids, timestamps) */
            events: run,
          };
        },
      };
    },
  };
}
