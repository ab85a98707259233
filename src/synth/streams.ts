/**
 * Random-stream numbers. Every (stream, index) pair has its own generator (`Rng.at`), so each source file is a pure
 * function of (seed, resident) and changing one file's logic never changes the numbers another file sees.
 */
export const STREAM = {
  huishouden: 1,
  persoon: 2,
  gebeurtenis: 3,
  polis: 10,
  rdw: 11,
  svb: 12,
  vermogen: 13,
  kot: 14,
  studiefinanciering: 15,
  detentie: 16,
  /** The school track of a pupil (shared by duo-onderwijs and duo-mbo-aanmeldingen). */
  onderwijs: 17,
  mboAanmelding: 18,
  wlz: 19,
  wmoJeugd: 20,
  schulden: 21,
  werkzoekende: 22,
  kadaster: 23,
  kvk: 24,
  vacature: 25,
  werkgevers: 26,
  organisaties: 27,
  onderwijsRegels: 28,
  mutaties: 29,
} as const
