/**
 * What one dialog level costs the SDK (bench/notes.md, fourth pass on the turn): a first turn through `DialogSet`
 * → a component → a route waterfall → a journey → a question that waits, with the journey a component around its
 * own loop waterfall (as Relais Indé's journeys were) or a waterfall itself (as they are). SDK only, in-memory
 * state. Prints µs of CPU per turn for both, alternated.
 *
 * Usage: node --import tsx bench/dialogLevels.ts [turns=30000] [rounds=4]
 */
import { ConversationState, MemoryStorage, TestAdapter, TurnContext } from 'botbuilder';
import type { DialogContext, DialogState, DialogTurnResult } from 'botbuilder-dialogs';
import { ComponentDialog, Dialog, DialogSet, DialogTurnStatus, WaterfallDialog } from '../dialogs/sdk';

/** A question: waits for the next message. */
class Ask extends Dialog {
  constructor() {
    super('ask');
  }

  override async beginDialog(dc: DialogContext): Promise<DialogTurnResult> {
    dc.activeDialog!.state = { asked: true };
    return Dialog.EndOfTurn;
  }
}

/** A component holding `dialogs`, starting with the first. */
class Container extends ComponentDialog {
  constructor(id: string, dialogs: Dialog[]) {
    super(id);
    for (const dialog of dialogs) this.addDialog(dialog);
    this.initialDialogId = dialogs[0].id;
  }
}

function journey(asComponent: boolean): Dialog {
  const steps = [
    async (step: DialogContext) => step.beginDialog('ask'),
    async (step: DialogContext) => step.endDialog(),
  ];
  if (!asComponent) return new WaterfallDialog('journey', steps);
  return new Container('journey', [new WaterfallDialog('journey.loop', steps), new Ask()]);
}

function mainDialog(asComponent: boolean): ComponentDialog {
  return new Container('main', [
    new WaterfallDialog('route', [
      async (step) => step.beginDialog('journey'),
      async (step) => step.endDialog(),
    ]),
    new Ask(),
    journey(asComponent),
  ]);
}

async function run(asComponent: boolean, turns: number): Promise<number> {
  const adapter = new TestAdapter();
  const state = new ConversationState(new MemoryStorage());
  const dialogs = new DialogSet(state.createProperty<DialogState>('dialogState'));
  dialogs.add(mainDialog(asComponent));
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < turns; i++) {
    const context = new TurnContext(adapter, {
      type: 'message',
      text: 'x',
      channelId: 'test',
      conversation: { id: `c${i}`, isGroup: false, conversationType: '', name: '' },
      from: { id: 'u', name: '' },
      recipient: { id: 'b', name: '' },
    });
    const dc = await dialogs.createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog('main');
  }
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / turns;
}

async function main(): Promise<void> {
  const turns = Number(process.argv[2] ?? 30_000);
  const rounds = Number(process.argv[3] ?? 4);
  await run(true, 5_000);
  await run(false, 5_000);
  for (let round = 0; round < rounds; round++) {
    const component = await run(true, turns);
    const flat = await run(false, turns);
    process.stdout.write(
      `journey as a component: ${component.toFixed(1)} µs, as a waterfall: ${flat.toFixed(1)} µs\n`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
