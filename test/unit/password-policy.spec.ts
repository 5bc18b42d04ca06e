import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { isCommonPassword } from '../../src/auth/passwords';
import { AcceptInvitationDto } from '../../src/auth/dto/accept-invitation.dto';
import { CreateUserDto } from '../../src/users/dto/create-user.dto';

describe('password policy (OWASP ASVS 5, 6.2)', () => {
  it.each([
    'password',
    'PASSWORD',
    '  Password  ',
    '12345678',
    '        ',
    '123456789',
    'qwertyuiop',
    'qwertyui',
    'abcdefgh',
    'hgfedcba',
    '87654321',
    'aaaaaaaa',
    'abababab',
    '12341234',
    'password1',
    'Password123!',
    'iloveyou',
    'sayang123',
    'bismillah',
    'jakarta2026',
    'jalin',
    'Jalin2026',
    'trakindo',
    'Trakindo123',
    'jalinjalin',
    '1qaz2wsx',
    'p@ssw0rd',
    'Liverpool1',
    'doraemon123',
    'putri2005',
    'sayangkamu',
    'iloveyouiloveyou',
  ])('refuses %j', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['Jalin-Demo-2026', 'long enough', 'correct horse battery', 'kopi tubruk di pagi hari', 'Sekolah-Hebat-2025', 'eight chars plus'])(
    'accepts %j, even when it contains a common word',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );

  it("refuses the user's own email address or the part before its @, with or without the usual additions", () => {
    const email = 'budi.santoso@sdn1.sch.id';
    expect(isCommonPassword('budi.santoso', email)).toBe(true);
    expect(isCommonPassword('Budi.Santoso2026', email)).toBe(true);
    expect(isCommonPassword('budi.santoso@sdn1.sch.id', email)).toBe(true);
    expect(isCommonPassword('budi.santoso', 'ani@sdn1.sch.id')).toBe(false);
    expect(isCommonPassword('budi santoso mengajar di pagi hari', email)).toBe(false);
  });

  it('answers on the password field with the message in both languages, recommending a longer phrase', () => {
    const errors = validateSync(plainToInstance(AcceptInvitationDto, { token: 'abc', password: 'password' }));
    expect(errors).toHaveLength(1);
    expect(errors[0].property).toBe('password');
    expect(Object.keys(errors[0].constraints ?? {})).toEqual(['commonPassword']);
    const message = Object.values(errors[0].constraints ?? {})[0];
    expect(message).toContain('ini terlalu umum dan mudah ditebak; pilih frasa yang lebih panjang, misalnya tiga kata acak');
    expect(message).toContain('is too common and easy to guess');
  });

  it('accepts up to 128 characters and any characters, with no required mix', () => {
    const long = 'kata sandi yang panjang sekali '.repeat(5).slice(0, 128);
    expect(validateSync(plainToInstance(AcceptInvitationDto, { token: 'abc', password: long }))).toEqual([]);
    expect(validateSync(plainToInstance(AcceptInvitationDto, { token: 'abc', password: 'semua huruf kecil saja' }))).toEqual([]);
    expect(validateSync(plainToInstance(AcceptInvitationDto, { token: 'abc', password: '🔑 kunci rumah nenek' }))).toEqual([]);
    const tooLong = validateSync(plainToInstance(AcceptInvitationDto, { token: 'abc', password: `${long}x` }));
    expect(Object.keys(tooLong[0].constraints ?? {})).toContain('maxLength');
  });

  it("checks the new user's own email when an admin sets the password", () => {
    const dto = plainToInstance(CreateUserDto, {
      organizationId: '00000000-0000-4000-8000-000000000201',
      email: 'Siti.Rahma@sdn4.sch.id',
      fullName: 'Siti Rahma',
      role: 'principal',
      password: 'siti.rahma123',
    });
    const errors = validateSync(dto);
    expect(errors.map((e) => [e.property, Object.keys(e.constraints ?? {})])).toEqual([['password', ['commonPassword']]]);
  });
});
