/**
 * The forms of school–parent partnership a school records (after Epstein's six types of
 * involvement, as Indonesian schools practise them): parenting classes, the school committee
 * (komite sekolah) or parents' association (POMG) meeting, home visits, checking the home–school
 * communication book (buku penghubung), volunteering days, guidance for learning at home, joint
 * decisions and collaboration with the community.
 */
export const PARENT_ENGAGEMENT_KINDS = [
  'parenting_class',
  'school_committee_meeting',
  'home_visit',
  'communication_book_check',
  'volunteering_day',
  'learning_at_home_guidance',
  'joint_decision_making',
  'community_collaboration',
] as const;
export type ParentEngagementKind = (typeof PARENT_ENGAGEMENT_KINDS)[number];

type Text = { id: string; en: string };

/** Each kind's name in Bahasa Indonesia (as schools write it) and in English, with a line on what it is. */
export const PARENT_ENGAGEMENT_KIND_LABELS: Record<ParentEngagementKind, { label: Text; description: Text }> = {
  parenting_class: {
    label: { id: 'Kelas parenting', en: 'Parenting class' },
    description: { id: 'Pertemuan orang tua untuk belajar pola asuh dan mendampingi anak belajar', en: 'Parents meet to learn about parenting and supporting their child’s learning' },
  },
  school_committee_meeting: {
    label: { id: 'Rapat komite sekolah / POMG', en: 'School committee / parents’ association meeting' },
    description: { id: 'Rapat komite sekolah atau Persatuan Orang Tua Murid dan Guru (POMG)', en: 'Meeting of the school committee (komite sekolah) or the parents’ and teachers’ association (POMG)' },
  },
  home_visit: {
    label: { id: 'Kunjungan rumah', en: 'Home visit' },
    description: { id: 'Guru mengunjungi rumah siswa untuk berbincang dengan orang tua', en: 'Teachers visit a student’s home to talk with the parents' },
  },
  communication_book_check: {
    label: { id: 'Pemeriksaan buku penghubung', en: 'Communication book check' },
    description: { id: 'Guru dan orang tua saling menulis dan memeriksa buku penghubung', en: 'Teachers and parents write in and check the home–school communication book' },
  },
  volunteering_day: {
    label: { id: 'Hari relawan orang tua', en: 'Parent volunteering day' },
    description: { id: 'Orang tua membantu kegiatan sekolah, misalnya kerja bakti atau pojok baca', en: 'Parents help with school activities, e.g. a clean-up day or the reading corner' },
  },
  learning_at_home_guidance: {
    label: { id: 'Pendampingan belajar di rumah', en: 'Learning-at-home guidance' },
    description: { id: 'Panduan bagi orang tua untuk mendampingi anak belajar di rumah', en: 'Guidance for parents on helping their child learn at home' },
  },
  joint_decision_making: {
    label: { id: 'Pengambilan keputusan bersama', en: 'Joint decision making' },
    description: { id: 'Orang tua ikut memutuskan program atau anggaran sekolah', en: 'Parents take part in deciding the school’s programs or budget' },
  },
  community_collaboration: {
    label: { id: 'Kolaborasi dengan masyarakat', en: 'Community collaboration' },
    description: { id: 'Kegiatan bersama masyarakat sekitar, puskesmas, kelurahan atau perusahaan', en: 'Work with the neighbourhood, the health centre, the village office or companies nearby' },
  },
};

/** Whether `value` is one of the kinds. */
export function isParentEngagementKind(value: string): value is ParentEngagementKind {
  return (PARENT_ENGAGEMENT_KINDS as readonly string[]).includes(value);
}

/** Elementary-school grades a split of parents reached may name (SD: kelas 1–6). */
export const GRADES = [1, 2, 3, 4, 5, 6] as const;

/** Parents of one grade reached by an activity. */
export interface GradeCount {
  grade: number;
  parents: number;
}
