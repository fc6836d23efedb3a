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
