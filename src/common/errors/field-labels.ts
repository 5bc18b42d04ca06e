import type { Lang } from './i18n';

type Label = Record<Lang, string>;

/**
 * What a person calls a request field, in both languages: looked up by the field's name within its
 * parent (`programs.name`, "the name of a program") and then by its own name (`npsn`). One table for
 * every DTO, so the same field reads the same everywhere; a field it does not know has no label.
 */
const IN_PARENT: Record<string, Label> = {
  'programs.name': { en: 'Program name', id: 'Nama program' },
  'programs.id': { en: 'Program', id: 'Program' },
  'activities.name': { en: 'Activity name', id: 'Nama kegiatan' },
  'activities.id': { en: 'Activity', id: 'Kegiatan' },
  'indicators.name': { en: 'Indicator name', id: 'Nama indikator' },
  'indicators.id': { en: 'Indicator', id: 'Indikator' },
  'indicators.unit': { en: 'Indicator unit', id: 'Satuan indikator' },
  'budgetLines.id': { en: 'Budget line', id: 'Baris anggaran' },
  'budgetLines.unit': { en: 'Unit', id: 'Satuan' },
  'budgetLines.standard': { en: 'Education standard (SNP)', id: 'Standar Nasional Pendidikan (SNP)' },
  'budgetLines.accountCode': { en: 'Account code (ARKAS)', id: 'Kode rekening (ARKAS)' },
  'budgetLines.spendingMonth': { en: 'Spending month', id: 'Bulan belanja' },
  'risks.id': { en: 'Risk', id: 'Risiko' },
  'lines.id': { en: 'Document line', id: 'Baris dokumen' },
  'lines.description': { en: 'Description', id: 'Uraian' },
  'lines.note': { en: 'Note', id: 'Catatan' },
  'teamMembers.name': { en: 'Team member name', id: 'Nama anggota tim' },
  'teamMembers.role': { en: 'Team member role', id: 'Peran anggota tim' },
  'participants.principal': { en: 'Principal (participants)', id: 'Kepala sekolah (peserta)' },
  'participants.teachers': { en: 'Teachers (participants)', id: 'Guru (peserta)' },
  'participants.educationStaff': { en: 'Education staff (participants)', id: 'Tenaga kependidikan (peserta)' },
  'participants.supervisors': { en: 'Supervisors (participants)', id: 'Pengawas (peserta)' },
  'participants.parents': { en: 'Parents (participants)', id: 'Orang tua (peserta)' },
  'attendeeCounts.principal': { en: 'Principal (attendees)', id: 'Kepala sekolah (hadir)' },
  'attendeeCounts.teachers': { en: 'Teachers (attendees)', id: 'Guru (hadir)' },
  'attendeeCounts.education_staff': { en: 'Education staff (attendees)', id: 'Tenaga kependidikan (hadir)' },
  'attendeeCounts.supervisor': { en: 'Supervisor (attendees)', id: 'Pengawas (hadir)' },
  'attendeeCounts.parents': { en: 'Parents (attendees)', id: 'Orang tua (hadir)' },
  'attendeeCounts.students': { en: 'Students (attendees)', id: 'Siswa (hadir)' },
  'workshop.date': { en: 'Workshop date', id: 'Tanggal lokakarya' },
  'parentsByGrade.grade': { en: 'Grade', id: 'Kelas' },
  'parentsByGrade.parents': { en: 'Parents of the grade', id: 'Orang tua di kelas ini' },
  'parentEngagement.kind': { en: 'Kind of parent engagement', id: 'Jenis pelibatan orang tua' },
  'parentEngagement.sessionsTarget': { en: 'Target sessions', id: 'Target jumlah kegiatan' },
  'parentEngagement.parentsTarget': { en: 'Target parents reached', id: 'Target orang tua terjangkau' },
  'parentEngagement.note': { en: 'Note', id: 'Catatan' },
  'parentEngagement.id': { en: 'Parent-engagement plan line', id: 'Baris rencana pelibatan orang tua' },
  'results.value': { en: 'Value reached', id: 'Nilai yang dicapai' },
  'results.unit': { en: 'Unit', id: 'Satuan' },
  'attendees.role': { en: 'Attendee role', id: 'Peran peserta' },
  'attendees.count': { en: 'Number of attendees', id: 'Jumlah peserta' },
};

const BY_NAME: Record<string, Label> = {
  // facilities support
  partnershipId: { en: 'Partnership', id: 'Kemitraan' },
  category: { en: 'Category', id: 'Kategori' },
  itemName: { en: 'Item', id: 'Nama barang' },
  value: { en: 'Value (Rp)', id: 'Nilai (Rp)' },
  supplier: { en: 'Supplier', id: 'Pemasok' },
  deliveredOn: { en: 'Delivery date', id: 'Tanggal pengiriman' },
  handoverNumber: { en: 'Handover record number', id: 'Nomor berita acara serah terima' },
  handedOverOn: { en: 'Handover date', id: 'Tanggal serah terima' },
  receivedBy: { en: 'Received by', id: 'Diterima oleh' },
  condition: { en: 'Condition', id: 'Kondisi' },
  checkedOn: { en: 'Check date', id: 'Tanggal pemeriksaan' },
  // parent engagement
  kind: { en: 'Kind', id: 'Jenis' },
  parentsReached: { en: 'Parents reached', id: 'Orang tua terjangkau' },
  parentsByGrade: { en: 'Parents by grade', id: 'Orang tua per kelas' },
  teachersInvolved: { en: 'Teachers involved', id: 'Guru yang terlibat' },
  year: { en: 'Year', id: 'Tahun' },
  parentEngagement: { en: 'Parent engagement', id: 'Pelibatan orang tua' },
  // plans
  title: { en: 'Title', id: 'Judul' },
  content: { en: 'Plan content', id: 'Isi rencana' },
  programYearId: { en: 'Program year', id: 'Tahun program' },
  schoolId: { en: 'School', id: 'Sekolah' },
  version: { en: 'Version', id: 'Versi' },
  workshop: { en: 'Planning workshop', id: 'Lokakarya perencanaan' },
  date: { en: 'Date', id: 'Tanggal' },
  facilitatorName: { en: 'Workshop facilitator', id: 'Fasilitator lokakarya' },
  participants: { en: 'Participants', id: 'Peserta' },
  reflectionNotes: { en: 'Reflection notes', id: 'Catatan refleksi' },
  needs: { en: 'Needs', id: 'Kebutuhan' },
  opportunities: { en: 'Opportunities', id: 'Peluang' },
  programs: { en: 'Programs', id: 'Program' },
  topic: { en: 'Topic', id: 'Topik' },
  background: { en: 'Background', id: 'Latar belakang' },
  goal: { en: 'Goal', id: 'Tujuan' },
  targetGroup: { en: 'Target group', id: 'Sasaran' },
  activities: { en: 'Activities', id: 'Kegiatan' },
  startMonth: { en: 'Start month', id: 'Bulan mulai' },
  endMonth: { en: 'End month', id: 'Bulan selesai' },
  personResponsible: { en: 'Person responsible', id: 'Penanggung jawab' },
  expectedOutput: { en: 'Expected output', id: 'Hasil yang diharapkan' },
  budgetLines: { en: 'Budget lines', id: 'Rincian anggaran' },
  item: { en: 'Budget item', id: 'Uraian anggaran' },
  unit: { en: 'Unit', id: 'Satuan' },
  quantity: { en: 'Quantity', id: 'Jumlah satuan' },
  unitCost: { en: 'Unit cost', id: 'Harga satuan' },
  total: { en: 'Total', id: 'Total' },
  fundingSource: { en: 'Funding source', id: 'Sumber dana' },
  indicators: { en: 'Success indicators', id: 'Indikator keberhasilan' },
  baseline: { en: 'Baseline', id: 'Nilai awal' },
  target: { en: 'Target', id: 'Target' },
  risks: { en: 'Risks', id: 'Risiko' },
  risk: { en: 'Risk', id: 'Risiko' },
  mitigation: { en: 'Mitigation', id: 'Mitigasi' },
  planningDocuments: { en: 'Planning documents', id: 'Dokumen perencanaan' },
  rkasReference: { en: 'RKAS reference', id: 'Rujukan RKAS' },
  rktReference: { en: 'RKT reference', id: 'Rujukan RKT' },
  lines: { en: 'Lines', id: 'Baris' },
  reference: { en: 'Reference', id: 'Rujukan' },
  document: { en: 'Document', id: 'Dokumen' },
  reason: { en: 'Reason', id: 'Alasan' },
  comment: { en: 'Comment', id: 'Komentar' },
  body: { en: 'Comment', id: 'Komentar' },
  fieldPath: { en: 'Commented field', id: 'Isian yang dikomentari' },
  parentId: { en: 'Comment replied to', id: 'Komentar yang dibalas' },
  userId: { en: 'User', id: 'Pengguna' },
  status: { en: 'Status', id: 'Status' },
  note: { en: 'Note', id: 'Catatan' },
  notes: { en: 'Notes', id: 'Catatan' },
  evidenceDocumentId: { en: 'Evidence file', id: 'Berkas bukti' },
  achievedValue: { en: 'Achieved value', id: 'Nilai yang dicapai' },
  // expense reports
  planId: { en: 'Plan', id: 'Rencana' },
  trancheNumber: { en: 'Tranche', id: 'Tahap pencairan' },
  budgetLineId: { en: 'Budget line', id: 'Baris anggaran' },
  lineId: { en: 'Expense line', id: 'Baris pengeluaran' },
  description: { en: 'Description', id: 'Uraian' },
  amount: { en: 'Amount', id: 'Jumlah' },
  spentOn: { en: 'Date spent', id: 'Tanggal pembelanjaan' },
  review: { en: 'Review', id: 'Tinjauan' },
  decision: { en: 'Decision', id: 'Keputusan' },
  // grants
  awardedAmount: { en: 'Amount awarded', id: 'Nilai hibah' },
  fundedBudgetLineIds: { en: 'Funded budget lines', id: 'Baris anggaran yang didanai' },
  returnedAmount: { en: 'Amount returned', id: 'Jumlah yang dikembalikan' },
  carriedOverAmount: { en: 'Amount carried over', id: 'Jumlah yang dialihkan' },
  disbursedOn: { en: 'Disbursement date', id: 'Tanggal pencairan' },
  // competition entries
  categoryId: { en: 'Category', id: 'Kategori' },
  planProgramId: { en: 'Plan program', id: 'Program dalam rencana' },
  summary: { en: 'Summary', id: 'Ringkasan' },
  teamMembers: { en: 'Team members', id: 'Anggota tim' },
  role: { en: 'Role', id: 'Peran' },
  // organisation profile and contacts
  name: { en: 'Name', id: 'Nama' },
  npsn: { en: 'NPSN', id: 'NPSN' },
  schoolLevel: { en: 'School level', id: 'Jenjang sekolah' },
  ownership: { en: 'Ownership', id: 'Status kepemilikan' },
  officeLevel: { en: 'Office level', id: 'Tingkat dinas' },
  sector: { en: 'Sector', id: 'Sektor' },
  regionCode: { en: 'Region', id: 'Wilayah' },
  districtCode: { en: 'District (kecamatan)', id: 'Kecamatan' },
  address: { en: 'Address', id: 'Alamat' },
  principalName: { en: "Principal's name", id: 'Nama kepala sekolah' },
  studentCount: { en: 'Number of students', id: 'Jumlah siswa' },
  teacherCount: { en: 'Number of teachers', id: 'Jumlah guru' },
  archived: { en: 'Archived', id: 'Diarsipkan' },
  email: { en: 'Email', id: 'Email' },
  phone: { en: 'Phone', id: 'Telepon' },
  position: { en: 'Position', id: 'Jabatan' },
  isPrimary: { en: 'Main contact', id: 'Kontak utama' },
  password: { en: 'Password', id: 'Kata sandi' },
  fullName: { en: 'Full name', id: 'Nama lengkap' },
  organizationId: { en: 'Organisation', id: 'Organisasi' },
  // mentoring
  assignmentId: { en: 'Mentoring assignment', id: 'Penugasan pendampingan' },
  heldOn: { en: 'Session date', id: 'Tanggal sesi' },
  durationMinutes: { en: 'Duration (minutes)', id: 'Durasi (menit)' },
  mode: { en: 'Mode', id: 'Cara' },
  attendeeUserIds: { en: 'Attendees', id: 'Peserta hadir' },
  attendeeCounts: { en: 'Number of attendees', id: 'Jumlah yang hadir' },
  facilitatorUserId: { en: 'Facilitator', id: 'Fasilitator' },
  dueDate: { en: 'Due date', id: 'Tenggat' },
  principal: { en: 'Principal', id: 'Kepala sekolah' },
  teachers: { en: 'Teachers', id: 'Guru' },
  educationStaff: { en: 'Education staff', id: 'Tenaga kependidikan' },
  education_staff: { en: 'Education staff', id: 'Tenaga kependidikan' },
  supervisors: { en: 'Supervisors', id: 'Pengawas' },
  supervisor: { en: 'Supervisor', id: 'Pengawas' },
  parents: { en: 'Parents', id: 'Orang tua' },
  students: { en: 'Students', id: 'Siswa' },
  // practices and horizontal-learning events
  whatWasDone: { en: 'What was done', id: 'Yang dilakukan' },
  results: { en: 'Results', id: 'Hasil' },
  indicator: { en: 'Indicator', id: 'Indikator' },
  sourcePlanId: { en: 'Source plan', id: 'Rencana asal' },
  sourcePlanProgramId: { en: 'Program of the source plan', id: 'Program rencana asal' },
  sourceEntryId: { en: 'Source competition entry', id: 'Karya kompetisi asal' },
  entryId: { en: 'Competition entry', id: 'Karya kompetisi' },
  q: { en: 'Search words', id: 'Kata pencarian' },
  place: { en: 'Place', id: 'Tempat' },
  visitingSchoolIds: { en: 'Visiting schools', id: 'Sekolah tamu' },
  visitingCompanyIds: { en: 'Visiting companies', id: 'Perusahaan tamu' },
  practiceIds: { en: 'Practices shown', id: 'Praktik baik yang ditampilkan' },
  attendees: { en: 'Attendees', id: 'Peserta' },
  hostSchoolId: { en: 'Host school', id: 'Sekolah tuan rumah' },
  practiceId: { en: 'Good practice', id: 'Praktik baik' },
};

/** The segments of a JSON path without positions: `content.programs[0].name` → content, programs, name. */
function segments(path: string): string[] {
  return path
    .replace(/\[\d+\]/g, '')
    .split('.')
    .filter((s) => s.length > 0);
}

/**
 * A message in a person's words: one that starts with the field's JSON path ("schoolId names no
 * school…") starts with its label instead ("School names no school…"); others are left as they are.
 */
export function labelled(message: string, field: string, label: string | undefined): string {
  if (!label || !message.startsWith(`${field} `)) return message;
  return `${label}${message.slice(field.length)}`;
}

/** The label of a request field by its JSON path, in both languages, or undefined when it has none. */
export function fieldLabel(path: string): Label | undefined {
  const parts = segments(path);
  const own = parts[parts.length - 1];
  if (own === undefined) return undefined;
  const parent = parts[parts.length - 2];
  if (parent !== undefined) {
    const inParent = IN_PARENT[`${parent}.${own}`];
    if (inParent) return inParent;
  }
  return Object.prototype.hasOwnProperty.call(BY_NAME, own) ? BY_NAME[own] : undefined;
}
