import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DistressDetector, DistressFileSchema } from '../../nlu/distress';
import { getRecognizer } from '../../nlu';
import { loadDataFile } from '../../nlu/patterns';
import { ScopeDetector } from '../../nlu/scope';

const recognizer = getRecognizer();
const distress = (text: string) => recognizer.recognize(text).distress;

describe('distress detector (locales/fr/nlu/distress.yaml)', () => {
  it.each([
    ["l'huissier est passé hier pour une saisie", 'huissier'],
    ['je ne peux plus payer à manger à mes enfants', 'survie'],
    ['on est en redressement judiciaire depuis mars', 'procedure'],
    ["j'en peux plus, je suis en burn-out", 'epuisement'],
    ["Je vends et je m'en vais, je ne peux plus tenir !", 'epuisement'],
    ['je suis en plein divorce et je ne dors plus', 'famille'],
    ['depuis mon divorce tout s’écroule', 'famille'],
    ["j'arrive plus à tenir, tout seul avec les dettes", 'epuisement'],
    ['je me sens tellement seule avec tout ça', 'isolement'],
    ['g plus un rond sur le compte', 'argent'],
    ['Et les fins de mois sont de plus en plus difficiles', 'argent'],
    ['voilà deux saisons chaumées', 'activite'],
    ["mon chiffre d'affaires a chuté de 60 % depuis l'été", 'activite'],
    ["j'ai des dettes partout", 'dettes'],
    ["je n'ose même plus ouvrir mon courrier", 'dettes'],
    ['jouvre plus les enveloppes de lurssaf', 'dettes'],
    ['je laisse les factures dans la boite aux lettres', 'dettes'],
    ['je narrive plus a payer mes cotisations', 'impaye'],
    ['on m’a diagnostiqué un cancer et je ne peux plus travailler', 'maladie'],
    ['jsuis dans la merde avec lurssaf', 'argent'],
    ['urssaf me reclame 8000e je peux pas', 'dettes'],
    ["on m'a coupé l'électricité", 'survie'],
    ['ma boite va mal', 'activite'],
    ['nous ne nous payons plus depuis six mois', 'argent'],
    ['je dors dans mon camion depuis une semaine', 'survie'],
    ['je suis devenu SDF en quelques mois', 'survie'],
    ['me voilà sans domicile fixe', 'survie'],
    ['je suis au RSA avec deux enfants', 'argent'],
    ['mes enfants ont faim', 'survie'],
    ['je vais devoir fermer', 'procedure'],
    ["je suis en arrêt et je n'ai rien touché depuis 3 mois", 'argent'],
    ['je vis avec 400 euros par mois', 'argent'],
    ['je ne peux plus me soigner', 'survie'],
    ["j'ai peur pour mes enfants", 'epuisement'],
    ['depuis deux ans je me verse un revenu en dessous du SMIC', 'argent'],
    ['on ne pourra pas rembourser le fournisseur', 'impaye'],
    ["comment puis-je m'en sortir avec toutes ces charges", 'argent'],
    ['le compte pro est dans le rouge, je ne peux plus me verser de salaire', 'argent'],
    ["je ne me paie qu'un mois sur deux", 'argent'],
    ['il faut encore trouver de quoi nourrir les enfants', 'survie'],
    ['la facture est impossible à régler', 'impaye'],
    ['je ne pourrai plus les rembourser', 'impaye'],
    ["je vois très mal l'avenir", 'epuisement'],
    ['le stress prend le dessus', 'epuisement'],
    ['je suis complètement perdue, je ne sais plus quoi faire', 'epuisement'],
    ['mon frigo est vide', 'survie'],
    ['je saute des repas pour que les enfants mangent', 'survie'],
    ['je ne chauffe plus la maison cet hiver', 'survie'],
    ["mes parents me prêtent de l'argent pour manger", 'survie'],
    ['les agios me tuent', 'argent'],
    ['je travaille à perte depuis un an', 'argent'],
    ["l'urssaf m'a envoyé une contrainte", 'dettes'],
    ["l'urssaf m'a mis sur la paille", 'argent'],
    ['g pu 1 rond pr nourir mé gosse', 'survie'],
    ['sos', 'epuisement'],
    ['SOS !!', 'epuisement'],
    ['il est 4h du mat jsui a bou', 'epuisement'],
    ["j'ose pas demander", 'isolement'],
    ["mon chiffre d'affaires est à zéro depuis trois mois", 'activite'],
    // « CA », which normalises to « ça », after a determiner or in « CA en chute ».
    ['CA en chute', 'activite'],
    ['mon CA a baissé de moitié', 'activite'],
    ['baisse de CA depuis janvier', 'activite'],
    ["j'ai perdu tous mes clients d'un coup", 'activite'],
    ['je suis en train de couler', 'epuisement'],
    ["c'est la descente aux enfers", 'epuisement'],
    ['à quoi bon', 'epuisement'],
    ['a quoi bon continuer', 'epuisement'],
    ['on ne dort plus depuis des semaines', 'epuisement'],
    ['je ne tiendrai pas un mois de plus', 'epuisement'],
    ['à ce rythme je vais finir sous les ponts', 'survie'],
    ["l'eau a tout ravagé dans l'atelier, tout est foutu", 'activite'],
    ['je baisse les bras, ce métier me sape le moral', 'epuisement'],
    ['comment peut-on vivre avec 400 euros par mois ?', 'argent'],
    ["je me suis séparée de mon compagnon l'an dernier", 'famille'],
    ["depuis mars, plus aucune rentrée d'argent", 'argent'],
    ['avec tout ce que je paie, je gagne à peine le smic', 'argent'],
    ['depuis ce courrier je vais travailler la boule au ventre', 'epuisement'],
    ['plus un sou sur le compte, que vais-je devenir ?', 'epuisement'],
    ['je suis enceinte et mon mari vient de mourir', 'famille'],
    // « plus » of « je n'en peux plus » or « en plus » is no negation of what follows it.
    ["je n'en peux plus, les dettes s'accumulent", 'dettes'],
    ["en plus les dettes s'accumulent", 'dettes'],
    ['de plus les huissiers sont passés', 'huissier'],
    ["comment je fais pour payer mes cotisations ce mois ci j'ai plus rien qui rentre", 'argent'],
    // Funeral costs to meet, or an aid asked for them.
    ["aide pour les frais d'obsèques de mon mari", 'impaye'],
    ["j'ai pas les moyens de payer l'enterrement de ma femme", 'impaye'],
    ['aide financiere obseques', 'impaye'],
    ['comment je vais financer les funérailles de mon père', 'impaye'],
    ['les frais funéraires sont hors de prix', 'impaye'],
    // The bank no longer follows; long days, short nights, no future.
    ["la banque m'a fait savoir qu'il n'y aurait pas de prêt ni d'arrangement", 'argent'],
    ['ma banque a refusé le découvert', 'argent'],
    ["c'est un prêt de survie", 'argent'],
    ['je travaillais 17h par jour', 'epuisement'],
    ['un métier épuisant physiquement et moralement', 'epuisement'],
    ['mes nuits sont courtes', 'epuisement'],
    ["on n'a plus d'avenir", 'epuisement'],
    ['on ne peut plus se projeter', 'epuisement'],
    // What comes in does not cover the charges; a ban from managing; an activity stopped by health; a forced stop.
    ['des aides qui ne comblent pas nos charges mensuelles de cabinet', 'argent'],
    ["c'est insuffisant pour couvrir les charges fixes", 'argent'],
    ["j'ai pris une interdiction de gérer", 'procedure'],
    ['je dois arrêter mon activité pour raison de santé', 'maladie'],
    ["la fermeture du centre m'a contraint à arrêter de travailler", 'epuisement'],
    ["j'ai dû la licencier pour sauver la boutique", 'epuisement'],
    ['je vais devoir fermer ma boutique', 'procedure'],
    // The probe of stop 38: a share of the turnover lost, said in figures; earning a living grown hard.
    ["J'ai perdu 70 % de mon chiffre d'affaires depuis le début des travaux.", 'activite'],
    ['on a perdu la moitié de notre clientèle avec le chantier du tram', 'activite'],
    ['gagner notre vie devient de plus en plus difficile', 'argent'],
    ['moi je souhaite juste ne pas crever aujourd’hui', 'argent'],
  ])('« %s » → %s', (text, signal) => {
    expect(distress(text).signals).toContain(signal);
    expect(distress(text).level).not.toBe('none');
  });

  it.each([
    "je n'ai pas de dettes, je voudrais ma carte vitale",
    'je ne comprends rien, rien ne rentre dans ma tête',
    "je n'ai aucune dette envers l'urssaf",
    "je n'ai plus de dettes depuis l'an dernier",
    "je n'ai plus les dettes d'avant, c'est pour ma carte vitale",
    'comment faire une demande de congé paternité',
    'je voudrais savoir quels documents envoyer pour mon arrêt maladie',
    "l'urssaf me réclame une attestation",
    'je voudrais couper le contrat de gaz de mon local',
    'je vais devoir fermer mon compte ameli',
    'je vis avec 2 enfants',
    "j'étais complètement perdu dans les démarches de création",
    "j'ai de quoi manger, c'est pour ma carte vitale",
    'le chauffage du local est en panne, qui paie la réparation ?',
    "une contrainte horaire m'empêche de venir",
    'je ne tiendrai pas compte du premier courrier',
    'je ne peux pas tenir ce délai de paiement',
    'je travaille de 8h à 17h par jour',
    'je fais 10h par jour, ça me va',
    "j'ai dû le licencier pour faute grave",
    'je vais fermer ma boutique pour les vacances',
    'on va fermer le magasin deux semaines pour travaux',
    'je vais fermer la boutique le temps de mon congé maternité',
    'le lit pliant ne couvre pas les besoins du bébé',
    'je ne pourrai pas tenir les délais du chantier',
    // A civil status is no difficulty by itself (a divorce going on is: « famille »).
    "Je suis divorcée et je viens de créer ma micro-entreprise, on me demande un code que je n'ai jamais reçu",
    'je suis divorcé depuis dix ans, je voudrais ma carte vitale',
    'je ne baisse pas les bras, je veux juste savoir quelles aides existent',
    'je travaille 2h par jour sur mon site, comment déclarer mon chiffre ?',
    'en usant de mon droit de rétractation',
    // A sick leave is not the activity ended by illness (« maladie »).
    "je dois m'arrêter pour maladie une semaine, comment déclarer l'arrêt ?",
    'comment peut-on payer ses cotisations en ligne ?',
    'je me suis séparé de mon salarié en juin',
    "je change d'adresse, que dois-je faire ?",
    // « ça », not a turnover.
    'ça a baissé ma fièvre',
    'ça en vaut la peine ?',
    // A child simply ill is not a family blow (gravely ill, it is).
    "mon fils est malade, je dois arrêter de bosser une semaine, j'ai droit à quoi ?",
    // A service named SOS is no call for help.
    "j'ai appelé sos médecins cette nuit",
    // A question on a benefit, with no cost to meet.
    "remboursement des frais d'obsèques",
    'le capital décès sert-il aux obsèques ?',
  ])('no sign in « %s »', (text) => {
    expect(distress(text)).toEqual({ level: 'none', signals: [], need: 'help' });
  });

  it('several kinds of difficulty, or a severe one, make the level high', () => {
    expect(distress("j'ai des dettes").level).toBe('moderate');
    expect(distress("j'ai des dettes et je suis épuisé").level).toBe('high');
    expect(distress('on va être en liquidation').level).toBe('high');
  });

  it('a drop of activity or money trouble calls for the aid journey (HELP comes anyway); a personal hardship for HELP', () => {
    expect(distress("mon chiffre d'affaires a été divisé par trois").need).toBe('aide_financiere');
    expect(
      distress("mon chiffre d'affaires a été divisé par trois et je n'ai plus de quoi manger").need,
    ).toBe('aide_financiere');
    expect(distress("j'ai des enfants, il faut travailler pour les nourrir").need).toBe('aide_financiere');
    expect(distress('si on ne trouve pas de solution, ce sera la liquidation judiciaire').need).toBe(
      'aide_financiere',
    );
    expect(distress('je suis épuisé, je ne dors plus et je me sens seul').need).toBe('help');
  });

  it.each([
    ['le stress et les factures s’accumulent, je suis dans l’impasse', 'argent'],
    ['je fais un prêt familial pour m’en sortir, on ne perçoit rien', 'argent'],
    ['aller au cabinet était une torture, je me faisais violence', 'epuisement'],
    ['suis-je trop seul pour en parler ouvertement ?', 'isolement'],
    ['ce congé a signé la fin de mon entreprise', 'activite'],
    ['des années de labeur parties en fumée', 'activite'],
    ['je suis smicard, je me verse 900 euros par mois', 'argent'],
    ['je travaille 70 heures par semaine depuis deux ans', 'epuisement'],
    ['je suis contrainte de reprendre le travail un mois après la naissance', 'epuisement'],
    ['moins de commandes au fil des mois', 'activite'],
    ['je vais devoir arrêter mon activité pour des raisons de santé', 'maladie'],
    ['je dois fermer mon cabinet à cause de mon dos', 'maladie'],
    ["ma santé m'oblige à cesser mon activité", 'maladie'],
    ["mes problèmes de santé m'ont contraint à fermer la boutique", 'maladie'],
    ['je suis sous dialyse trois fois par semaine', 'maladie'],
    ["on ne peut pas se projeter, on n'a plus d'avenir", 'epuisement'],
    ['je ne vois plus aucun avenir pour ma boutique', 'epuisement'],
    ['je travaillais 17h par jour pour les payer', 'epuisement'],
    ['mon quotidien est éprouvant physiquement et psychologiquement', 'epuisement'],
    ["c'est usant, tous ces impayés", 'epuisement'],
    ['le rythme du cabinet est épuisant nerveusement', 'epuisement'],
  ])('« %s » shows %s', (text, signal) => {
    expect(distress(text).signals).toContain(signal);
  });

  it.each([
    "j'ai plus envie de vivre",
    'je pense au suicide',
    'des fois je veux me foutre en l air',
    'je vais en finir',
    'ma vie n’a plus de sens',
    'ma famille serait mieux sans moi',
    "j'ai envie de crever",
    'la seule solution c’est de disparaître',
    'à quoi bon vivre',
    "j'espère avoir un accident",
    "la meilleure chose qui puisse m'arriver, ce serait un accident",
    "j'ai pensé à avaler toute la boîte de cachets",
    'des fois je me dis que je pourrais sauter du pont',
    'je ne veux plus vivre, je suis à bout',
    'la mort serait une délivrance',
    'parfois je pense à me supprimer',
    "je n'ai plus qu'une envie, mourir",
    "parfois j'imagine qu'un accident pourrait m'emporter",
    'je me dis que ma famille serait mieux si je disparaissais',
    "j'ai fait une tentative de suicide l'an dernier",
    'je suis suicidaire',
    'je vais me tirer une balle',
    'je veux disparaitre',
    'je voudrais disparaitre, l urssaf me reclame 12000 euros',
    'je ne veux plus me réveiller le matin',
    'je veux me scarifier',
    "j'ai envie de me flinguer avec toutes ces dettes",
    'je pense a me faire du mal',
    'parfois je pense a mettre un terme a ma vie',
    "j'ai envie de me faire du mal",
    'mon fils est parti, je voudrais le rejoindre',
    "mon mari est decede et je ne vois plus l'interet de continuer sans lui",
    'ma femme est morte, je ne vois plus de raison de rester en vie',
    "j'en ai marre de vivre",
    'marre de la vie, ma sante me lache et la boutique aussi',
    // Another's suicide does not hide the person's own words.
    "il s'est suicidé et moi aussi j'ai envie d'en finir",
    "je pense qu'il vaudrait mieux que je disparaisse",
    "ce serait mieux pour tout le monde si je n'étais plus là",
    // A probe of people in crisis (stop 27): present tense, farewells, sleep forever, a burden.
    'je me pends ce soir dans le garage',
    'si ça continue je me tue',
    'et si je me tue, ma famille touche combien ?',
    "j'ai écrit une lettre d'adieu à mes enfants",
    'je vous dis adieu, demain je ne serai plus là',
    "je veux que tout s'arrête",
    "j'aimerais m'endormir et ne jamais me réveiller",
    'je veux m’endormir pour toujours',
    "j'ai envie de foncer dans un mur avec ma voiture",
    'je me suis déjà fait du mal',
    'je pense à tout arrêter, définitivement',
    'je me sens comme un fardeau pour les miens',
    // A probe of hurried people on a phone (stop 28): read as « annuler », « pas compris » or « pas mon domaine ».
    'je ne veux plus être là',
    'jveux plus etre la',
    // An alternative that leaves only that (probe of stop 38).
    'Soit je me fais arrêter, soit je fais une connerie',
    'si ça continue comme ça ou je fais une bêtise',
    'je veu plus etre la',
    'jveux mourrir',
    'je veux mourrir',
    'envi de crever',
    // A second probe of people in crisis (stop 28): an overdose done or prepared, « arrêter de vivre » (read as
    // « annuler »), farewells and indirect words that got HELP, « pas mon domaine » or a maternity question.
    "j'ai avalé toute ma boîte de somnifères",
    "j'ai pris tous mes cachets il y a une heure",
    "j'ai préparé mes médicaments sur la table. je crois que c'est ce soir",
    'je veux arrêter de vivre',
    "j'aimerais m'endormir et ne pas me réveiller",
    "c'est mon dernier message, prenez soin de vous",
    "adieu à tous, merci pour tout, je m'en vais pour de bon",
    'dites a mes enfants que je les aime',
    'je ne vois plus d issue',
    'je ne serai plus là demain de toute façon',
    "c'est fini pour moi, j'abandonne tout",
    "quand je serai parti ma femme touchera l'assurance décès, c'est combien ?",
    "J'ai écrit une lettre pour mes enfants au cas où",
    'des fois jme dis ke ce serai plus simple si jetais plus la',
    "j'ai avalé toute une boîte de doliprane",
    "j'ai pris trop de médicaments ce soir",
    "hier soir j'ai pensé à la corde",
    'c est fini pour moi. adieu.',
    'merci pour tout, je vous dis au revoir pour toujours',
    'j ai fait une overdose de medicaments hier soir, je suis sortie de l hopital, j ai droit aux IJ ?',
    "je suis fleuriste, 8000e de dettes urssaf, hier soir j'ai pensé à la corde dans l'arrière boutique",
    'à quoi bon continuer, personne verra la différence si je suis plus là',
    "j'ai plus envie de me réveiller le matin",
    'je regarde le fusil de chasse de mon père en pensant à mes dettes',
    "j'ai envie de se foutre en l'air",
    "on va finir par se foutre en l'air avec ces dettes",
    "moi qui pense à se foutre en l'air tous les soirs",
    "je n'ai plus la force de vivre",
    "je n'ai plus la force de continuer à vivre",
  ])('self-harm: « %s »', (text) => {
    expect(recognizer.recognize(text).selfHarm).toBe(true);
  });

  it.each([
    'les charges urssaf vont me tuer, je peux avoir un délai ?',
    'non je suis pas suicidaire je veux juste un délai de paiement',
    'mon banquier va me tuer, il me reste 200 euros',
    'ma femme va me tuer si je rate encore la déclaration',
    'baisser mes prix serait suicidaire pour ma boite',
    "j'ai pris une boîte de chocolats",
    "j'ai pensé à la corde à linge pour sécher les torchons du restaurant",
    "à quoi bon continuer les marchés l'hiver, je vends rien",
    'pas envie de me réveiller tôt demain pour le marché',
    'je regarde le prix du fusil de chasse pour mon magasin',
    'quand je serai partie en conge maternite, qui paie mes cotisations ?',
    'quand je serai parti a la retraite, je garde ma mutuelle ?',
    'je pars pour de bon au canada, que deviennent mes droits maladie ?',
    'je veux arreter de vivre comme ca, courir apres les clients',
    'il faut arreter de vivre au dessus de nos moyens',
    'ce boulot va finir par me tuer',
    'l urssaf veut me tuer avec ses majorations',
    'je me tue tous les jours au travail pour rien',
    'mon cancer, à défaut de me tuer, a tué mon entreprise',
    "l'accident de scooter qui a failli me tuer m'a arrêté trois mois",
    'je ne suis pas du tout suicidaire mais je suis a bout',
    'jamais je ne me suiciderai, mais je veux un delai',
    'je n ai pas d idees noires rassurez vous, je veux juste un delai',
    'ils veulent me supprimer mes indemnites journalieres',
    'suis-je capable de faire une demande d aide toute seule ?',
    'j ai peur de faire une betise dans ma declaration',
    'je voudrais en finir rapidement avec ce dossier',
    'je veux plus être là lundi pour le rdv urssaf',
    "j'ai fait une overdose de paperasse urssaf cette semaine",
    "c'est mon dernier message avant de fermer mon dossier : je suis kiné libéral, ai-je droit aux IJ ?",
    "je comprends que des gens finissent par se foutre en l'air avec ce stress",
    "certains collègues se foutent en l'air, c'est dur",
    "je n'ai plus la force de me battre contre l'urssaf",
    "je n'ai plus la force de lutter, je vais fermer",
  ])('a figure of speech or a denial is not self-harm: « %s »', (text) => {
    expect(recognizer.recognize(text).selfHarm).toBe(false);
  });

  it.each([
    'ma femme a avalé des médicaments, elle répond plus',
    "mon cotisant a écrit qu'il a préparé ses médicaments et une lettre pour sa famille",
    'mon mari a fait une overdose de médicaments, les pompiers sont là',
    'mon père a fait une tentative de suicide hier, il est artisan',
    "mon assuré m'a dit qu'il ne voit plus d'issue et qu'il a rédigé son testament",
    "mon adhérent artisan m'a dit qu'il avait pensé à la corde, il a 20000 de dettes",
    'mon assure est suicidaire, il a une dette urssaf enorme',
    'mon assure est a bout, il me dit qu il veut arreter de vivre',
    'mon assure ne veut plus etre la',
  ])('someone else at risk, not the person’s own words: « %s »', (text) => {
    const recognition = recognizer.recognize(text);
    expect(recognition.selfHarm).toBe(false);
    expect(recognition.othersAtRisk).toBe(true);
  });

  it.each([
    'je veux plus être là pour tout le monde',
    'je ne veux plus etre là le samedi',
    "je veux pas être là quand l'huissier passe",
  ])('not being there for someone or at some time is not self-harm: « %s »', (text) => {
    expect(recognizer.recognize(text).selfHarm).toBe(false);
  });

  it.each([
    "un restaurateur de ma rue s'est suicidé, je n'en peux plus",
    'certaines connaissances se sont suicidées',
    "mon associé s'est pendu dans l'atelier",
    "elle s'était donné la mort l'an dernier",
  ])('someone else’s suicide, not the person’s own words: « %s »', (text) => {
    const recognition = recognizer.recognize(text);
    expect(recognition.selfHarm).toBe(false);
    expect(recognition.othersSuicide).toBe(true);
  });

  it.each([
    "Mon assuré en arrêt maladie m'a dit qu'il pensait à mettre fin à ses jours",
    'mon cotisant, en arrêt depuis 3 mois, parle de se tuer',
    'mon mari est en arret maladie, il pense a mettre fin a ses jours',
    'mon fils ne veut plus vivre',
    'il va se jeter sous un train',
    "ma femme dit qu'elle veut disparaître",
    "mon mari dit que ce serait mieux pour tout le monde s'il n'était plus là",
    "un assuré me dit qu'il veut disparaître",
    'mon père veut en finir, il a perdu son commerce',
    'ma femme a des idées noires',
    'mon fils menace de se suicider',
    "mon fils s'enferme, j'ai peur qu'il fasse une bêtise",
    "mon père a dit qu'il ne voulait plus se réveiller",
    "ma femme m'a dit qu'elle pensait à en finir",
    "une cotisante m'a dit qu'elle voulait en finir, elle pleurait au téléphone",
  ])('someone else thinking of killing themselves, told by a relative or an adviser: « %s »', (text) => {
    expect(recognizer.recognize(text).othersAtRisk).toBe(true);
  });

  it.each([
    "je saigne un peu, je suis enceinte de 5 mois, c'est grave ?",
    "j'ai des contractions et je panique",
    "j'ai perdu les eaux",
    'mon mari a fait un malaise au travail',
  ])('a medical emergency told in passing: « %s »', (text) => {
    expect(recognizer.recognize(text).medicalEmergency).toBe(true);
  });

  it.each(['je suis enceinte de 5 mois', 'le bébé est né, tout va bien', 'saignement de nez'])(
    'no medical emergency: « %s »',
    (text) => {
      expect(recognizer.recognize(text).medicalEmergency).toBeUndefined();
    },
  );

  it.each([
    "Dès que j'ai appris ma grossesse, je suis devenue inquiète.",
    'je suis enceinte et très inquiète pour mon congé',
    'inquiete pour la naissance de mon bebe',
  ])('worry about a pregnancy, a birth or a leave is no hardship: « %s »', (text) => {
    expect(recognizer.recognize(text).distress.level).toBe('none');
  });

  it.each([
    ["je suis enceinte et je n'arrive plus à payer mes factures", 'impaye'],
    ['enceinte et inquiète, je sais pas comment je vais payer', 'argent'],
    ['je suis très inquiète pour mon entreprise', 'epuisement'],
  ])(
    'a hardship told beside a pregnancy, or worry about anything else, is still one: « %s » → %s',
    (text, signal) => {
      expect(recognizer.recognize(text).distress.signals).toContain(signal);
    },
  );

  it('reads « je pense à en finir » as the person’s own words, not a relative’s', () => {
    const recognition = recognizer.recognize('je pense à en finir');
    expect(recognition.selfHarm).toBe(true);
    expect(recognition.othersAtRisk).toBeUndefined();
  });

  it.each([
    'il se tue au travail',
    "elle se tue à la tâche pour payer l'urssaf",
    'le gouvernement veut mettre fin à sa vie de commerçant',
    'mon associé veut mettre fin à son activité',
    'il veut en finir avec ce dossier',
    'mon client veut disparaître quelques semaines',
    'elle veut mourir de rire',
    'mon père veut en finir avec son commerce, il a 63 ans',
    'je veux en finir avec cette histoire de cotisations, comment faire ?',
    'je vais tout arrêter pour de bon et fermer ma boutique',
  ])('no one at risk in a figure of speech or an ended activity: « %s »', (text) => {
    const recognition = recognizer.recognize(text);
    expect(recognition.othersAtRisk).toBeUndefined();
    expect(recognition.selfHarm).toBe(false);
  });

  it('no other’s suicide in the person’s own words or in a plain question', () => {
    expect(recognizer.recognize('je pense au suicide').othersSuicide).toBeUndefined();
    expect(
      recognizer.recognize('comment faire une demande de congé paternité').othersSuicide,
    ).toBeUndefined();
  });

  it.each([
    'je voudrais en finir avec ce dossier',
    'comment vivre avec une ALD',
    'ma cliente a un coup de soleil',
    'je vais crever de faim',
    "la meilleure chose qui puisse m'arriver c'est de trouver des clients",
    'la seule solution c’est de disparaître du marché',
    'je voudrais supprimer mon compte ameli',
    'je prends tous mes médicaments le matin, est-ce remboursé ?',
    'je ne veux plus vivre comme ça, avec ces dettes',
    'si je venais à mourir, mon conjoint toucherait-il le capital décès ?',
    'je voudrais disparaître des fichiers de l urssaf',
    'je veux mettre un terme à mon activité',
    'la balle est dans votre camp',
    'je ne veux pas faire de mal à mes clients',
    "je ne vois plus l'interet de continuer mon activité",
    "marre de la vie d'indépendant",
    'je voudrais la rejoindre en Bretagne',
    "je n'ai plus de raison de continuer à payer",
    'mon ancien associé a monté une boite, je vais le rejoindre',
    "mon mari m'attend, je vais le rejoindre",
    "je voudrais juste disparaître quelques semaines en vacances mais l'urssaf me relance",
    'mon ex-associé veut me faire du mal, il me menace, que faire ?',
    'je vais me faire du mal à payer ça',
    "j'en ai marre de vivre avec 800 euros par mois",
    'je me tue au travail pour rien',
    'je me suis fait mal au dos',
    'je pense a tout arreter definitivement et fermer ma boutique',
    "je veux que tout s'arrête avec l'urssaf",
    // Others' suicides named in a list of what one read: no one's own words (probe of stop 38).
    "toutes déprimantes, j'en conviens : faillites, suicides, RSA, huissiers",
    'les suicides d’agriculteurs font la une',
    'soit je fais une connerie dans ma déclaration, soit je paie une majoration',
  ])('not self-harm: « %s »', (text) => {
    expect(recognizer.recognize(text).selfHarm).toBe(false);
  });

  it('finds a sign of a long list in any of its parts, in long messages as in short ones', () => {
    // Twenty patterns, none negatable: a long text is read part by part (prefilter.ts), a short one whole.
    const patterns = Array.from({ length: 20 }, (_, i) => `motif${String.fromCharCode(97 + i)} (?:un|deux)`);
    const detector = new DistressDetector(
      DistressFileSchema.parse({
        negations: '(?:^| )pas$',
        signals: [{ id: 'argent', patterns }],
        selfHarm: ['jamais de la vie'],
      }),
    );
    const filler = 'je vous ecris au sujet de mon activite qui ne va pas tres bien depuis quelques mois deja';
    for (const word of ['motifa', 'motifj', 'motift']) {
      expect(detector.detect(`${filler} ${word} deux`).signals).toEqual(['argent']);
      expect(detector.detect(`${word} un`).signals).toEqual(['argent']);
      expect(detector.detect(`${filler} ${word} trois`).signals).toEqual([]);
    }
    expect(detector.detect(`${filler} motifu un`).signals).toEqual([]);
  });

  it('still reads the negation before each match of a long negatable list', () => {
    const patterns = Array.from({ length: 20 }, (_, i) => `motif${String.fromCharCode(97 + i)} (?:un|deux)`);
    const detector = new DistressDetector(
      DistressFileSchema.parse({
        negations: '(?:^| )pas$',
        signals: [{ id: 'dettes', negatable: true, patterns }],
        selfHarm: ['jamais de la vie'],
      }),
    );
    const filler = 'je vous ecris au sujet de mon activite qui ne va pas tres bien depuis quelques mois deja';
    expect(detector.detect(`${filler} pas motifj deux`).signals).toEqual([]);
    expect(detector.detect(`${filler} pas motifj deux et motifs un`).signals).toEqual(['dettes']);
    expect(detector.detect(`${filler} motift un`).signals).toEqual(['dettes']);
  });

  it('tells when a sign was found only denied, and the recogniser then adds no learned reading', () => {
    const detector = DistressDetector.fromFile();
    expect(detector.read('je ne ai pas de dettes').denied).toBe(true);
    expect(detector.read('je ai des dettes').denied).toBe(false);
    expect(detector.read('je voudrais ma carte vitale').denied).toBe(false);
    const long =
      "je n'ai pas de dettes, je voudrais juste savoir comment commander la carte vitale de mon fils né en mars";
    expect(recognizer.recognize(long).distress).toEqual({ level: 'none', signals: [], need: 'help' });
  });

  it.each([
    'je peux moduler mes cotisations si mon CA baisse',
    "jpeux moduler mes cotis si mon chiffre d'affaire diminue",
    "en cas de baisse d'activité je peux baisser mes acomptes ?",
    "s'il y a une baisse de CA je peux moduler mes cotisations",
    'si jamais mon chiffre d affaires chute, je fais quoi pour mes cotisations',
    'quelles pénalités en cas de retard de paiement des cotisations ?',
  ])('a difficulty only supposed (hypotheticals) is no sign: « %s »', (text) => {
    expect(distress(text)).toEqual({ level: 'none', signals: [], need: 'help' });
  });

  it.each([
    ['mon CA a chuté je peux plus payer mes cotisations', ['impaye', 'activite']],
    ['si mon CA baisse encore je vais devoir fermer', ['activite']],
    ["mon chiffre d'affaires a baissé de 40 %, je peux moduler mes cotisations ?", ['activite']],
  ])('a difficulty told, or supposed to go on (« encore »), still counts: « %s »', (text, signals) => {
    expect(distress(text).signals).toEqual(expect.arrayContaining(signals));
  });

  it('a supposed sign counts as denied: the learned reading adds nothing', () => {
    const detector = DistressDetector.fromFile();
    expect(detector.read('je peux moduler mes cotisations si mon ca baisse')).toEqual({
      distress: { level: 'none', signals: [], need: 'help' },
      denied: true,
    });
  });

  it('reads the words as written too: spelling correction must not erase a sign (« fumée » → « fumer »)', () => {
    const detector = DistressDetector.fromFile();
    expect(detector.detect('des annees de labeur partiel en fumer').level).toBe('none');
    expect(
      detector.detect('des annees de labeur partiel en fumer', 'des annees de labeur parties en fumee'),
    ).toEqual({
      level: 'moderate',
      signals: ['activite'],
      need: 'aide_financiere',
    });
    expect(detector.selfHarm('je veux en fumer', 'je veux en finir')).toBe(true);
  });

  it('the data file is validated: an unknown signal or a broken pattern is refused with the file name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'distress-'));
    const file = path.join(dir, 'bad.yaml');
    writeFileSync(
      file,
      "negations: 'pas'\nsignals:\n  - id: inconnu\n    patterns: ['x(']\nselfHarm: ['suicid']\n",
    );
    expect(() => loadDataFile(file, DistressFileSchema)).toThrow(/bad\.yaml/);
    expect(() => DistressDetector.fromFile(file)).toThrow();
  });
});

describe('out-of-scope detector (locales/fr/nlu/out-of-scope.yaml)', () => {
  const scope = ScopeDetector.fromFile();
  const read = (text: string) => scope.detect(getRecognizer().recognize(text).normalized)?.domain;

  it.each([
    ['chui en cdd dans un resto et enceinte', 'salarie_soi'],
    ['je suis salarie en cdi, je suis en arret maladie', 'salarie_soi'],
    ['je suis salariée dans une banque et mon mari est auto-entrepreneur, je suis enceinte', 'salarie_soi'],
    [
      "Je suis salariée à mi-temps et auto-entrepreneuse, je suis enceinte, à quelles indemnités maternité j'ai droit ?",
      'salarie_et_independant',
    ],
    [
      'Je suis en double activité : salariée chez une enseigne 12h par semaine, et en auto-entreprise le reste du temps. Ayant accouché en mars, je voulais mes indemnités maternité',
      'salarie_et_independant',
    ],
    ["ma mere est decedee, est ce que j'herite de ses dettes urssaf", 'succession_dettes'],
    ["mon fils est malade je dois m'arreter pour le garder je suis artisan", 'enfant_malade_garde'],
    [
      "je dois arrêter de bosser une semaine, mon fils a la grippe, j'ai droit à quoi ?",
      'enfant_malade_garde',
    ],
    [
      "mon fils est malade, je dois arrêter de bosser une semaine, j'ai droit à quoi ?",
      'enfant_malade_garde',
    ],
    ['ma fille a de la fièvre, je dois la garder, je suis coiffeuse', 'enfant_malade_garde'],
    ['mon médecin veut me mettre en mi-temps', 'mi_temps_therapeutique'],
    [
      'enceinte de 6 mois, micro entrepreneuse, la sage femme m arrete pour contractions, arret maladie ou conge mat ?',
      'arret_grossesse',
    ],
    ['2 semaines de conge patho en plus ?', 'arret_grossesse'],
    ['mon bebe est ne premature, mon conge mat il est decale ?', 'naissance_prematuree'],
    ['jai accouché a 7 mois, bébé en néonat', 'naissance_prematuree'],
    ["ma gyneco m'a arrêtée, col raccourci, je suis auto entrepreneuse", 'arret_grossesse'],
    ["viticulteur, je n'arrive plus à payer mes cotisations MSA", 'regime_agricole'],
    ["je suis indépendante en Belgique, affiliée à l'INASTI", 'hors_france'],
    ['je vis en Espagne et je suis auto-entrepreneur en France', 'mobilite_internationale'],
    ["je pars m'installer au Portugal, je garde ma micro ?", 'mobilite_internationale'],
    ['je suis frontalier en Belgique', 'mobilite_internationale'],
    ["je suis infirmière libérale et je pars à l'étranger 6 mois", 'mobilite_internationale'],
    ["je vais vivre à l'étranger et je pars en vacances avant", 'mobilite_internationale'],
    ['jai fait la demande help ya 3 semaines et personne ma rappelé', 'suivi_demande'],
    ['combien je vais toucher par jour en arret maladie, je gagne 2000 euros', 'montant_ij'],
    ["je suis micro avec 3000 euros de CA, j'ai droit aux IJ ?", 'seuil_revenus_ij'],
    ["j'ai oublié d'envoyer mon arrêt, ça fait 5 jours", 'arret_envoi_tardif'],
    [
      "je suis en arret maladie, est ce que j'ai le droit de travailler un peu pour garder mes clients ?",
      'travail_pendant_arret',
    ],
    ["mes indemnites journalieres vont s'arreter, qu'est ce qui se passe apres ?", 'duree_maximale_arret'],
    ["j'ai envoyé mon dossier ACED il y a deux mois, toujours pas de réponse", 'suivi_demande'],
    ['cumul emploi retraite et arret maladie, je suis indemnisé ?', 'cumul_retraite_arret'],
    ["je suis retraité mais je travaille encore, en arrêt maladie j'ai des IJ ?", 'cumul_retraite_arret'],
    [
      'je suis salarie a mi temps et auto entrepreneur a coté depuis 5 mois, je suis en arret maladie',
      'salarie_et_independant',
    ],
    [
      "en arrêt maladie, je suis micro entrepreneuse et aussi salariée en CDD, j'ai droit aux IJ ?",
      'salarie_et_independant',
    ],
    [
      'je veux passer de micro entrepreneur a SASU, est ce que je perds mes droits aux indemnites journalieres ?',
      'changement_statut',
    ],
    [
      "je passe de la micro a l'EI au reel, mes 12 mois d'affiliation repartent a zero ?",
      'changement_statut',
    ],
    ["c'est quoi l'acre, je peux l'avoir si je suis auto entrepreneur ?", 'acre'],
    ["l'ACRE c'est pour qui ?", 'acre'],
    [
      "je suis en micro depuis janvier mais j'ai zero chiffre d'affaires, je dois quand meme payer des cotisations minimales ?",
      'cotisations_minimales',
    ],
    ["pas de chiffre d'affaires ce trimestre, je dois quand même payer l'urssaf ?", 'cotisations_minimales'],
    ['quand dois-je payer mes cotisations ?', 'cotisations_echeances_penalites'],
    ['quelle est la date limite de paiement des cotisations urssaf ?', 'cotisations_echeances_penalites'],
    ["les prélèvements de cotisations urssaf c'est quand ?", 'cotisations_echeances_penalites'],
    ['je paie mes cotisations tous les combien ?', 'cotisations_echeances_penalites'],
    ['quelles pénalités si je paie mes cotisations en retard ?', 'cotisations_echeances_penalites'],
    ['majorations de retard urssaf combien ?', 'cotisations_echeances_penalites'],
    ["qu'est-ce que je risque si je paie l'urssaf en retard ?", 'cotisations_echeances_penalites'],
    ['le taux des majorations de retard sur les cotisations', 'cotisations_echeances_penalites'],
  ])('a gap the sources do not cover: « %s » → %s', (text, domain) => {
    expect(read(text)).toBe(domain);
  });

  it.each([
    'je suis enceinte et en arret maladie pour une sciatique',
    "je suis enceinte, c'est quoi le congé maternité ?",
    'combien de jours de carence pour un arrêt maladie ?',
    'combien de jours de carence pour mes ij ?',
    'erreur dans le calcul de mes ij, je conteste',
    'ij versées tous les combien',
    'je suis au rsa et travailleur indépendant, complémentaire gratuite ?',
  ])('a pregnant woman’s other sick leave, or a plain question, is no pregnancy gap: « %s »', (text) => {
    expect(['arret_grossesse', 'naissance_prematuree']).not.toContain(read(text));
  });

  it.each([
    "je ne suis pas auto-entrepreneur, je suis artisan en entreprise individuelle, comment avoir une aide pour payer l'urssaf ?",
    'je ne suis pas à mon compte depuis longtemps, 8 mois, et je suis enceinte',
    "je suis fonctionnaire en disponibilité et j'ai ouvert mon cabinet de sophrologie, je suis malade",
    "je suis salariée à mi-temps et j'ai aussi une micro-entreprise de couture le soir",
    'je suis salarié depuis 2 mois après la fermeture de ma boutique mais j ai encore 6000 euros de dettes urssaf',
    "je voudrais passer à mi-temps pour m'occuper de ma mère",
    'ma mère est décédée, je suis son héritière, ai-je droit au capital décès ?',
    "Mon mari est décédé le mois dernier, je n'arrive plus à payer les cotisations de mon entreprise",
    "ma fille est gravement malade, je dois fermer ma boutique pour m'occuper d'elle",
    // A contributions debt told with its penalties is the aid journey's and HELP's, not the due dates' gap.
    "je ne peux pas payer mes cotisations, j'ai des pénalités",
    "les majorations de retard s'accumulent, j'ai besoin d'un coup de main financier",
    "jai des penalites de retard partout et plus d'argent, on peut m'aider a payer ?",
    "je n'arrive plus à payer mes cotisations, combien de majorations je vais avoir ?",
    'remise des majorations de retard',
    'un délai de paiement sans majoration, c’est possible ?',
    'consulter sans médecin traitant, il y a une majoration ?',
    // A holiday abroad is no move abroad: the European card, from the compte ameli.
    "je pars en vacances à l'étranger, il me faut la carte européenne ?",
    "on part à l'étranger en vacances, il nous faut la carte européenne ?",
    "je pars à l'étranger pour les vacances, carte européenne ?",
    // Contributions paid by the quarter are no retirement quarters.
    "je peux pas payer l'urssaf ce trimestre",
    "j'ai oublié de déclarer mon chiffre d'affaires ce trimestre",
    // The writer's own apprenticeship; someone else's retirement; figures of speech with cows (probe of stop 38).
    "le premier confinement sonne la fin de mon apprentissage, j'obtiens un micro-crédit",
    "je cherche un dentiste depuis que l'amie qui me soignait a pris sa retraite en juin",
    'que les graphistes souhaitent payer plus pour assurer leurs retraites, c’est leur affaire',
    "c'est la période des vaches maigres pour mon salon",
    "l'urssaf nous prend pour des vaches à lait",
  ])('in scope, no gap: « %s »', (text) => {
    expect(read(text)).toBeUndefined();
  });

  it.each([
    [
      "A ma grande surprise, plus de la moitié de mes trimestres d'indépendant n'avaient pas été validés...",
      'retraite',
    ],
    ['il me manque des trimestres', 'retraite'],
    ["j'ai des trimestres qui manquent sur mon relevé", 'retraite'],
    ['g pa eu mes trimestre valider', 'retraite'],
    ['mon relevé de situation individuelle est incomplet', 'retraite'],
  ])(
    'retirement quarters not validated or missing, told in a story or in SMS spelling: « %s » → %s',
    (text, domain) => {
      expect(read(text)).toBe(domain);
    },
  );

  it.each([
    ['comment declarer la tva', 'impots'],
    ['je suis inscrit a france travail', 'chomage'],
    ['quelle banque pour un pret pro', 'banque'],
    ['obtenir un kbis', 'creation'],
    ['combien je toucherai a la retraite', 'retraite'],
    // Each field's usual words beyond its name.
    ['quelle pension puis je esperer apres vingt ans', 'retraite'],
    ['le minimum vieillesse', 'retraite'],
    ['mon revenu imposable a augmente', 'impots'],
    ['eurl a associe unique et dividendes', 'creation'],
    ['je touche le aah', 'caf'],
    ['comment payer mon employee pendant son arret', 'salaries'],
    ['le cumul emploi chomage', 'chomage'],
    // As people write them: glued names, the jargon of the field, the landlord, the client who pays late.
    ['inscription a polemploi', 'chomage'],
    ['pas de reponse de francetravail', 'chomage'],
    ['la conseillere dit que je suis en situation de cumul', 'chomage'],
    ['mon proprio augmente le loyer de la boutique', 'litige'],
    ['le proprietaire veut son loyer a 100 pour cent', 'litige'],
    ['le proprietaire voulait avoir son loyer', 'litige'],
    ['que faire avec un client mauvais payeur', 'litige'],
    ['les impayes de mes clients', 'litige'],
    ['comment faire une facture pour un client en belgique', 'comptabilite'],
    ['mes notes de frais et les frais kilometriques', 'comptabilite'],
    ['le bulletin de salaire de mon apprentie', 'salaries'],
    ['passer en sasu ou rester en micro', 'creation'],
    ['vendre mon fonds de commerce', 'creation'],
    ['utiliser mon cpf pour une formation', 'formation'],
    ['les gestes barrieres dans mon salon', 'reglementation'],
    ['ma carte cps est bloquee', 'reglementation'],
    ['une licence iv pour mon bar', 'reglementation'],
    // Being laid off is the person's unemployment; laying someone off is the employer's side.
    ['je ai ete licenciee economique en juillet', 'chomage'],
    ['depuis mon licenciement je cherche', 'chomage'],
    ['je ai du licencier mes trois salaries', 'salaries'],
    ['il faut que je le licencie', 'salaries'],
    ['nous envisageons son licenciement', 'salaries'],
    ['le banquier a coupe la carte bleue', 'banque'],
    ['je veux faire un bilan de competences', 'formation'],
    ['sarl ou micro entreprise', 'creation'],
    ['comment obtenir mon numero siret', 'creation'],
    ['dois je prendre un avocat contre mon client', 'litige'],
    // Farmers told by their herd, artists-authors by their fund, a salaried person by the employer (probe of stop 38).
    ['je ne peux plus y mettre un pied, les vaches me degoutent', 'regime_agricole'],
    ['la maison des artistes est impossible a joindre par telephone', 'artistes_auteurs'],
    ['je suis artiste auteur, qui paie mes indemnites', 'artistes_auteurs'],
    [
      'trois jours de carence 15 pourcent de salaire en moins il faut transmettre le arret de travail a le employeur',
      'salarie_soi',
    ],
  ])('« %s » → %s', (text, domain) => {
    expect(scope.detect(text)?.domain).toBe(domain);
  });

  it('names a private insurance contract even beside a sure subject (alwaysNamed)', () => {
    expect(scope.detect('ma prevoyance madelin va t elle payer pendant mon arret')).toEqual({
      domain: 'prevoyance',
      contacts: [],
      alwaysNamed: true,
    });
    expect(scope.detect('je ai pas de mutuelle')?.alwaysNamed).toBeUndefined();
  });

  it('names a subject the sources say nothing precise about as a gap, not as a field outside the domain', () => {
    expect(scope.detect('je ai fait une fausse couche')).toEqual({
      domain: 'fausse_couche',
      contacts: ['tel-3646'],
      gap: true,
    });
    expect(scope.detect('comment declarer la tva')?.gap).toBeUndefined();
  });

  it.each([
    // The pension of invalidity is the bot's own field.
    'quelle pension de invalidite',
    'quelle pension de le invalidite',
    'ma pension',
    // Words that only look like a field's.
    'je me suis employe a tout payer',
    'je ai un gros souci',
    // The bot's own words near a field's: the rent one cannot pay, a kind landlord, the cotisations paid late, the
    // aids after a disaster, one's own payslips.
    'je ne peux plus payer mon loyer',
    'jai eu la chance de avoir une proprietaire comprehensive',
    'un retard de paiement de mes cotisations',
    'des cotisations impayees',
    'aide pour un independant apres un sinistre',
    'je ai une formation de reconversion pendant mon arret',
    'ma carte vitale est bloquee',
    'les conditions sanitaires nous empechent de ouvrir',
    // The person's own company, number, trade or bank details are not the field's questions.
    'je suis gerante de une sarl je suis epuisee je craque',
    'auto entrepreneur depuis 2019 siret 123 456 789 00012 je ai eu un incendie',
    'avocat mon fils est decede il y a 2 semaines',
    'je suis avocate et enceinte',
    'je ai change de banque comment recevoir mes remboursements',
    'changer mes coordonnees bancaires',
  ])('« %s » → no field outside the domain', (text) => {
    expect(scope.detect(text)).toBeUndefined();
  });

  it('contacts named in the data file exist in the knowledge base', async () => {
    const { loadKnowledge } = await import('../../knowledge/loader');
    const knowledge = loadKnowledge();
    const data = loadDataFile('out-of-scope.yaml', (await import('../../nlu/scope')).OutOfScopeFileSchema);
    for (const d of data.domains) for (const id of d.contacts) expect(knowledge.contact(id)).toBeDefined();
    // The bot's own lines, only for a field the sources give no contact for, each with its reason in the locales.
    const fr = JSON.parse(
      readFileSync(path.join(__dirname, '../../locales/fr/translation.json'), 'utf8'),
    ) as { outOfScopeLines: Record<string, string> };
    for (const d of data.domains.filter((domain) => domain.lines !== undefined)) {
      expect(d.contacts).toEqual([]);
      for (const id of d.lines ?? []) expect(knowledge.contact(id)).toBeDefined();
      expect(fr.outOfScopeLines[d.id]).toBeDefined();
    }
  });

  it('names the intents whose journey answers a field itself (answeredBy), and only those', () => {
    expect(scope.detect('je suis a la retraite quelles aides')).toMatchObject({
      domain: 'retraite',
      answeredBy: ['aide_financiere', 'deces', 'complementaire_sante_solidaire'],
    });
    expect(scope.detect('comment declarer la tva')).not.toHaveProperty('answeredBy');
  });

  it.each([
    'majorations de retard combien ?',
    'majorations de retard urssaf combien ?',
    'c koi le taux des penalites de retard urssaf',
  ])('the words of a field’s own subject (subjectWords) are no sign of difficulty: « %s »', (text) => {
    const reading = recognizer.recognize(text);
    expect(reading.outOfScope?.domain).toBe('cotisations_echeances_penalites');
    expect(reading.distress).toEqual({ level: 'none', signals: [], need: 'help' });
  });

  it.each([
    ["j'ai une dette urssaf, les majorations de retard c'est combien ?", 'dettes'],
    ['majorations de retard combien ? je suis à bout', 'epuisement'],
  ])('signs beside a field’s subject words still count: « %s »', (text, signal) => {
    expect(recognizer.recognize(text).distress.signals).toContain(signal);
  });

  it.each([
    ['mon salarié est en arrêt maladie, est-ce que je dois continuer à le payer ?', true],
    ['ma salariée est tombée malade pendant ses congés payés', true],
    ['mon employée est enceinte, qui paie son congé maternité ?', true],
    ["mon apprenti s'est blessé, son médecin l'a arrêté deux semaines", true],
    ["je suis en arrêt maladie et mon salarié tient la boutique, j'ai droit aux IJ ?", false],
    ['mon salarié est malade et moi aussi je suis malade, qui me paie ?', false],
    ['comment faire une fiche de paie pour mon salarié ?', false],
  ])('an employee’s own situation told (theirSituation): « %s » → %s', (text, theirs) => {
    const field = recognizer.recognize(text).outOfScope;
    expect(field?.domain).toBe('salaries');
    expect(field?.theirSituation === true).toBe(theirs);
  });

  it('is exposed by the recogniser', () => {
    expect(recognizer.recognize('comment déclarer la TVA').outOfScope?.domain).toBe('impots');
    expect(recognizer.recognize('je veux ma carte vitale').outOfScope).toBeUndefined();
  });
});

describe('other needs of the same message', () => {
  it('another sentence’s need is listed in `also`', () => {
    const r = recognizer.recognize(
      'Je voudrais refaire ma carte vitale. Et aussi je suis enceinte, quels sont mes droits pour le congé maternité ?',
    );
    expect(r.topIntent).toBe('maternite');
    expect(r.also).toContain('carte_vitale');
  });

  it('a single need has no `also`', () => {
    expect(recognizer.recognize('comment avoir une nouvelle carte vitale').also).toBeUndefined();
  });
});

describe('a difficulty told as over (resolved)', () => {
  it.each([
    "J'étais épuisée l'an dernier, mais aujourd'hui ça va beaucoup mieux.",
    "On a été inondés, on a été indemnisés, donc ça s'est bien passé par rapport aux dégâts.",
    "Mon dos m'a lâché, 12 mois de rééducation, et j'ai pu reprendre mon activité.",
  ])('no difficulty read: « %s »', (text) => {
    expect(distress(text).level).toBe('none');
  });

  it.each([
    "J'ai pu reprendre mon activité, mais je n'arrive plus à payer mes cotisations.",
    "Quand ça se passe bien c'est super, mais là je suis épuisée.",
    'Je suis épuisée, je n’en peux plus.',
  ])('a difficulty after the words, or none of them, is still read: « %s »', (text) => {
    expect(distress(text).level).not.toBe('none');
  });
});

describe('the employer field (salaries)', () => {
  it('does not read « le nôtre, salariés-patrons » as « notre salarié »', () => {
    const text = "C'est quand même un métier à la con que le nôtre , salariés-patrons à temps partiel.";
    expect(recognizer.recognize(text).outOfScope?.domain).not.toBe('salaries');
    expect(recognizer.recognize('notre salarié est en arrêt, que faire ?').outOfScope?.domain).toBe(
      'salaries',
    );
  });
});

describe('a thank-you for a need settled', () => {
  it.each([
    "Merci beaucoup pour vos conseils, grâce à vous j'ai pu faire ma demande d'aide et elle a été acceptée, bonne journée",
    "Je vous remercie, j'ai pu reprendre mon activité",
  ])('is a thank-you, without difficulty: « %s »', (text) => {
    const r = recognizer.recognize(text);
    expect(r.topIntent).toBe('thanks');
    expect(r.distress.level).toBe('none');
  });

  it.each([
    "Merci, ma demande a été acceptée, mais comment je déclare l'aide ?",
    "Merci, ma demande d'aide a été acceptée, mais je n'arrive toujours pas à payer mon loyer",
    "J'ai pu reprendre mon activité, mais je voudrais savoir si j'ai droit à une aide",
  ])('is not when it asks or tells a difficulty still there: « %s »', (text) => {
    expect(recognizer.recognize(text).topIntent).not.toBe('thanks');
  });
});
