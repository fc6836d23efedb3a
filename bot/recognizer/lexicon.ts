/**
 * Domain lexicon: groups of words, acronyms and phrases that mean the same thing for our intents. Each group
 * becomes one extra feature ("k|GROUP") so that a synonym or an acronym never seen in the training sentences
 * still lights up what the model learnt for its siblings. These are features weighted by training, not rules.
 *
 * Words are written normalised (lower-case, no accents); single words are compared by French stem, phrases by
 * substring of the normalised text.
 */
export const CONCEPTS: Record<string, string[]> = {
  GROSSESSE: [
    'enceinte', 'grossesse', 'accouchement', 'accoucher', 'accouche', 'prenatal', 'postnatal', 'maternite',
    'echographie', 'gynecologue', 'sage femme', 'attends un bebe', 'attend un bebe', 'attendons un bebe', 'futur bebe',
    'conge maternite', 'jumeaux', 'triples', 'terme', 'naissance',
  ],
  PERE: ['paternite', 'papa', 'futur papa', 'ma femme accouche', 'ma compagne accouche', 'conge paternite', 'second parent', 'pere'],
  ADOPT: ['adoption', 'adopter', 'adopte', 'adoptif', 'adoptive', 'adoptons', 'agrement', 'pupille'],
  ENFANT: ['enfant', 'enfants', 'bebe', 'fils', 'fille', 'nourrisson', 'gamin', 'petit'],
  ARRET: [
    'arret de travail', 'arret maladie', 'ij', 'indemnites journalieres', 'indemnite journaliere', 'indemnise',
    'indemnisation', 'carence', 'malade', 'arret', 'avis d arret', 'prolongation', 'grippe', 'covid',
  ],
  INVALID: ['invalidite', 'invalide', 'pension d invalidite', 'handicap', 'handicape', 'inapte', 'inaptitude', 'mdph', 'aah'],
  MORT: [
    'deces', 'decede', 'decedee', 'mort', 'morte', 'mourir', 'veuf', 'veuve', 'obseques', 'funerailles', 'enterrement',
    'capital deces', 'disparu', 'disparition', 'perdu mon mari', 'perdu ma femme', 'conjoint survivant',
  ],
  ENFANT_MORT: ['deuil parental', 'perdu mon enfant', 'perdu mon fils', 'perdu ma fille', 'mort de mon enfant', 'deces de mon enfant', 'deces de mon fils', 'deces de ma fille', 'enfant decede'],
  ARGENT_AIDE: [
    'aide financiere', 'aide exceptionnelle', 'coup de pouce', 'aced', 'afe', 'adr', 'aide d urgence', 'secours',
    'action sociale', 'cpsti', 'subvention', 'aide', 'soutien financier', 'ama', 'aide au repit', 'fonds',
  ],
  DETTE: ['dette', 'dettes', 'impaye', 'impayes', 'retard', 'mise en demeure', 'huissier', 'contrainte', 'majoration', 'majorations', 'relance', 'dois'],
  COTIS: ['cotisation', 'cotisations', 'charges sociales', 'charges', 'urssaf', 'prelevement', 'appel de cotisations'],
  ECHEANCIER: ['echeancier', 'etaler', 'etalement', 'delai', 'delais', 'report', 'reporter', 'plan de paiement', 'mensualiser', 'moduler', 'modulation', 'revenu estime', 'revenus estimes', 'estimation'],
  DETRESSE: [
    'coule', 'couler', 'arrive plus', 'en peux plus', 'craque', 'craquer', 'epuise', 'epuisement', 'desespere',
    'desespoir', 'burn out', 'burnout', 'deprime', 'deprimee', 'depression', 'detresse', 'noye', 'noyee', 'sombre', 'suicide',
    'finir', 'bout du rouleau', 'plus la force', 'tout s ecroule', 'tout s accumule', 'cumule', 'accumule', 'help', 'perdu pied',
  ],
  CSS: ['css', 'c2s', 'cmu', 'cmuc', 'acs', 'complementaire sante solidaire', 'complementaire gratuite', 'mutuelle gratuite', 'mutuelle', 'complementaire'],
  AMELI: ['ameli', 'compte ameli', 'espace ameli', 'mot de passe', 'identifiant', 'connecter', 'connexion', 'mon espace sante', 'appli', 'application', 'france connect', 'franceconnect'],
  VITALE: ['carte vitale', 'vitale', 'carte verte', 'apcv', 'photo', 'carte'],
  MEDECIN: ['medecin traitant', 'generaliste', 'docteur', 'toubib', 'medecin', 'declaration de choix'],
  CENT: ['100 pourcent sante', 'reste a charge', 'lunettes', 'optique', 'dentaire', 'couronne', 'prothese', 'appareil auditif', 'audioprothese', 'aides auditives', 'dentier', 'implant', 'verres'],
  EXAMEN: ['examen de prevention', 'bilan de sante', 'check up', 'checkup', 'bilan', 'examen', 'centre d examens de sante', 'bilan gratuit'],
  PSY: ['psy', 'psychologue', 'mon soutien psy', 'seances', 'anxiete', 'angoisse', 'moral', 'stress', 'psychique'],
  FIN_VIE: ['fin de vie', 'soins palliatifs', 'palliatif', 'directives anticipees', 'personne de confiance', 'mourant', 'accompagner un proche en fin de vie', 'ajpa', 'ajap'],
  RECLAM: ['reclamation', 'contester', 'contestation', 'mediateur', 'mediation', 'recours', 'plainte', 'litige', 'desaccord', 'pas d accord', 'conciliateur', 'cra', 'commission de recours amiable', 'erreur'],
  PREV: ['vaccin', 'vaccination', 'depistage', 'mt dents', 'cancer du sein', 'mammographie', 'colorectal', 'frottis', 'tabac', 'grippe', 'rappel'],
  SOPHIA: ['sophia', 'diabete', 'diabetique', 'asthme', 'asthmatique', 'infirmier conseiller', 'maladie chronique'],
  ACCOMP_SANTE: ['renoncement', 'renoncer', 'renonce', 'mission accompagnement sante', 'accompagnement sante', 'pas les moyens de me soigner', 'soins trop chers', 'reporte mes soins'],
  SOCIAL: ['service social', 'assistante sociale', 'assistant social', 'travailleur social', 'assistante sociale de la cpam'],
  DESINSERTION: [
    'desinsertion', 'reprise', 'reprendre', 'mi temps therapeutique', 'temps partiel therapeutique', 'reconversion', 'reclassement',
    'amenagement de poste', 'retour au travail', 'reprendre le travail', 'reprendre mon activite', 'rendez vous de liaison', 'inaptitude',
    'usure professionnelle', 'plus exercer mon metier',
  ],
  CREATION: ['premiers mois', 'creation', 'creer', 'cree', 'debut', 'debut d activite', 'nouveau', 'nouvelle', 'nouvellement', 'je me lance', 'lance', 'demarrage', 'demarrer', 'installe', 'installee', 'installation', 'jeune entreprise', 'createur', 'creatrice', 'lancer'],
  ALD: ['ald', 'affection longue duree', 'affection de longue duree', 'longue maladie', 'protocole de soins', 'cancer', 'chimio', 'chimiotherapie', '100 pourcent'],
  HOSPI: ['hospitalisation', 'hospitalise', 'hospitalisee', 'hopital', 'clinique', 'operation', 'opere', 'operee', 'chirurgie', 'forfait hospitalier', 'forfait journalier', 'urgences', 'intervention', 'sejour'],
  ATMP: ['accident du travail', 'accident de travail', 'maladie professionnelle', 'at mp', 'atmp', 'blesse', 'blessee', 'chantier', 'chute', 'assurance volontaire', 'tombe', 'tombee', 'coupe'],
  CONTACT: ['telephone', 'numero', 'appeler', 'joindre', 'contacter', 'contact', 'horaires', 'adresse', 'ouvert', 'ouverture', 'agence', 'accueil', '3646', '3698', '3679', '3957', 'mail', 'courrier', 'ecrire', 'rendez vous'],
  CONJOINT: ['conjoint collaborateur', 'conjointe collaboratrice', 'conjoint', 'conjointe', 'epouse', 'epoux', 'mari', 'femme', 'pacse', 'pacsee', 'concubin', 'compagne', 'compagnon'],
  HUMAIN: ['conseiller', 'conseillere', 'humain', 'personne', 'quelqu un', 'agent', 'vrai', 'operateur', 'interlocuteur'],
  SALUT: ['bonjour', 'salut', 'bonsoir', 'coucou', 'hello', 'hey', 'yo', 'bjr', 're'],
  MERCI: ['merci', 'remercie', 'remerciements', 'top', 'parfait', 'super', 'genial', 'cool', 'nickel'],
  BYE: ['au revoir', 'bye', 'ciao', 'a plus', 'a bientot', 'bonne journee', 'bonne soiree', 'adieu', 'tchao', 'salut'],
  HORS_SUJET: [
    'tva', 'cfe', 'impot', 'impots', 'kbis', 'siret', 'siren', 'banque', 'pret', 'credit', 'emprunt', 'meteo', 'foot',
    'recette', 'blague', 'film', 'musique', 'facture', 'devis', 'comptable', 'bilan comptable', 'retraite', 'pension de retraite',
    'statuts', 'sarl', 'sas', 'eurl', 'sasu', 'inpi', 'greffe', 'douane', 'prud hommes', 'loyer', 'bail',
  ],
  RETRAITE: ['retraite', 'retraitee', 'retraites', 'carsat', 'pension', 'trimestres', 'depart en retraite'],
  SANTE_FRAIS: ['frais de sante', 'frais medicaux', 'soins', 'payer mes soins', 'rembourse', 'remboursement', 'dentiste', 'lunettes'],
  PANNE: ['panne', 'en panne', 'incendie', 'vol', 'vole', 'volee', 'cambriolage', 'cambriole', 'inondation', 'inonde', 'tempete', 'grele', 'catastrophe', 'sinistre', 'degat', 'degats', 'casse', 'perdu un client'],
  AIDANT: ['aidant', 'aidante', 'proche aidant', 'dependant', 'dependance', 'perte d autonomie', 'alzheimer', 'repit', 'm occuper de ma mere', 'm occuper de mon pere'],
};
