/**
 * Robustness to the way real users write (misspellings, ALL CAPS, dictated punctuation, formal letters, near misses).
 * The misspelt queries are NOT in the training data on purpose: the spelling corrector must bring them back to the
 * training vocabulary (a typo added to the training data becomes a "known" word and is no longer corrected).
 */
import { getRecognizer } from '../../nlu';

describe('recogniser robustness to user writing styles', () => {
  const r = getRecognizer();

  it.each([
    ['aide financiere exeptionelle indépendent demande', 'aide_financiere'],
    ['aide cotisasions ursaff difficulté', 'aide_financiere'],
    ['indemnitée maternitée auto entrepreneur', 'maternite'],
    ['conger paterniter independant', 'paternite'],
    ['conger d adoptoin', 'adoption'],
    ['indenmité journaliere arêt maladie', 'indemnites_journalieres'],
    ['indemnitée journalière', 'indemnites_journalieres'],
    ['invaliditer independant', 'invalidite'],
    ['complementaire santer solidaire demande', 'complementaire_sante_solidaire'],
    ['bilant de santé gratuis', 'examen_prevention'],
    ['psycologue rembourser', 'mon_soutien_psy'],
    ['fin de vi accompagnement alocation', 'fin_de_vie'],
    ['reclammation cpam', 'reclamation'],
    ['depistage canser', 'prevention'],
    ['sopia diabette', 'sophia'],
    ['renonsement au soins', 'accompagnement_sante'],
    ['asistante social', 'service_social'],
    ['mi tant terapeutique', 'desinsertion_professionnelle'],
    ['premier moi ursaff', 'premiers_mois_urssaf'],
    ['afection longue durer', 'ald'],
    ['hopitalisation rembourcement', 'hospitalisation'],
    ['echancier ursaf', 'cotisations_delais'],
    ['conjoin colaborateur', 'statut_conjoint'],
    ['medcin traitent', 'medecin_traitant'],
    ['acident du travaille', 'at_mp'],
    ['numero ursaff', 'contact'],
    ['carte vital perdu', 'carte_vitale'],
    ['code amelie perdu', 'compte_ameli'],
    ['suis-je éligilbe a la css', 'complementaire_sante_solidaire'],
    ['cotisasion ursaf échéancier', 'cotisations_delais'],
    ['JE SUIS ENCEINTE ET AUTO ENTREPRENEUSE COMBIEN DE SEMAINES', 'maternite'],
    ['arret maladie virgule je suis plombier virgule combien je touche', 'indemnites_journalieres'],
    ['Madame, Monsieur, je me permets de vous écrire au sujet de mon congé de paternité.', 'paternite'],
    ["le pharmacien m'a dit que ma carte vitale était périmée", 'carte_vitale'],
    ['je cherche une aide pour la réparation de mon camion', 'aide_financiere'],
    ['mon salarié est en arrêt maladie, je dois lui maintenir son salaire ?', 'None'],
    ['apl caf montant auto entrepreneur', 'None'],
    ['inscription france travail après fermeture de ma micro', 'None'],
  ])('%s → %s', (text, intent) => {
    expect(r.recognize(text).topIntent).toBe(intent);
  });
});

describe('courtesy formulas around a message', () => {
  const r = getRecognizer();

  it.each([
    [
      'je voudrais savoir comment on fait pour avoir les indemnités quand on est en arrêt',
      'indemnites_journalieres',
    ],
    ['arrêt maladie', 'indemnites_journalieres'],
    ['enceinte', 'maternite'],
    ["j'ai besoin d'une aide financière pour payer mes cotisations", 'aide_financiere'],
    ['comment déclarer ma TVA', 'None'],
  ])('« Bonjour, %s » reads as « %s » does, with or without a closing formula', (text, intent) => {
    const plain = r.recognize(text);
    expect(plain.topIntent).toBe(intent);
    for (const wrapped of [
      `Bonjour, ${text}`,
      `Bonsoir Madame, ${text}. Merci d'avance.`,
      `${text}. Cordialement`,
    ]) {
      const reading = r.recognize(wrapped);
      expect(reading.topIntent).toBe(intent);
      expect(reading.score).toBeCloseTo(plain.score, 6);
    }
  });

  it.each([
    ['arrêt maladie', 'indemnites_journalieres'],
    ["je suis enceinte, j'ai droit à quoi ?", 'maternite'],
    ['je voudrais parler à un conseiller', 'human'],
    ['menu', 'menu'],
  ])('« %s » followed by a thank-you still reads « %s »', (text, intent) => {
    for (const wrapped of [
      `${text} merci`,
      `${text}. Merci beaucoup !`,
      `Bonjour, ${text}, merci pour votre aide`,
    ])
      expect(r.recognize(wrapped).topIntent).toBe(intent);
  });

  it('reads a thank-you that is the message as a thank-you', () => {
    for (const text of [
      'je voulais juste vous dire merci',
      'ok merci',
      'super merci beaucoup',
      'merci à vous',
    ])
      expect(r.recognize(text).topIntent).toBe('thanks');
  });

  it('still reads a message that is only courtesy as small talk', () => {
    expect(r.recognize('bonjour').topIntent).toBe('greeting');
    expect(r.recognize('Bonjour madame').topIntent).toBe('greeting');
    expect(r.recognize("merci d'avance").topIntent).not.toBe('None');
    expect(r.recognize('je vous laisse, bonne journée').topIntent).toBe('goodbye');
  });

  it('keeps the courtesy words for the detectors (the normalised text is the whole message)', () => {
    expect(r.recognize('Bonjour, arrêt maladie').normalized).toBe('bonjour arret maladie');
  });
});

describe('SMS spellings of a whole request', () => {
  const r = getRecognizer();

  it.each([
    ['bjr je voudré savoir cmt on fé pr avoir les indemnité qd on é en arret', 'indemnites_journalieres'],
    ['slt jsui auto entrepreneur é jsui en arret maladie, jvai etre payé?', 'indemnites_journalieres'],
    ['mon medecin ma mi en arret 15 jours kesk je doi envoyé', 'indemnites_journalieres'],
    ['jveu parler a qqn', 'human'],
    ['g pu de clients depuis 2 mois, je peu pu payer mes cotis', 'aide_financiere'],
  ])('%s → %s', (text, intent) => {
    expect(r.recognize(text).topIntent).toBe(intent);
  });
});

describe('SMS spellings read from their neighbours, in a long message as in a short one', () => {
  const r = getRecognizer();

  it('reads « pu » as « plus » where it negates, and finds the difficulty it tells', () => {
    const short = r.recognize("jai pu d'argent pour manger");
    expect(short.alteredText).toBe('je ai plus de argent pour manger');
    expect(short.distress.level).not.toBe('none');
    const long = r.recognize(
      "Bonjour, je suis artisan depuis 10 ans et jai pu d'argent pour manger depuis la crise, je peu pu payer mes cotisations.",
    );
    expect(long.normalized).toContain('je ai plus de argent pour manger');
    expect(long.normalized).toContain('je peux plus payer');
    expect(long.distress.level).not.toBe('none');
  });
});

describe('a message in another language than French', () => {
  const r = getRecognizer();

  it.each([
    'I need help, I am self-employed and I am sick, who pays me?',
    'hello, can you help me with my sick leave?',
    'how do I pay my URSSAF contributions',
    // Other languages are not French either (they got « ce n'est pas mon domaine » with no line to call).
    'hola necesito ayuda',
    'Ich brauche Hilfe',
    'ho bisogno di aiuto per la mia attività',
  ])('« %s » is read as another language', (text) => {
    expect(r.recognize(text).otherLanguage).toBe(true);
  });

  it.each([
    'je suis en burn out, help',
    "j'ai besoin d'aide pour mon business, it's the end",
    'bonjour, je suis auto entrepreneur',
    'ok merci',
    'the end',
    'das ist ok je pense',
    'muy bien merci, je voulais savoir pour la maternité',
  ])('« %s » is not', (text) => {
    expect(r.recognize(text).otherLanguage).toBeUndefined();
  });

  it('words of self-harm in English are still read as such', () => {
    expect(r.recognize('I want to kill myself').selfHarm).toBe(true);
  });
});
