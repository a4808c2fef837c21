import type { AppError, ErrorCode } from './bindings';

// Anything an invoke can reject with becomes an AppError whose message is fit to show a person.

// Every code the backend sends; listing them as a record makes tsc fail here when bindings.ts gains one.
const KNOWN_CODES = {
  not_found: true,
  unreadable: true,
  is_directory: true,
  empty: true,
  binary: true,
  too_large: true,
  // A PDF without a text layer, such as a scan.
  no_text: true,
  // A truncated or corrupt .docx, .pdf or zip, or a zip bomb.
  damaged: true,
  model_missing: true,
  model_corrupt: true,
  cancelled: true,
  unknown_document: true,
  // The history database failed; documents still open and summarise.
  history: true,
  io: true,
  internal: true,
} satisfies Record<ErrorCode, true>;

const CODES: ReadonlySet<string> = new Set(Object.keys(KNOWN_CODES));

export const GENERIC_MESSAGE = 'Something went wrong. Please try again.';

// Rust `{:?}` output such as `Io(Os { code: 2, .. })` or `Error { kind: NotFound }` means nothing to readers.
function looksLikeDebugOutput(text: string): boolean {
  return (
    /^[A-Z][A-Za-z0-9_]*(::[A-Za-z0-9_]+)*\s*[({]/.test(text) ||
    /[A-Za-z_]+\s*\{\s*[a-z_]+\s*:/.test(text) ||
    text.includes('[object ')
  );
}

function cleanMessage(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text === '' || looksLikeDebugOutput(text)) return null;
  return text;
}

export function toAppError(reason: unknown): AppError {
  if (typeof reason === 'string') {
    const text = reason.trim();
    if (text.startsWith('{')) {
      try {
        return toAppError(JSON.parse(text) as unknown);
      } catch {
        // Not JSON after all; treat as a plain message below.
      }
    }
    return { code: 'internal', message: cleanMessage(text) ?? GENERIC_MESSAGE };
  }
  if (typeof reason === 'object' && reason !== null) {
    const record = reason as Record<string, unknown>;
    const code = typeof record.code === 'string' && CODES.has(record.code) ? (record.code as ErrorCode) : 'internal';
    return { code, message: cleanMessage(record.message) ?? GENERIC_MESSAGE };
  }
  return { code: 'internal', message: GENERIC_MESSAGE };
}
