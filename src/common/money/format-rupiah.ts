/**
 * An amount of whole rupiah as people read it, e.g. "Rp 1.500.000.000" (Indonesian thousands
 * separator), for messages. Takes the digit string (or bigint) the database holds; never a float.
 */
export function formatRupiah(amount: string | bigint): string {
  const value = typeof amount === 'bigint' ? amount : BigInt(amount);
  const sign = value < 0n ? '-' : '';
  const digits = (value < 0n ? -value : value).toString();
  return `${sign}Rp ${digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
