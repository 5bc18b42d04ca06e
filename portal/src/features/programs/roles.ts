interface Viewer {
  me: { user: { role: string }; organization: { id: string } } | null;
  hasPermission(p: string): boolean;
}

/** The company's CSR officers run programs and partnerships here; everyone else reads (the API decides each change). */
export function canManagePrograms(s: Viewer): boolean {
  return s.me?.user.role === 'csr_officer' && s.hasPermission('programs:manage');
}

export function canManagePartnerships(s: Viewer): boolean {
  return s.me?.user.role === 'csr_officer' && s.hasPermission('partnerships:manage');
}
