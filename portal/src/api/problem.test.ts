import { describe, expect, it } from 'vitest';
import { fieldPathToFormName, toProblem } from './problem';

describe('problems to fields', () => {
  it('turns JSON paths into form field names', () => {
    expect(fieldPathToFormName('content.programs[0].activities[12].name')).toBe('content.programs.0.activities.12.name');
    expect(fieldPathToFormName('email')).toBe('email');
  });

  it('treats a failed fetch as a network problem', () => {
    const p = toProblem(new TypeError('Failed to fetch'));
    expect(p.isNetwork).toBe(true);
    expect(p.code).toBe('network_error');
  });
});
