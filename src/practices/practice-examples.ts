/**
 * The demo's records that the OpenAPI examples of this module name (src/demo/demo-practices.ts
 * loads them with these fixed ids), so an example tried in Swagger UI finds its record.
 */
export const PRACTICE_EXAMPLE_IDS = {
  /** "Pojok Baca Kelas", published, from SDN Pelambuan 4's completed 2024 plan. */
  pojokBaca: '00000000-0000-4000-8000-0000b1000001',
  /** "Kelas Tanpa Perundungan", published, from SDN Pelambuan 4's 2025 competition entry. */
  kelasRamahAnak: '00000000-0000-4000-8000-0000b1000002',
  /** A practice of another school of the cohort, published from its 2025 competition entry. */
  otherSchool: '00000000-0000-4000-8000-0000b1000003',
  /** "Bank Sampah Kelas", SDN Pelambuan 4's draft: private to the school. */
  draft: '00000000-0000-4000-8000-0000b1000004',
  /** The sharing session hosted by SDN Pelambuan 4. */
  event: '00000000-0000-4000-8000-0000b2000001',
  /** SDN Pelambuan 4's completed 2024 plan and its literacy program. */
  plan2024: '00000000-0000-4000-8000-0000a1240000',
  plan2024Program: '00000000-0000-4000-8000-0000a1240001',
  /** A competition entry (random in the demo; listed in the demo-ids test's NOT_DEMO_RECORDS). */
  entry: '00000000-0000-4000-8000-000000000d01',
  school: '00000000-0000-4000-8000-000000000201',
  visitingSchool: '00000000-0000-4000-8000-000000000202',
  company: '00000000-0000-4000-8000-000000000101',
  /** SDN Guntung Manggis 1 Banjarbaru, a visitor of the demo's sharing session. */
  guntungManggis1: '00000000-0000-4000-8000-000000000206',
} as const;
