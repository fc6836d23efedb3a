/**
 * Answer cards are built once per entry, language and excluded aids (dialogs/answers.ts), then shared: the
 * same card for every answer that shows the entry, frozen so that no caller can change what the next person sees.
 */
import type { Attachment } from 'botbuilder';
import { adviserLines, audienceCaveats, entriesActivity, phoneLinesActivity } from '../../dialogs/answers';
import { answerEntries } from '../../dialogs/journeys/answerDialog';
import { translator } from '../../dialogs/i18n';
import { loadKnowledge } from '../../knowledge/loader';

const knowledge = loadKnowledge();

function cardOf(locale: string, excluded: string[] = []): Attachment {
  const aced = knowledge.get('aced');
  if (!aced) throw new Error('the knowledge base has no "aced" entry');
  const t = translator(locale);
  const activity = entriesActivity(knowledge, t, [aced], t('journey.aidIntro'), excluded);
  return activity.attachments?.[0] as Attachment;
}

function isDeepFrozen(value: unknown): boolean {
  if (!value || typeof value !== 'object') return true;
  return Object.isFrozen(value) && Object.values(value).every(isDeepFrozen);
}

describe('answer cards', () => {
  it('are the same card for every answer about the entry, in the same language', () => {
    expect(cardOf('fr-FR')).toBe(cardOf('fr'));
    expect(JSON.stringify(cardOf('fr-FR'))).toContain('Aide aux cotisants en difficulté (ACED)');
  });

  it('cannot be changed by whoever receives them', () => {
    const card = cardOf('fr-FR');
    expect(isDeepFrozen(card)).toBe(true);
    expect(() => {
      (card.content as { body: unknown[] }).body.push({ type: 'TextBlock', text: 'x' });
    }).toThrow(TypeError);
  });

  it('differ by language and by the aids the answer excludes', () => {
    expect(cardOf('en-US')).not.toBe(cardOf('fr-FR'));
    const afe = knowledge.get('afe')?.title ?? 'AFE';
    expect(JSON.stringify(cardOf('fr-FR'))).toContain(afe);
    expect(JSON.stringify(cardOf('fr-FR', ['afe']))).not.toContain(afe);
  });
});

describe('phone-line cards', () => {
  it('are built once per introduction, lines and buttons, and shared frozen', () => {
    const first = phoneLinesActivity(knowledge, 'Appelez :', { buttons: ['Menu'] });
    const again = phoneLinesActivity(knowledge, 'Appelez :', { buttons: ['Menu'] });
    expect(again.attachments?.[0]).toBe(first.attachments?.[0]);
    expect(again.text).toBe(first.text);
    expect(again).not.toBe(first);
    expect(isDeepFrozen(first.attachments?.[0])).toBe(true);
    const other = phoneLinesActivity(knowledge, 'Appelez :');
    expect(other.attachments?.[0]).not.toBe(first.attachments?.[0]);
    expect(JSON.stringify(other.attachments)).not.toContain('Menu');
    expect(JSON.stringify(first.attachments)).toContain('3646');
  });
});

describe('audience caveats (an aid described for other statuses than the person’s)', () => {
  const t = translator('fr');
  const entry = (id: string) => {
    const found = knowledge.get(id);
    if (!found) throw new Error(`the knowledge base has no "${id}" entry`);
    return found;
  };
  const texts = (statut: string | undefined, ids: string[]) =>
    audienceCaveats(knowledge, t, ids.map(entry), statut).map((activity) => activity.text);

  it('warns a profession libérale that the invalidity pension is described for artisans and commerçants', () => {
    expect(texts('profession_liberale', ['pension-invalidite', 'invalidite-totale-definitive'])).toEqual([
      "À noter : d'après mes documents, « La pension d'invalidité » concerne les artisans et les commerçants. Ils ne disent rien de précis pour les professions libérales : vérifiez auprès d'un conseiller (3646 ou 3698) avant toute démarche.",
    ]);
  });

  it('tells a profession libérale that the ADR, which the sources reserve to artisans and commerçants, is not theirs', () => {
    expect(texts('profession_liberale', ['adr'])).toEqual([
      "À noter : d'après mes documents, « Accompagnement au départ à la retraite (ADR) » concerne seulement les artisans et les commerçants, pas les professions libérales. Un conseiller (3646 ou 3698) peut vous dire ce qui existe pour votre situation.",
    ]);
    expect(texts('commercant', ['adr'])).toEqual([]);
  });

  it('says nothing to a status the aid names, to an unknown status, or for an aid open to all', () => {
    expect(texts('artisan', ['pension-invalidite'])).toEqual([]);
    expect(texts(undefined, ['pension-invalidite'])).toEqual([]);
    expect(texts('profession_liberale', ['aced', 'help'])).toEqual([]);
  });

  it('tells a micro-entrepreneur when the documents do not say whether an entry for some trades is theirs', () => {
    // The congé de deuil parental: artisans, commerçants, praticiens et auxiliaires médicaux, conjoints
    // collaborateurs (source 001) — not the professions libérales, nor a word of the micro-entrepreneurs.
    expect(texts('micro_entrepreneur', ['deuil-parental'])).toEqual([
      "À noter : d'après mes documents, « Le congé de deuil parental » concerne les artisans, les commerçants, les praticiens et auxiliaires médicaux conventionnés et les conjoints collaborateurs. Ils ne disent pas si c'est aussi le cas des micro-entrepreneurs : vérifiez auprès d'un conseiller (3646) avant toute démarche.",
    ]);
    expect(texts('micro_entrepreneur', ['pension-invalidite'])).toHaveLength(1);
    // Open to every trade (ACED: artisans, commerçants, professions libérales) or to them by name: nothing to say.
    expect(texts('micro_entrepreneur', ['aced', 'indemnites-journalieres', 'help'])).toEqual([]);
    // A conventioned practitioner in micro is in the audience that names them.
    expect(
      audienceCaveats(knowledge, t, [entry('deuil-parental')], 'micro_entrepreneur', {
        situation: 'pamc',
      }),
    ).toEqual([]);
  });

  it("names the advisers' lines from the knowledge base: the one of the organisation handling the entry, else all", () => {
    expect(adviserLines(knowledge, t, entry('deuil-parental'))).toBe('3646');
    expect(adviserLines(knowledge, t, entry('aced'))).toBe('3698');
    expect(adviserLines(knowledge, t)).toBe('3646 ou 3698');
    // The numbers are the contacts' own: a knowledge base whose 3698 changed number says the new one.
    const moved = Object.create(knowledge) as typeof knowledge;
    moved.contact = (id: string) => {
      const c = knowledge.contact(id);
      return c && id === 'tel-3698' ? { ...c, number: '3999' } : c;
    };
    expect(adviserLines(moved, t)).toBe('3646 ou 3999');
  });
});

describe('the entries of a direct answer (answerEntries)', () => {
  const ids = (text: string, corrected?: string) =>
    answerEntries(knowledge, 'ald', text, corrected).map((entry) => entry.id);

  it('puts first an entry of another subject that the message names and that is linked to it', () => {
    // The carence card says what an ALD changes (no carence): it is the question, the ALD cards its context.
    expect(ids('ald ya pas de carence c vrai')[0]).toBe('ij-delai-carence');
    expect(ids('en ald on a des jours de carence ou pas')[0]).toBe('ij-delai-carence');
  });

  it('reads the corrected text when the typed one names nothing', () => {
    expect(ids('pas de jour de carance si ald ?')[0]).not.toBe('ij-delai-carence');
    expect(ids('pas de jour de carance si ald ?', 'pas de jour de carence si ald')[0]).toBe(
      'ij-delai-carence',
    );
  });

  it('keeps the subject’s own entries when the message names nothing else', () => {
    expect(ids('c est quoi une ald')).not.toContain('ij-delai-carence');
    expect(ids('c est quoi une ald')[0]).toBe('ald');
  });
});
