/**
 * The classes of botbuilder-dialogs that Relais Indé uses, imported from their own modules rather than from the
 * package's index, which also loads the SDK's prompts and choice recognisers — the Microsoft Recognizers Text
 * suite, ≈ 0.2 s of every start-up and its memory — that the bot never uses: its questions are its own
 * (dialogs/prompts/choiceStep.ts) and so is its recogniser (nlu/). They are the very classes the index exports
 * (tests/dialogs/sdk.test.ts); types still come from 'botbuilder-dialogs' with `import type` (nothing loaded).
 * botbuilder-dialogs is pinned to an exact version in package.json: a new version is checked by that test.
 */
export { ComponentDialog } from 'botbuilder-dialogs/lib/componentDialog';
export { Dialog, DialogTurnStatus } from 'botbuilder-dialogs/lib/dialog';
export { DialogSet } from 'botbuilder-dialogs/lib/dialogSet';
export { WaterfallDialog } from 'botbuilder-dialogs/lib/waterfallDialog';
