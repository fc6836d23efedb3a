import type { Dialog } from 'botbuilder-dialogs';
import { journeyDialogId } from '../../knowledge/loader';
import { AnswerDialog } from './answerDialog';
import { HELP_DIALOG, HelpDialog } from './helpDialog';
import { TreeJourneyDialog, type TreeJourneyDeps } from './treeJourneyDialog';

export const FAQ_DIALOG = 'FaqDialog';

/**
 * Every journey, and which intent each one serves. One {@link TreeJourneyDialog} per tree file that declares a
 * `journey` (its intent and dialog id are data: `orientation.yaml`, `parcours-*.yaml`), plus HELP; the intents
 * not listed get a direct FAQ answer.
 */
export function createJourneys(deps: TreeJourneyDeps): {
  dialogs: Dialog[];
  byIntent: Record<string, string>;
} {
  const trees = deps.knowledge.journeyTrees();
  return {
    dialogs: [
      ...trees.map(
        (tree) => new TreeJourneyDialog(journeyDialogId(tree), tree.journey.intent, tree.id, deps),
      ),
      new HelpDialog(deps.knowledge),
      new AnswerDialog(FAQ_DIALOG, deps.knowledge, undefined, deps.normalize),
    ],
    byIntent: {
      ...Object.fromEntries(trees.map((tree) => [tree.journey.intent, journeyDialogId(tree)])),
      help: HELP_DIALOG,
    },
  };
}
