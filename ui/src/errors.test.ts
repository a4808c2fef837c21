import { describe, expect, it } from 'vitest';
import { GENERIC_MESSAGE, toAppError } from './errors';

describe('toAppError', () => {
  it('keeps a backend AppError as it is', () => {
    expect(toAppError({ code: 'not_found', message: 'The file was not found.' })).toEqual({
      code: 'not_found',
      message: 'The file was not found.',
    });
  });

  it('reads an AppError sent as a JSON string', () => {
    expect(toAppError('{"code":"cancelled","message":"Cancelled."}')).toEqual({
      code: 'cancelled',
      message: 'Cancelled.',
    });
  });

  it('shows a plain string message', () => {
    expect(toAppError('The disk is full.')).toEqual({ code: 'internal', message: 'The disk is full.' });
  });

  it('never shows Rust debug output or [object Object]', () => {
    expect(toAppError('Io(Os { code: 2, kind: NotFound, message: "No such file" })').message).toBe(GENERIC_MESSAGE);
    expect(toAppError({ code: 'io', message: { nested: true } }).message).toBe(GENERIC_MESSAGE);
    expect(toAppError({}).message).toBe(GENERIC_MESSAGE);
    expect(toAppError(String({})).message).toBe(GENERIC_MESSAGE);
    expect(toAppError(undefined).message).toBe(GENERIC_MESSAGE);
  });

  it('keeps the codes for unreadable PDFs, damaged files and a failing history', () => {
    for (const code of ['no_text', 'damaged', 'history'] as const) {
      expect(toAppError({ code, message: 'Explained.' })).toEqual({ code, message: 'Explained.' });
    }
    expect(toAppError('{"code":"damaged","message":"The file is damaged."}').code).toBe('damaged');
  });

  it('maps unknown codes to internal', () => {
    expect(toAppError({ code: 'weird', message: 'Odd.' })).toEqual({ code: 'internal', message: 'Odd.' });
  });
});
