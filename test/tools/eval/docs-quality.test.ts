import { describe, expect, it } from 'vitest';
import {
  isColonIntro,
  isDefinitionFragment,
  labelDefects,
} from '../../../tools/eval/docs-quality.js';

describe('the documentation defects the evaluation counts', () => {
  it('counts a sentence that ends with a colon as an intro, closing brackets aside', () => {
    expect(isColonIntro('Installation is done using the npm install command:')).toBe(true);
    expect(isColonIntro('Ajv implements the standards (draft-04 is supported in v6):')).toBe(true);
    expect(isColonIntro('The worker emits three events.')).toBe(false);
    expect(isColonIntro('No mistake is possible there anymore :)')).toBe(false);
  });

  it('counts a definition item whose explanation opens in lower case, and not an aside between dashes', () => {
    expect(isDefinitionFragment('"array" - in addition to coercions between scalar types.')).toBe(
      true,
    );
    expect(isDefinitionFragment('[String] - an array of unknown format names.')).toBe(true);
    expect(isDefinitionFragment('timeout: the delay before a job is stopped.')).toBe(true);
    expect(isDefinitionFragment('Mr Smith - the former minister - said he would resign.')).toBe(
      false,
    );
    expect(isDefinitionFragment('With required: true, an absent body fails validation.')).toBe(
      false,
    );
    expect(isDefinitionFragment('The worker stops a job that runs too long.')).toBe(false);
  });

  it('names the kind of every label no reader would write', () => {
    expect(labelDefects('b. Eg')).toContain('abbreviation');
    expect(labelDefects('SOFTWARE')).toEqual(expect.arrayContaining(['licence', 'allCaps']));
    expect(labelDefects('v0.8.0')).toContain('version');
    expect(labelDefects('chalk, world, underline')).toContain('commaList');
    expect(labelDefects('app.HTTP_METHOD')).toContain('codeToken');
    expect(labelDefects('hot src/index.ts')).toContain('codeToken');
    expect(labelDefects('x86_64-unknown-linux-gnu')).toContain('codeToken');
    expect(labelDefects('No. SQLite files')).toContain('abbreviation');
    expect(labelDefects('Terminal string styling')).toEqual([]);
    expect(labelDefects('Vite 4.3 is out')).toEqual([]);
    expect(labelDefects('Server-Side Rendering (SSR)')).toEqual([]);
  });
});
