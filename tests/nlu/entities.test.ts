import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getRecognizer, type Entities } from '../../nlu';
import { ENTITIES_FILE, loadEntityPatterns } from '../../nlu/entityPatterns';
import { NLU_DATA_DIR } from '../../nlu/settings';

const ref = new Date(Date.UTC(2026, 0, 15));
function ent(text: string): Entities {
  return getRecognizer().recognize(text, { referenceDate: ref }).entities;
}

describe('entities', () => {
  describe('statut', () => {
    it.each([
      ['jsui artisan', 'artisan'],
      ['je suis électricien à mon compte', 'artisan'],
      ['plombier chauffagiste', 'artisan'],
      ['je suis coiffeuse', 'artisan'],
      ['je tiens un petit restaurant', 'commercant'],
      ['je suis commerçante', 'commercant'],
      ['restaurateur depuis 10 ans', 'commercant'],
      ['je suis infirmière libérale', 'profession_liberale'],
      ['je suis kiné', 'profession_liberale'],
      ['avocate au barreau de Caen', 'profession_liberale'],
      ['consultant indépendant', 'profession_liberale'],
      ['je suis auto-entrepreneur', 'micro_entrepreneur'],
      ['en micro depuis peu', 'micro_entrepreneur'],
      ['je suis AE', 'micro_entrepreneur'],
      ['je suis conjointe collaboratrice de mon mari plombier', 'conjoint_collaborateur'],
      ['conjoint collaborateur', 'conjoint_collaborateur'],
      // Trades the spelling correction used to turn into other words (« cordonnier » → « coordonné »,
      // « ambulancier » → « ambulance », « architecte » → « architecture »).
      ['je suis cordonnier, j’ai droit à l’ACED ?', 'artisan'],
      ['je suis ambulancier en arrêt', 'artisan'],
      ['je suis architecte libéral', 'profession_liberale'],
      ['je suis marchand sur les marchés', 'commercant'],
      ['je suis traductrice indépendante', 'profession_liberale'],
    ])('%s → %s', (text, statut) => {
      expect(ent(text).statut).toBe(statut);
    });

    it('does not take someone else’s trade for the person’s (« mon expert-comptable », « ma coiffeuse »)', () => {
      expect(ent('mon expert comptable m’a dit que je devais payer').statut).toBeUndefined();
      expect(ent('ma coiffeuse est en arrêt depuis un mois').statut).toBeUndefined();
      expect(ent('je suis boulangère et ma coiffeuse aussi').statut).toBe('artisan');
    });
    it.each([
      ['la sage-femme m’a arrêtée, je suis coiffeuse', 'artisan'],
      ['l’huissier est passé hier, je suis fleuriste', 'commercant'],
      ['j’ai appelé un plombier hier, je suis graphiste', 'profession_liberale'],
      ['chez le kiné trois fois par semaine, je suis peintre', 'artisan'],
      ['je suis la coiffeuse du village', 'artisan'],
      ['je suis un peintre en bâtiment', 'artisan'],
      ['une coiffeuse enceinte de 5 mois, j’ai droit à quoi ?', 'artisan'],
      ['j’ai un commerce en centre-ville', 'commercant'],
      ['je bosse dans le BTP depuis 20 ans', 'artisan'],
    ])(
      'reads a trade after an article as someone else’s unless the person is it or it is a place: « %s »',
      (text, statut) => {
        expect(ent(text).statut).toBe(statut);
      },
    );
    it('reads no status from a trade named only as someone else’s (« la sage-femme m’a arrêtée »)', () => {
      expect(ent('la sage-femme m’a arrêtée pour 15 jours').statut).toBeUndefined();
      expect(ent('l’huissier est passé ce matin').statut).toBeUndefined();
    });
    it('does not read a status the person denies having now (« je ne suis plus conjointe collaboratrice »)', () => {
      expect(
        ent('je ne suis plus conjointe collaboratrice depuis mon divorce, je suis enceinte').statut,
      ).toBeUndefined();
      expect(ent('je ne suis plus plombier, je suis taxi').statut).toBe('artisan');
      expect(ent('je ne suis pas micro entrepreneur, je suis commerçant').statut).toBe('commercant');
    });
    it('does not infer a status from health or garage contexts', () => {
      expect(ent('mon kiné me dit de me reposer').statut).toBeUndefined();
      expect(ent('mon camion est chez le garagiste').statut).toBeUndefined();
      expect(ent('je veux parler à un conseiller').statut).toBeUndefined();
    });
  });

  describe('difficultes', () => {
    it.each([
      ["j'ai des dettes urssaf", ['cotisations']],
      ["j'ai reçu une mise en demeure", ['cotisations']],
      ['je suis en retard de paiement de mes cotisations', ['cotisations']],
      ['mon camion est en panne', ['evenement_ponctuel']],
      ['on a cambriolé ma boutique', ['evenement_ponctuel']],
      ["j'ai perdu mon plus gros client", ['evenement_ponctuel']],
      ['incendie dans mon atelier', ['evenement_ponctuel']],
      ['mon local a été inondé', ['catastrophe_naturelle']],
      ['la tempête a arraché le toit', ['catastrophe_naturelle']],
      ['je vais partir à la retraite', ['retraite']],
      ['ma mère est dépendante et je dois m’occuper d’elle', ['aidant']],
      ['je suis malade et je ne peux plus travailler', ['sante_activite']],
      ["j'ai mal au dos, existe-t-il une aide pour adapter mon fournil ?", ['sante_activite']],
      ["je n'arrive pas à payer mes lunettes", ['frais_sante']],
      ['je suis en invalidité', ['invalidite']],
      ['mon mari est décédé', ['deces_conjoint']],
      ['je suis veuve', ['deces_conjoint']],
      // The spouse's funeral says the death.
      ["aide pour les frais d'obsèques de mon mari", ['deces_conjoint']],
      ["j'ai pas les moyens de payer l'enterrement de ma femme", ['deces_conjoint']],
      ['les funérailles de mon époux', ['deces_conjoint']],
    ])('%s → %j', (text, expected) => {
      expect(ent(text).difficultes).toEqual(expected);
    });

    it.each([
      "mon fils est malade, je dois arrêter de travailler une semaine, j'ai droit à quoi ?",
      'ma fille est malade, je ne peux pas aller travailler',
      'mes enfants sont malades, je dois fermer la boutique',
    ])("a child's ordinary illness is not the person's own health: « %s »", (text) => {
      expect(ent(text).difficultes ?? []).not.toContain('sante_activite');
    });

    it.each([
      'comment je paye mes cotisations',
      'comment payer mes cotis urssaf',
      'ou je regle mes cotisations',
      'par quel moyen payer mes cotisations',
      'où est-ce que je règle mes cotisations urssaf ?',
      "je ferme pour les vacances, est-ce que je dois prévenir l'Urssaf ?",
      "je dois me déclarer à l'urssaf ?",
    ])(
      'asking how or where to pay contributions, or a step to take with the Urssaf, tells no difficulty: « %s »',
      (text) => {
        expect(ent(text).difficultes ?? []).not.toContain('cotisations');
      },
    );

    it.each([
      "je n'arrive pas à payer mes cotisations",
      'je sais pas comment payer mes cotisations',
      'comment je vais payer mes cotisations',
      'je dois choisir entre manger ou payer mes cotisations',
      'comment rembourser mes cotisations en retard',
      "je dois 3000 euros à l'urssaf",
      "je dois encore de l'argent à l'urssaf",
    ])('paying contributions told as a worry is still a difficulty: « %s »', (text) => {
      expect(ent(text).difficultes ?? []).toContain('cotisations');
    });

    it.each([
      "je vais bientôt arrêter, j'ai 61 ans",
      "j'ai 62 ans et je compte arrêter mon activité l'an prochain",
    ])('stopping soon at the age of retirement is a coming retirement: « %s »', (text) => {
      expect(ent(text)).toMatchObject({ difficultes: ['retraite'], situation: 'retraite_proche' });
    });

    it.each([
      "je dois m'arrêter, mon médecin dit que j'ai une hernie, j'ai 58 ans",
      "je ne vais pas arrêter, j'ai 61 ans",
      "je vais arrêter, j'ai 45 ans",
      "j'ai 60 ans, je vais arrêter une semaine, je suis malade",
    ])('a sick leave, a denial or a younger age is no retirement: « %s »', (text) => {
      expect(ent(text).situation).toBeUndefined();
    });

    it('the person’s own illness told beside a child’s still counts', () => {
      expect(
        ent('mon fils a la grippe et moi je suis malade, je ne peux plus travailler').difficultes,
      ).toContain('sante_activite');
    });

    it.each([
      // cotisations: SMS spellings, "payer l'urssaf", notices, surcharges, enforcement
      ['slt jsui auto entrepreneur et jarrive pa a payer lurssaf', ['cotisations']],
      ["j'arrive pas à payer l'urssaf", ['cotisations']],
      ['je peux plus payer mes charges', ['cotisations']],
      ['je ne peux plus payer ma cotisation', ['cotisations']],
      ['mes charges sociales sont trop lourdes', ['cotisations']],
      ["j'ai reçu une mise en demeure de l'urssaf", ['cotisations']],
      ['encore une relance urssaf ce matin', ['cotisations']],
      ['les majorations augmentent chaque mois', ['cotisations']],
      ['des pénalités de retard partout', ['cotisations']],
      ["l'urssaf m'a envoyé une contrainte", ['cotisations']],
      // sante_activite
      ["j'ai un cancer", ['sante_activite']],
      ["je suis artisan, j'ai fait un AVC", ['sante_activite']],
      ["j'ai été opéré de l'épaule", ['sante_activite']],
      ['je peux plus exercer à cause de ma santé', ['sante_activite']],
      ['je suis kiné libéral et j’ai un cancer, j’arrive plus à exercer', ['sante_activite']],
      // evenement_ponctuel
      ['mon atelier a brûlé', ['evenement_ponctuel']],
      ['dégât des eaux dans le salon', ['evenement_ponctuel']],
      ['vol de matériel sur le chantier', ['evenement_ponctuel']],
      ['un client qui ne paie pas depuis trois mois', ['evenement_ponctuel']],
      ["j'ai des factures impayées par mes clients", ['evenement_ponctuel']],
      // aidant
      ['je m’occupe de ma mère', ['aidant']],
      ["je m'occupe de mon père tous les après-midi", ['aidant']],
      ["je m'occupe de mon enfant handicapé", ['aidant']],
      // retraite
      ['je veux cesser mon activité pour la retraite', ['retraite']],
      ["c'est bientôt la fin de carrière", ['retraite']],
    ])('new pattern: %s → %j', (text, expected) => {
      expect(ent(text).difficultes).toEqual(expected);
    });

    it.each([
      "mon frere est en phase terminale d'un cancer, il vit chez moi. je suis consultante en micro",
      'mon fils de 8 ans a un cancer, je dois fermer mon salon',
      // A partner taken ill whom the person looks after (they were given the AMA, the aid for their own health).
      "mon mari a fait un AVC je dois m'en occuper et je peux plus travailler autant",
      'ma compagne a une sclerose en plaques, je reduis mon activite',
      "mon mari est malade et je dois fermer ma boutique plus tot pour m'occuper de lui",
      "ma mère est tombée, je dois rester auprès d'elle",
      // At the aid journey's difficulty question (it was read as the spouse's status in the business).
      'ma femme est malade',
    ])('a relative’s illness is not the person’s: « %s » → aidant only', (text) => {
      expect(ent(text).difficultes).toEqual(['aidant']);
    });
    it.each([
      'je dois m’occuper de mes clients',
      "mon client m'a demandé de m'en occuper",
      'mon fils a eu un accident de scooter, rien de grave',
    ])('looking after clients or a minor accident is not caring for a relative: « %s »', (text) => {
      expect(ent(text).difficultes ?? []).not.toContain('aidant');
    });
    it('the person’s own illness told beside a relative’s still counts', () => {
      expect(ent("ma mère a alzheimer et j'ai un cancer").difficultes).toEqual(['aidant', 'sante_activite']);
    });

    it.each([
      "je ne suis plus en invalidité depuis l'an dernier, j'ai repris ma boulangerie",
      'le medecin parle peut-etre de me passer en invalidité plus tard',
      "j'ai droit à une pension d'invalidité ?",
      'je ne suis pas en invalidité',
      // Spoken of by a doctor, or asked about (it was « Je touche une pension d'invalidité », with the AFI).
      "Mon oncologue parle d'invalidité. Est-ce que je pourrais toucher une pension d'invalidité en tant qu'architecte ?",
      "mon neurologue parle d'invalidité",
    ])('no invalidity when it is over or to come: « %s »', (text) => {
      const e = ent(text);
      expect(e.difficultes ?? []).not.toContain('invalidite');
      expect(e.situation).not.toBe('invalide');
    });
    it('invalidity received now is read', () => {
      expect(ent("je touche une pension d'invalidité").situation).toBe('invalide');
      expect(ent("j'ai été mise en invalidité l'an dernier").situation).toBe('invalide');
    });

    it('« pas en retard » is no debt', () => {
      expect(ent('je ne suis pas en retard de paiement').difficultes).toBeUndefined();
    });

    it('keeps a cost-of-care question as frais_sante only', () => {
      expect(ent('j’ai un cancer et je ne peux pas payer mes soins').difficultes).toEqual(['frais_sante']);
    });

    it('collects several difficulties', () => {
      const d = ent("j'ai des dettes à l'urssaf et en plus la grêle a détruit mes serres").difficultes;
      expect(d).toEqual(expect.arrayContaining(['cotisations', 'catastrophe_naturelle']));
    });

    it('finds none in a neutral sentence', () => {
      expect(ent('comment créer mon compte ameli').difficultes).toBeUndefined();
    });

    it('reads a word of health only as a whole word (« santé » is not in « pénalisante »)', () => {
      expect(
        ent('une trop longue absence aurait été pénalisante pour mes clients réguliers').difficultes,
      ).toBeUndefined();
      expect(ent('la coopération avec mes clients est difficile').difficultes).toBeUndefined();
      expect(ent('pour raisons de santé, j’ai dû fermer la boutique').difficultes).toContain(
        'sante_activite',
      );
    });
  });

  describe('situation', () => {
    it('derives it from the difficulties', () => {
      expect(ent('je suis invalide').situation).toBe('invalide');
      expect(ent('je pars à la retraite dans 6 mois').situation).toBe('retraite_proche');
      expect(ent('ma femme est décédée').situation).toBe('conjoint_survivant');
    });
    it('is actif only when the user says they work', () => {
      expect(ent('je travaille toujours à mon compte').situation).toBe('actif');
      expect(ent('je suis en activité').situation).toBe('actif');
      expect(ent('bonjour').situation).toBeUndefined();
      expect(ent('je ne travaille plus').situation).toBeUndefined();
    });
    it.each([
      'je ne suis plus en activité',
      "j'étais en activité mais j'ai tout arrêté",
      "j'ai tout arrêté, je n'ai plus d'activité",
      "je ne suis plus en activité et j'ai des dettes urssaf",
    ])('an activity that has ended is not actif (the tree has no leaf for it: asked): « %s »', (text) => {
      const e = ent(text);
      expect(e.activiteTerminee).toBe(true);
      expect(e.situation).toBeUndefined();
    });
    it.each([
      'je suis retraité mais je continue mon activité de plombier',
      "je suis a la retraite depuis 2 ans mais j'ai repris une petite activité en micro",
    ])('retired but still working (cumul emploi-retraite) is actif: « %s »', (text) => {
      const e = ent(text);
      expect(e.situation).toBe('actif');
      expect(e.activiteTerminee).toBeUndefined();
    });
    it.each([
      "retraité ex commerçant je n'arrive plus a payer mes factures",
      "retraitée, je n'arrive plus à payer mes factures",
      "je suis retraitée, ancienne commerçante, j'ai du mal à payer mes factures",
    ])('a message that begins with the person’s retirement is « déjà à la retraite »: « %s »', (text) => {
      const e = ent(text);
      expect(e.activiteTerminee).toBe(true);
      expect(e.situation).toBe('retraite');
    });
    it('a former trade is an activity over; retirement named is no retirement of the person', () => {
      expect(ent("ex-commerçante, j'ai du mal à payer mes factures").activiteTerminee).toBe(true);
      expect(ent("retraite progressive c'est quoi").activiteTerminee).toBeUndefined();
      expect(ent("retraite progressive c'est quoi").situation).toBeUndefined();
    });
    it('an activity to resume, or not resumed, is not actif', () => {
      expect(ent('je voudrais reprendre mon activité').situation).toBeUndefined();
      expect(ent("je n'ai pas repris mon activité").situation).toBeUndefined();
    });
    it.each([
      "je suis infirmière libérale et j'ai besoin d'une aide",
      'kiné libéral depuis 10 ans',
      "en tant qu'orthophoniste, je voudrais savoir",
      'sage-femme libérale, enceinte de mon deuxième',
      'je suis médecin conventionné',
    ])('is pamc when the person says they are a practitioner or medical auxiliary: « %s »', (text) => {
      expect(ent(text).situation).toBe('pamc');
    });
    it.each([
      'une infirmière libérale passe chez moi tous les jours',
      'mon kiné libéral ne me prend plus en charge',
      "j'étais infirmière libérale, maintenant je ne travaille plus",
      'je suis ostéopathe',
      "je suis infirmière mais pas conventionnée et j'ai besoin d'une aide financière",
      'kiné déconventionné depuis 2020',
    ])('is not pamc for someone else, a past activity or a trade outside the convention: « %s »', (text) => {
      expect(ent(text).situation).not.toBe('pamc');
    });
  });

  describe('enfants and rangEnfant', () => {
    it('counts expected children', () => {
      expect(ent('enceinte de jumeaux').enfants).toBe(2);
      expect(ent('on attend des triplés').enfants).toBe(3);
      expect(ent("j'attends un bébé").enfants).toBe(1);
      expect(ent('je suis enceinte').enfants).toBeUndefined();
    });
    it('does not count children told only as a possibility (« peut-être des jumeaux »)', () => {
      expect(ent('peut etre des jumeaux').enfants).toBeUndefined();
      expect(ent('on ne sait pas si ce sont des jumeaux').enfants).toBeUndefined();
      expect(ent('peut-être des triplés').enfants).toBeUndefined();
    });
    it('reads the birth context only from the start of a word (« connaître » holds « naître »)', () => {
      expect(ent("j'aimerais connaître les aides, j'ai 2 enfants").rangEnfant).toBeUndefined();
      expect(ent("je suis enceinte et j'ai 2 enfants").rangEnfant).toBe(3);
    });
    it('does not take a day or a month for a rank (« à partir du 91e jour », « au 5e mois »)', () => {
      expect(
        ent('grossesse pathologique : la caisse n’indemnise qu’à partir du 91e jour').rangEnfant,
      ).toBeUndefined();
      expect(ent('enceinte, au 5e mois').rangEnfant).toBeUndefined();
    });
    it('finds the rank of the child', () => {
      expect(ent('mon 3e enfant arrive').rangEnfant).toBe(3);
      expect(ent('enceinte du troisième').rangEnfant).toBe(3);
      expect(ent("j'attends mon 2e").rangEnfant).toBe(2);
      expect(ent('le troisième étage').rangEnfant).toBeUndefined();
      expect(ent('mon troisième enfant').rangEnfant).toBe(3);
      expect(ent("j'ai déjà 2 enfants").rangEnfant).toBe(3);
      expect(ent("j'ai deja deux enfants et je suis enceinte").rangEnfant).toBe(3);
      expect(ent("c'est notre premier bébé").rangEnfant).toBe(1);
    });
  });

  describe('an illness supposed', () => {
    it.each([
      'je viens de créer ma micro entreprise, si je tombe malade est ce que je suis couvert ?',
      'je suis artisan, en cas de maladie est-ce que je pourrai arrêter de travailler ?',
    ])('is no health threatening the activity: « %s »', (text) => {
      expect(ent(text).difficultes ?? []).not.toContain('sante_activite');
    });
    it('leaves a health told now read', () => {
      expect(ent('je ne peux plus travailler, je suis malade').difficultes).toContain('sante_activite');
    });
  });

  describe('ald', () => {
    it('is true when ALD is mentioned, false when denied', () => {
      expect(ent('je suis en ALD').ald).toBe(true);
      expect(ent('affection de longue durée').ald).toBe(true);
      expect(ent('je ne suis pas en ald').ald).toBe(false);
      expect(ent('je suis malade').ald).toBeUndefined();
    });
    it.each([
      "pas d'ALD",
      "je n'ai pas d'affection de longue durée",
      'aucune ALD',
      "c'est pas lié a mon ald",
      "un arrêt pour une fracture sans lien avec l'ALD",
      "Je suis en arrêt maladie depuis 1 mois, je suis à mon compte depuis 5 ans et c'est pas une ALD.",
    ])('is false when denied or unrelated to the sick leave: « %s »', (text) => {
      expect(ent(text).ald).toBe(false);
    });
    it('is not read from a relative’s ALD', () => {
      expect(ent('mon mari est en ALD, moi je suis coiffeuse, arret pour une grippe').ald).toBeUndefined();
      expect(ent('mon fils est en ALD').ald).toBeUndefined();
      expect(ent('je suis en ALD et mon fils aussi est en ALD').ald).toBe(true);
    });
    it.each([
      "j'étais en ALD l'année dernière",
      "j'ai été en ALD en 2022",
      "j'avais une ALD il y a 3 ans, je suis en arrêt maladie",
      "j'ai eu une ALD en 2019",
    ])('is not read from a past ALD: « %s »', (text) => {
      expect(ent(text).ald).toBeUndefined();
    });
    it.each([
      'je suis en ALD depuis 2022',
      "je suis en ALD depuis l'année dernière",
      "j'ai été mis en ALD le mois dernier",
      "j'étais en ALD l'an dernier et je le suis encore, je suis en ALD",
    ])('is read from an ALD that goes on: « %s »', (text) => {
      expect(ent(text).ald).toBe(true);
    });
    it.each([
      "j'ai un diabete en ALD depuis longtemps. la je me suis casse la jambe au ski, arret de 6 semaines",
      "je suis en ALD pour une maladie de crohn mais la mon arret c'est pour une grippe",
      'en ALD pour un cancer, arrêt pour une entorse de la cheville',
      "je suis en ALD et je suis tombée dans l'escalier",
    ])('is not read when another cause of the leave is told: « %s »', (text) => {
      expect(ent(text).ald).toBeUndefined();
    });
    it('is still read beside an ALD-like cause or a drop in turnover', () => {
      expect(ent('en ALD après un accident vasculaire cérébral').ald).toBe(true);
      expect(ent("un arrêt pour une fracture sans lien avec l'ALD").ald).toBe(false);
    });
  });

  describe('affiliationMois', () => {
    it.each([
      ['installée depuis 8 mois', 8],
      ['depuis 2 ans', 24],
      ['je suis à mon compte depuis un an et demi', 18],
      ["j'ai créé ma boîte il y a 3 ans", 36],
      ['affilié depuis six mois', 6],
    ])('%s → %d', (text, months) => {
      expect(ent(text).affiliationMois).toBe(months);
    });
    // The reference date is 15 January 2026: « depuis 2015 » is at least 10 full years (120 months) and January.
    it.each([
      ['je suis electricien a mon compte depuis 2015 et je suis en arret maladie', 120],
      ['je suis coiffeuse depuis 2024', 12],
      ['depuis 2015 je suis à mon compte', 120],
      // Told by the verb of the start (they were not read, and « installé » led to the first months' journey).
      ['installé en 2019', 72],
      ['jme suis installée en 2021', 48],
      ['j’ai créé ma boîte en 2022', 36],
      ['installée en mars 2024', 21],
    ])('a year: %s → at least %d months', (text, months) => {
      expect(ent(text).affiliationMois).toBe(months);
    });
    it.each([
      'malade depuis 2019, je suis artisan',
      'je suis installée depuis 2026',
      'mariée depuis 2010',
      'j’ai acheté une voiture en 2019',
    ])('a year that is not the activity’s, or this year: %s', (text) => {
      expect(ent(text).affiliationMois).toBeUndefined();
    });
    it('ignores durations that are not about the activity', () => {
      expect(
        ent('je ne me payais plus depuis huit mois et je ne mangeais plus rien').affiliationMois,
      ).toBeUndefined();
      expect(ent('je suis malade depuis 3 mois').affiliationMois).toBeUndefined();
      expect(ent('en arrêt depuis 2 semaines').affiliationMois).toBeUndefined();
    });
    it('reads an upper bound: fewer than N months', () => {
      expect(
        ent("je suis a mon compte depuis moins d'un an et je suis en arret maladie").affiliationMoisMoinsDe,
      ).toBe(12);
      expect(ent('ça fait presque 2 ans que je suis installée').affiliationMoisMoinsDe).toBe(24);
      expect(ent('pas encore un an').affiliationMoisMoinsDe).toBe(12);
    });
    it('reads a micro-entrepreneur in a liberal profession as a profession libérale (its schemes are the trade’s)', () => {
      expect(ent('je suis micro-entrepreneur en liberal (cipav), en invalidite').statut).toBe(
        'profession_liberale',
      );
      expect(ent('graphiste liberale en micro').statut).toBe('profession_liberale');
      expect(
        ent('micro entrepreneuse, je suis formatrice et coach (activite liberale) depuis 7 ans').statut,
      ).toBe('profession_liberale');
      expect(ent('je suis micro entrepreneur, plombier').statut).toBe('micro_entrepreneur');
    });
    it('reads a duration in a short correction as the activity’s (« ah non pardon, moins de 12 mois en fait »)', () => {
      expect(ent('ah non pardon, moins de 12 mois en fait').affiliationMoisMoinsDe).toBe(12);
      expect(
        ent('non attendez je me suis trompé, ca fait que 6 mois que je suis a mon compte').affiliationMois,
      ).toBe(6);
    });
    it('does not read a relative’s health profession as the person’s (no PamC situation)', () => {
      expect(
        ent("ma fille est infirmiere liberale, moi je suis coiffeuse et j'ai des dettes urssaf").situation,
      ).not.toBe('pamc');
      expect(ent('je suis infirmiere liberale').situation).toBe('pamc');
    });
    it('reads no coming retirement when the body fails (« mon dos me lâche »)', () => {
      expect(
        ent('jai 61 ans et je vais bientot devoir arreter, mon dos me lache, je suis carreleur').situation,
      ).toBe(undefined);
    });
    it('reads a past salaried job as no ended activity (« j’étais salarié … je continue la photo »)', () => {
      expect(
        ent(
          'j’étais salarié dans une agence, j’ai été licencié en mars, je continue la photo en micro-entreprise',
        ).activiteTerminee,
      ).toBeUndefined();
      expect(ent('j’étais boulanger, j’ai tout vendu').activiteTerminee).toBe(true);
    });
    it.each([
      // A past state, not a past activity (dev-part stories: « j'étais à zéro », « j'étais fatigué »).
      "j'étais à zéro, j'avais plus du tout de revenu personnel pour moi",
      "j'étais fatigué, les clients me payaient en retard",
      "j'étais au rsa avant de m'installer",
      // A moment of one's life (« déjà chef d'entreprise à vingt ans »: still one today).
      "j'étais déjà chef d'entreprise à vingt ans, maintenant j'ai plus de recul",
      "j'étais chef d'entreprise à vingt ans",
      // Something else sold or stopped than the business.
      "j'ai vendu tous mes bijoux de famille pour payer l'urssaf",
      "j'ai arrêté ma mutuelle",
      "j'ai arrêté d'engager des apprentis",
      "j'ai vendu ma voiture pour payer mes cotisations",
      // A rhythm changed, not the activity.
      'je ne travaille plus la nuit',
      'je ne travaille plus le week-end',
    ])('reads no ended activity in « %s »', (text) => {
      expect(ent(text).activiteTerminee).toBeUndefined();
    });
    it.each([
      "j'étais coiffeuse pendant vingt ans",
      "j'étais patronne d'une petite société qui a déposé le bilan",
      "j'ai cessé mon activité en mars",
      "j'ai vendu mon fonds de commerce",
      "j'ai fermé ma boutique l'an dernier",
      "j'ai arrêté de travailler",
      "j'ai arrêté en 2019",
      'ancienne coiffeuse',
      'je ne travaille plus depuis mars',
    ])('reads an ended activity in « %s »', (text) => {
      expect(ent(text).activiteTerminee).toBe(true);
    });
    it('reads a liquidation only threatened as no ended activity', () => {
      expect(ent("on me menace de liquidation, j'ai des dettes urssaf").activiteTerminee).toBeUndefined();
      expect(ent('le tribunal parle de liquidation judiciaire').activiteTerminee).toBeUndefined();
      expect(ent('je suis en liquidation judiciaire').activiteTerminee).toBe(true);
    });
    it('reads the births to come, not the children already born (family probe, stop 28)', () => {
      expect(ent('2 bb').enfants).toBe(2);
      expect(ent('on en attend 3').enfants).toBe(3);
      const third = ent('j ai deja des jumelles, j attends un 3e');
      expect(third.enfants).toBeUndefined();
      expect(third.rangEnfant).toBe(3);
      expect(ent('j’ai déjà des jumeaux de 3 ans, je suis enceinte').enfants).toBeUndefined();
      expect(ent('c est ma deuxieme grossesse mais j ai deja 2 enfants').rangEnfant).toBe(3);
      expect(ent('je suis enceinte de jumeaux').enfants).toBe(2);
    });
    it('reads a couple’s pregnancy whose carrier is unsaid (« on attend un bébé pour mars, je suis plombier »)', () => {
      const e = ent('on attend un bebe pour mars, je suis plombier a mon compte');
      expect(e.grossesseCommune).toBe(true);
      expect(e.enceinte).toBeUndefined();
      expect(ent('je suis enceinte, on attend un bébé pour mars').grossesseCommune).toBeUndefined();
    });
    it('reads a relative’s sick leave (« mon mari est en arrêt maladie »), not the person’s', () => {
      expect(ent('je suis enceinte, mon mari est en arrêt maladie depuis une semaine').arretProche).toBe(
        true,
      );
      expect(ent('ma femme a été arrêtée par le médecin').arretProche).toBe(true);
      expect(ent('je suis en arrêt maladie depuis une semaine').arretProche).toBeUndefined();
    });
    it('reads a question of what a relative can do (« que peut-il faire ? ») as asked for them, and their debt', () => {
      const father = ent(
        "mon père est retraité et il a encore une dette à l'urssaf de son ancienne activité, que peut-il faire ?",
      );
      expect(father.pourProche).toBe(true);
      expect(father.difficultes).toContain('cotisations');
      const mother = ent(
        "ma mère est à la retraite mais elle doit encore des cotisations à l'urssaf, qu'est-ce qu'elle peut faire ?",
      );
      expect(mother.pourProche).toBe(true);
      expect(mother.difficultes).toContain('cotisations');
      expect(ent('mon mari a une dette urssaf, il peut faire quoi ?').pourProche).toBe(true);
      // No relative named, or the person asks for themselves too.
      expect(ent("j'ai une dette urssaf, que puis-je faire ?").pourProche).toBeUndefined();
      expect(ent('mon mari a une dette urssaf, que peut-il faire et moi aussi ?').pourProche).toBeUndefined();
    });
    it('reads a birth that has already happened, not one to come', () => {
      expect(
        ent("Ayant accouché le 27 mars dernier, j'ai voulu bénéficier des indemnités").naissanceFaite,
      ).toBe(true);
      expect(ent('mon bébé est né hier, je suis coiffeuse').naissanceFaite).toBe(true);
      expect(ent('nos jumelles sont nées en mai').naissanceFaite).toBe(true);
      expect(ent('je vais accoucher en mars').naissanceFaite).toBeUndefined();
      expect(ent('je suis enceinte de 5 mois').naissanceFaite).toBeUndefined();
    });
    it('reads someone else’s pregnancy', () => {
      expect(ent('je suis plombier, ma femme est enceinte').grossesseAutrui).toBe(true);
      // « enceinte de … » after a relative is theirs (it was read as the writer's own pregnancy).
      const father = ent(
        'je suis menuisier, ma compagne est enceinte de notre deuxième, j’ai droit à combien de jours ?',
      );
      expect(father.enceinte).toBeUndefined();
      expect(father.grossesseAutrui).toBe(true);
      expect(ent('coiffeuse enceinte de 3 mois').enceinte).toBe(true);
      expect(ent('je suis enceinte et ma soeur aussi est enceinte').grossesseAutrui).toBeUndefined();
      // The couple expects a child and the person names his partner.
      expect(ent('on attend un bebe avec ma femme, je suis son conjoint collaborateur').grossesseAutrui).toBe(
        true,
      );
      expect(ent('ma compagne et moi attendons notre premier enfant').grossesseAutrui).toBe(true);
      expect(ent('on attend un bébé avec mon mari').grossesseAutrui).toBeUndefined();
    });
    it.each([
      'nous allons adopter, je suis commercant',
      "l'adoption de notre fils",
      'on va adopter une petite fille',
    ])('reads an adoption: « %s »', (text) => {
      expect(ent(text).adoption).toBe(true);
    });
    it.each([
      'Maternité, paternité, adoption',
      'je veux adopter le statut de micro entrepreneur',
      'on adopte le statut de micro entrepreneur, quelles cotisations ?',
    ])('reads no adoption in a menu label or a status: « %s »', (text) => {
      expect(ent(text).adoption).toBeUndefined();
    });
    it.each([
      "je suis a mon compte depuis moins d'un an et je suis en arret maladie",
      'ça fait presque un an que je suis installée',
      'ca fait bientot un an',
      'pas encore un an',
      "ça ne fait pas un an que j'ai créé ma boîte",
    ])('reads no duration reached when only an upper bound is told: « %s »', (text) => {
      expect(ent(text).affiliationMois).toBeUndefined();
    });
    it.each([
      [
        'je suis en arret depuis 3 mois, je suis a mon compte depuis 10 ans, est ce que mes ij vont continuer ?',
        120,
      ],
      ["Je suis en arrêt maladie depuis 1 mois, je suis à mon compte depuis 5 ans et c'est pas une ALD.", 60],
      ["j'ai été salariée pendant 10 ans et je suis à mon compte depuis 6 mois", 6],
      ['depuis 2 ans je suis a mon compte', 24],
      ['ca fait 3 ans que je suis installee', 36],
      ["j'ai 45 ans et je suis artisan depuis 10 ans", 120],
      ['mon fils a 2 ans, je suis a mon compte depuis 3 ans', 36],
      // The person's trade just before the duration.
      [
        'mon mari est en ALD, moi je suis coiffeuse depuis 5 ans, je suis en arret maladie pour une grippe',
        60,
      ],
      ['je suis plombier depuis 2 ans et en arret depuis 3 mois', 24],
    ])('in a story, takes the duration of the activity’s own clause: « %s » → %d', (text, months) => {
      expect(ent(text).affiliationMois).toBe(months);
    });
    it.each([
      ['11 mois', 11],
      ['2 ans', 24],
      ['plus de 5 ans', 60],
      ['2 ans et demi', 30],
      ['3 ans environ', 36],
    ])('reads a duration that is the whole answer: « %s » → %d', (text, months) => {
      expect(ent(text).affiliationMois).toBe(months);
    });
    it.each(["j'ai 45 ans", '45 ans et deux enfants'])('reads no age as a duration: « %s »', (text) => {
      expect(ent(text).affiliationMois).toBeUndefined();
    });
    it.each([
      'je ne pense pas que ce soit une ALD',
      'je sais pas si c’est une ALD',
      'je ne sais pas si mon arrêt est lié à mon ald',
    ])('reads no ALD from a doubt: « %s »', (text) => {
      expect(ent(text).ald).toBeUndefined();
    });
    it.each([
      'ALD ? non',
      'mon ALD est terminée',
      "l'ALD a été refusée",
      "l'ald n'a pas été reconnue",
      "j'avais une ALD mais plus maintenant",
      'pas du tout une ald',
    ])('reads an ALD denied, over or refused as none: « %s »', (text) => {
      expect(ent(text).ald).toBe(false);
    });
    it('reads no spouse’s death when it is denied, and one told in the third person', () => {
      expect(ent("mon mari n'est pas décédé mais il est gravement malade").situation).not.toBe(
        'conjoint_survivant',
      );
      expect(ent('je ne suis pas veuve').situation).toBeUndefined();
      expect(ent("l'adhérent a perdu sa femme").difficultes).toContain('deces_conjoint');
    });
    it('reads no retirement denied, and « je travaille plus » as an activity over', () => {
      expect(ent('je ne pars pas bientot a la retraite, je suis en activite').situation).toBe('actif');
      expect(ent('je travaille plus').activiteTerminee).toBe(true);
      expect(ent('je travaille plus que avant').activiteTerminee).toBeUndefined();
    });
    it.each([
      'je travaille plus depuis 5 mois, je suis en depression, j ai droit a des indemnites journalieres ?',
      'je suis infirmiere liberale, burn out depuis 3 mois, j ai droit aux indemnites ?',
    ])('reads no affiliation from how long the person has been ill or off work: « %s »', (text) => {
      expect(ent(text).affiliationMois).toBeUndefined();
    });
    it('reads an adviser’s own job and years of service as nothing of the insured’s', () => {
      expect(
        ent(
          "je suis conseillère Urssaf depuis 15 ans et j'ai un cotisant en arrêt maladie qui a créé sa boîte il y a 6 mois",
        ).affiliationMois,
      ).toBe(6);
      expect(
        ent(
          'je travaille à la CPAM depuis 3 ans, une assurée auto-entrepreneuse a créé son activité il y a 5 mois',
        ).affiliationMois,
      ).toBe(5);
      const social = ent(
        'Je suis infirmière du service social de la CPAM. Un assuré coiffeur a des difficultés pour payer ses cotisations',
      );
      expect(social.situation).not.toBe('pamc');
      expect(social.statut).toBe('artisan');
    });
    it('reads « jamais eu d’ALD » as no ALD', () => {
      expect(ent("j'ai jamais eu d'ALD, je suis en arrêt pour une grippe").ald).toBe(false);
    });
    it('reads a retirement told in the third person (« il part à la retraite »)', () => {
      expect(ent("l'assuré part à la retraite le mois prochain, il est artisan").difficultes).toContain(
        'retraite',
      );
    });
    it('reads « ça va faire 1 an » as not yet a year', () => {
      expect(ent('ça va faire 1 an en mars')).toMatchObject({ affiliationMoisMoinsDe: 12 });
      expect(ent('ça va faire 1 an en mars').affiliationMois).toBeUndefined();
    });
    it.each([
      "j'ai fermé ma boulangerie, mon fils a repris l'affaire, je cherche une aide",
      'je suis à la retraite et je ne garde pas ma boutique, y a-t-il une aide ?',
    ])('reads no resumed activity that is someone else’s or denied: « %s »', (text) => {
      expect(ent(text).situation).not.toBe('actif');
    });
  });

  describe('montants', () => {
    it('reads euros in several spellings', () => {
      expect(ent('une dette de 6 000 €').montants).toEqual([6000]);
      expect(ent('il me faut 2k pour réparer').montants).toEqual([2000]);
      expect(ent('1500 euros par mois').montants).toEqual([1500]);
      expect(ent('entre 7 500 € et 10 000€').montants).toEqual([7500, 10000]);
      expect(ent('12,50 €').montants).toEqual([12.5]);
      expect(ent('mon 3e enfant').montants).toBeUndefined();
    });
  });

  describe('dates', () => {
    it('returns ISO dates', () => {
      expect(ent('le 12 mars').dates).toEqual(['2026-03-12']);
      expect(ent('12/03/2026').dates).toEqual(['2026-03-12']);
      expect(ent('accouchement prévu le 1er avril 2027').dates).toEqual(['2027-04-01']);
      expect(ent('le 5/6/25').dates).toEqual(['2025-06-05']);
      expect(ent('demain').dates).toEqual(['2026-01-16']);
      expect(ent('le 31 février').dates).toBeUndefined();
      expect(ent('12.5 euros').dates).toBeUndefined();
    });
  });
});

describe('the insured person an adviser speaks of, relatives and past trades', () => {
  it.each([
    ['mon assuré est médecin conventionné secteur 1, il a une dette urssaf, ACED ?', 'pamc'],
    ['mon assurée est infirmière libérale conventionnée, elle ne peut plus payer ses cotisations', 'pamc'],
    ['mon assuré est retraité, ancien artisan, il a encore des cotisations urssaf à payer', 'retraite'],
  ])('reads « mon assuré est … » as the insured’s own situation: « %s » → %s', (text, situation) => {
    expect(ent(text).situation).toBe(situation);
  });
  it('reads an adviser’s « ma cliente » as the insured, only when an adviser writes', () => {
    const text = 'ma cliente est kiné conventionnée, son cabinet a été inondé';
    expect(getRecognizer().recognize(text, { referenceDate: ref, adviser: true }).entities.situation).toBe(
      'pamc',
    );
    // Written by an independent, « mon client » is a client (« mon client a fait faillite » is no closed business).
    expect(ent('mon client a fait faillite et ne me paiera pas').activiteTerminee).toBeUndefined();
  });
  it.each([
    'je suis la kiné du village, je n’arrive plus à payer mes cotisations',
    'une orthophoniste conventionnée peut-elle avoir l’AFE après un incendie ?',
    'un infirmier libéral conventionné peut-il bénéficier de l’ACED ?',
  ])('reads a question about a conventioned practitioner as about a PamC: « %s »', (text) => {
    expect(ent(text).situation).toBe('pamc');
  });
  it('reads an insured’s closed business as over (« un assuré a cessé son activité de boulanger »)', () => {
    const e = ent('un assuré a cessé son activité de boulanger en janvier, il a encore une dette urssaf');
    expect(e.activiteTerminee).toBe(true);
    expect(e.statut).toBe('artisan');
    expect(e.situation).toBeUndefined();
  });
  it('reads « il », « elle » as a relative once a relative is named (« son mari … il a »)', () => {
    expect(ent('j’ai une assurée coiffeuse, son mari est infirmier, il est conventionné').situation).not.toBe(
      'pamc',
    );
  });
  it.each([
    'j’ai été infirmière libérale pendant 10 ans, je suis devenue esthéticienne à mon compte',
    'mon mari est plombier à son compte, moi je suis infirmière salariée à l’hôpital',
    'ma femme est taxi, moi je suis kiné salarié, pas libéral',
    'je suis coiffeuse, sa femme, infirmière libérale, est malade',
    'ma fille est infirmière libérale, je suis boulanger',
  ])('is not pamc nor libérale for a past, salaried or relative’s health profession: « %s »', (text) => {
    const e = ent(text);
    expect(e.situation).not.toBe('pamc');
    expect(e.statut).toBe('artisan');
  });
  it('keeps a relative’s trade when the person names none of theirs (« ma fille est infirmière libérale »)', () => {
    expect(ent('ma fille est infirmière libérale, elle ne s’en sort plus').statut).toBe(
      'profession_liberale',
    );
  });
});

describe('generic independent status and protected vocabulary', () => {
  const recognizer = getRecognizer();

  it('reads "cheffe d’entreprise" / "à mon compte" as an independent without a more precise status', () => {
    expect(recognizer.recognize("je suis cheffe d'entreprise").entities.statut).toBe('independant');
    expect(recognizer.recognize('je bosse a mon compte').entities.statut).toBe('independant');
    // A precise status wins.
    expect(recognizer.recognize("je suis cheffe d'entreprise, artisane coiffeuse").entities.statut).toBe(
      'artisan',
    );
  });

  it('never "corrects" a common word of locales/fr/vocabulary.txt into a training word', () => {
    const result = recognizer.recognize("j'ai des dettes d'électricité et de loyer");
    expect(result.normalized).toContain('electricite');
    expect(result.normalized).not.toContain('electricien');
    expect(result.entities.statut).toBeUndefined();
  });

  it.each([
    ['on a dû tout sacrifier, nos salaires y passent', 'sacrifier'],
    ['que de sacrifices pour rien', 'sacrifices'],
    ['je suis nourrice agréée à mon compte', 'nourrice'],
    ['je suis trop vieux pour changer de métier', 'vieux'],
    ["j'ai la larme à l'oeil en fermant", 'larme'],
  ])('keeps « %s » as written, never a word of distress or another sense', (text, word) => {
    const result = recognizer.recognize(text);
    expect(result.normalized.split(' ')).toContain(word);
    expect(result.selfHarm).toBe(false);
  });
});

describe('entity patterns file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'relais-entities-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const source = readFileSync(path.join(NLU_DATA_DIR, ENTITIES_FILE), 'utf8');
  function withChange(name: string, from: string, to: string): string {
    expect(source).toContain(from);
    const file = path.join(dir, name);
    writeFileSync(file, source.replace(from, to));
    return file;
  }

  it('loads the shipped file', () => {
    expect(loadEntityPatterns().difficultes.map((d) => d.difficulte)).toContain('cotisations');
  });

  it('names the entry whose pattern is not a regular expression', () => {
    const file = withChange('bad.yaml', '- cma\n', '- cma(\n');
    expect(() => loadEntityPatterns(file)).toThrow(/statut\.explicit\.3: not a valid regular expression/);
  });

  it('names the entry that uses an unknown fragment', () => {
    const file = withChange('fragment.yaml', '{SPOUSE}(?= |$)', '{SPOUSES}(?= |$)');
    expect(() => loadEntityPatterns(file)).toThrow(/difficultes\.7\.pattern: .*unknown fragment \{SPOUSES\}/);
  });
});
