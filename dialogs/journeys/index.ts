import type { Dialog } from 'botbuilder-dialogs';
import { AnswerDialog } from './answerDialog';
import { HELP_DIALOG, HelpDialog } from './helpDialog';
import { TreeJourneyDialog, type TreeJourneyDeps } from './treeJourneyDialog';

export const AIDE_FINANCIERE_DIALOG = 'AideFinanciereDialog';
export const MATERNITE_DIALOG = 'MaterniteDialog';
export const MALADIE_DIALOG = 'MaladieDialog';
export const INVALIDITE_DIALOG = 'InvaliditeDialog';
export const FAQ_DIALOG = 'FaqDialog';

/** "Demander une aide financière": the orientation tree of `orientation.yaml`, ending on the aids' cards. */
export class AideFinanciereDialog extends TreeJourneyDialog {
  constructor(deps: TreeJourneyDeps) {
    super(AIDE_FINANCIERE_DIALOG, 'aide_financiere', deps.knowledge.tree.id, deps);
  }
}

/** Maternité: cheffe d'entreprise or conjointe collaboratrice, 10 months of affiliation, rank or multiple birth. */
export class MaterniteDialog extends TreeJourneyDialog {
  constructor(deps: TreeJourneyDeps) {
    super(MATERNITE_DIALOG, 'maternite', 'parcours-maternite', deps);
  }
}

/** Arrêt maladie: 12 months of affiliation, then the indemnités journalières and what to send. */
export class MaladieDialog extends TreeJourneyDialog {
  constructor(deps: TreeJourneyDeps) {
    super(MALADIE_DIALOG, 'indemnites_journalieres', 'parcours-maladie', deps);
  }
}

/** Invalidité: the pension and its categories, ASI, AFI for active invalids, going back to work. */
export class InvaliditeDialog extends TreeJourneyDialog {
  constructor(deps: TreeJourneyDeps) {
    super(INVALIDITE_DIALOG, 'invalidite', 'parcours-invalidite', deps);
  }
}

/** Every journey, and which intent each one serves; the intents not listed get a direct FAQ answer. */
export function createJourneys(deps: TreeJourneyDeps): {
  dialogs: Dialog[];
  byIntent: Record<string, string>;
} {
  return {
    dialogs: [
      new AideFinanciereDialog(deps),
      new MaterniteDialog(deps),
      new MaladieDialog(deps),
      new InvaliditeDialog(deps),
      new HelpDialog(deps.knowledge),
      new AnswerDialog(FAQ_DIALOG, deps.knowledge),
    ],
    byIntent: {
      aide_financiere: AIDE_FINANCIERE_DIALOG,
      maternite: MATERNITE_DIALOG,
      indemnites_journalieres: MALADIE_DIALOG,
      invalidite: INVALIDITE_DIALOG,
      help: HELP_DIALOG,
    },
  };
}
