import { Permission, ROLE_PERMISSIONS, roleHas } from '../../src/common/auth/permissions';
import { ROLES } from '../../src/users/role';

describe('permissions table', () => {
  it('gives every role a row, and admins every permission', () => {
    for (const role of ROLES) expect(ROLE_PERMISSIONS[role]).toBeDefined();
    for (const p of Object.values(Permission)) expect(roleHas('admin', p)).toBe(true);
  });

  it('keeps user management and the audit log to admins', () => {
    for (const role of ROLES.filter((r) => r !== 'admin')) {
      expect(roleHas(role, Permission.UsersManage)).toBe(false);
      expect(roleHas(role, Permission.AuditRead)).toBe(false);
      expect(roleHas(role, Permission.ProfileRead)).toBe(true);
      expect(roleHas(role, Permission.OrganizationsManage)).toBe(false);
    }
  });
});
