/**
 * What a French user must see, written out in full here (not read from the locales), so that a test fails if
 * the product's wording of the main choices changes or disappears.
 */
export const MENU_FR = [
  'Demander une aide financière',
  'Maternité, paternité, adoption',
  'Arrêt maladie (indemnités journalières)',
  'Invalidité',
  'Je suis en difficulté (HELP)',
  'Autre question',
];
