import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  isCptCode,
  isHcpcsCode,
  isIcd10,
  isModifier,
  isProcedureCode,
  isValidDate,
  normalizeIcd10,
} from '../../../server/src/engine/documents/codes';

test('isProcedureCode: CPT (five digits, four digits + F/T) and HCPCS (A-V + four digits)', () => {
  for (const ok of ['15773', '00100', '0489T', '3008F', 'Q2028', 'E0782', 'A0001', 'V9999']) assert.ok(isProcedureCode(ok), ok);
  for (const bad of ['1577', '157730', '0489t', 'q2028', 'W1234', 'Z0001', '1577T3', '15773-RT', '', ' 15773', 'QQ028'])
    assert.ok(!isProcedureCode(bad), bad);
  assert.ok(isCptCode('0489T') && !isHcpcsCode('0489T'));
  assert.ok(isHcpcsCode('Q2028') && !isCptCode('Q2028'));
});

test('isIcd10 / normalizeIcd10: [A-TV-Z][0-9][0-9A-Z](.[0-9A-Z]{1,4})?, dot optional, any case', () => {
  for (const ok of ['M34.0', 'M340', 'm34.0', 'M79.671', 'M79671', 'S72.001A', 'S72001A', 'Z99', 'A0B', 'T1Z.9'])
    assert.ok(isIcd10(ok), ok);
  for (const bad of ['U07.1', 'M3', 'M34.', 'M34.00000', 'M3400000', '3M4.0', 'MM4.0', 'M34-0', 'M34.0.1', '', 'M34..0'])
    assert.ok(!isIcd10(bad), bad);
  assert.equal(normalizeIcd10('m340'), 'M34.0');
  assert.equal(normalizeIcd10('M79671'), 'M79.671');
  assert.equal(normalizeIcd10('s72.001a'), 'S72.001A');
  assert.equal(normalizeIcd10('Z99'), 'Z99');
  assert.equal(normalizeIcd10('bad!'), 'BAD!', 'invalid codes are only upper-cased');
});

test('isModifier: exactly two letters or digits', () => {
  for (const ok of ['RT', 'lt', '59', 'F1']) assert.ok(isModifier(ok), ok);
  for (const bad of ['R', 'RTX', 'R-', '', '5 ']) assert.ok(!isModifier(bad), bad);
});

test('isValidDate: YYYY-MM-DD naming a real day', () => {
  for (const ok of ['2024-03-01', '2024-02-29', '2000-02-29', '1999-12-31', '0001-01-01']) assert.ok(isValidDate(ok), ok);
  for (const bad of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '0000-01-01', '2024-3-1', '2024/03/01', '20240301', '2024-03-01T00', ''])
    assert.ok(!isValidDate(bad), bad);
});
