/**
 * An education office's jurisdiction is its region code: a province office ("63") covers the
 * province and every regency/city whose code starts with its two digits ("63.71"); a regency/city
 * office ("63.71") covers only itself.
 */
export function coversRegion(jurisdiction: string, regionCode: string | null): boolean {
  if (regionCode === null) return false;
  return regionCode === jurisdiction || regionCode.startsWith(`${jurisdiction}.`);
}

/** The same rule as {@link coversRegion}, as SQL over two region-code expressions. */
export function coversRegionSql(jurisdictionExpr: string, regionExpr: string): string {
  return `(${regionExpr} = ${jurisdictionExpr} OR ${regionExpr} LIKE ${jurisdictionExpr} || '.%')`;
}
