/**
 * Administrative region (01–17) of a Quebec municipality, from the first two digits of its
 * geographic code, which number its census division (MRC or equivalent territory).
 * regionOfMunicipalityCode('30030') === '05' // Lac-Mégantic, Estrie
 */
export function regionOfMunicipalityCode(code: string): string {
  const division = Number(code.slice(0, 2));
  const region = REGION_BY_DIVISION.find(([from, to]) => division >= from && division <= to);
  if (!region) throw new Error(`Unknown census division ${code.slice(0, 2)} in municipality code ${code}`);
  return region[2];
}

// [first division, last division, region]. Brome-Missisquoi (46) and La Haute-Yamaska (47) joined
// Estrie in 2021.
const REGION_BY_DIVISION: ReadonlyArray<readonly [number, number, string]> = [
  [1, 6, '11'], // Îles-de-la-Madeleine, Rocher-Percé, Côte-de-Gaspé, Haute-Gaspésie, Bonaventure, Avignon
  [7, 14, '01'], // La Matapédia … Kamouraska
  [15, 16, '03'], // Charlevoix-Est, Charlevoix
  [17, 19, '12'], // L'Islet, Montmagny, Bellechasse
  [20, 23, '03'], // Île-d'Orléans, Côte-de-Beaupré, Jacques-Cartier, Québec
  [25, 29, '12'], // Lévis, Nouvelle-Beauce, Robert-Cliche, Etchemins, Beauce-Sartigan
  [30, 30, '05'], // Le Granit
  [31, 31, '12'], // Les Appalaches
  [32, 32, '17'], // L'Érable
  [33, 33, '12'], // Lotbinière
  [34, 34, '03'], // Portneuf
  [35, 37, '04'], // Mékinac, Shawinigan, Trois-Rivières
  [38, 39, '17'], // Bécancour, Arthabaska
  [40, 47, '05'], // Les Sources … La Haute-Yamaska
  [48, 48, '16'], // Acton
  [49, 50, '17'], // Drummond, Nicolet-Yamaska
  [51, 51, '04'], // Maskinongé
  [52, 52, '14'], // D'Autray
  [53, 59, '16'], // Pierre-De Saurel … Marguerite-D'Youville
  [60, 64, '14'], // L'Assomption, Joliette, Matawinie, Montcalm, Les Moulins
  [65, 65, '13'], // Laval
  [66, 66, '06'], // Montréal
  [67, 71, '16'], // Roussillon … Vaudreuil-Soulanges
  [72, 79, '15'], // Deux-Montagnes … Antoine-Labelle
  [80, 84, '07'], // Papineau … Pontiac
  [85, 89, '08'], // Témiscamingue … La Vallée-de-l'Or
  [90, 90, '04'], // La Tuque
  [91, 94, '02'], // Domaine-du-Roy, Maria-Chapdelaine, Lac-Saint-Jean-Est, Saguenay
  [95, 98, '09'], // Haute-Côte-Nord, Manicouagan, Sept-Rivières, Minganie and Golfe
  [99, 99, '10'], // Nord-du-Québec
];
