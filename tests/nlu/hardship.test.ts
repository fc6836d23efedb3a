import { getRecognizer, Recognizer } from '../../nlu';
import { hardshipTrainingSet } from '../../nlu/hardship';
import { isConversationIntent } from '../../contract';

const recognizer = getRecognizer();

describe('learned reading of hardship (nlu/hardship.ts)', () => {
  it.each([
    'Depuis deux ans je fais tourner seule mon salon de coiffure, je ne prends plus aucun jour, je ne vois plus mes enfants et le soir je reste assise dans la voiture avant de rentrer',
    'Je travaille comme un fou pour mon petit commerce et à la fin du mois il ne reste quasiment rien pour ma famille, je ne sais plus vers qui me tourner',
  ])('reads a difficulty told without any listed sign: « %s »', (text) => {
    expect(recognizer.recognize(text).distress).toEqual({
      level: 'moderate',
      signals: ['recit'],
      need: 'help',
    });
  });

  it.each([
    "je voudrais savoir comment faire pour déclarer mon chiffre d'affaires du trimestre sur le site de l'urssaf avant la date limite",
    'je suis infirmière libérale et je voudrais connaître la durée du congé maternité et le montant des indemnités',
    "je n'ai aucune dette envers l'urssaf",
  ])('reads none in a plain question: « %s »', (text) => {
    expect(recognizer.recognize(text).distress.level).toBe('none');
  });

  it('leaves short messages to the listed signs, and adds nothing when they found some', () => {
    const eager = Recognizer.fromDirectory(undefined, {
      hardship: { threshold: 0, realWeight: 3, minWords: 10 },
    });
    expect(eager.recognize('je voudrais ma carte vitale').distress.level).toBe('none');
    expect(
      eager.recognize("je voudrais savoir comment on fait pour avoir l'attestation de droits").distress,
    ).toEqual({ level: 'moderate', signals: ['recit'], need: 'help' });
    expect(eager.recognize("l'huissier est passé hier pour une saisie").distress.signals).toEqual([
      'huissier',
    ]);
  });

  it('reads nothing in small talk, even a long thank-you (threshold 0 reads everything else)', () => {
    const eager = Recognizer.fromDirectory(undefined, {
      hardship: { threshold: 0, realWeight: 3, minWords: 10 },
    });
    const thanks = eager.recognize(
      "Merci beaucoup pour toutes ces informations, vous m'avez vraiment bien aidé, bonne journée à vous",
    );
    expect(thanks.topIntent).toBe('thanks');
    expect(thanks.distress.level).toBe('none');
  });

  it('trains on HELP sentences as difficulty, other topics as none, real messages by their own label and weight', () => {
    const set = hardshipTrainingSet(
      [
        { text: 'je coule', intent: 'help' },
        { text: 'ma carte vitale est perdue', intent: 'carte_vitale' },
        { text: 'une aide pour payer', intent: 'aide_financiere' },
        { text: 'bonjour', intent: 'greeting' },
        { text: 'je  coule', intent: 'help' },
      ],
      { difficulty: ['on ne se paie plus depuis un an'], no_difficulty: ['je coule'] },
      3,
      isConversationIntent,
    );
    expect(set).toEqual([
      { text: 'je coule', label: 0, weight: 3 },
      { text: 'ma carte vitale est perdue', label: 0, weight: 1 },
      { text: 'on ne se paie plus depuis un an', label: 1, weight: 3 },
    ]);
  });
});
