// Generated from the Rust types in src-tauri/src/views.rs and brief-core; do not edit.
// `UPDATE_BINDINGS=1 cargo test -p brief-app bindings` writes it again.

export type Evidence = { sentence: number, start: number, end: number, };
export type PointKind = "sentence" | "written";
export type Check = "number" | "percent" | "date" | "name" | "quote" | "modality" | "evidence";
export type Issue = { check: Check, 
/**
 * A short sentence for the reader, e.g. `4,500 is not in the statement`.
 */
detail: string, };
export type KeyPoint = { text: string, evidence: Array<Evidence>, kind: PointKind, 
/**
 * What the faithfulness guard could not find in the original; empty when it passed
 * (always empty for a sentence of the original).
 */
issues: Array<Issue>, };
export type Timings = { embed_ms: number, rank_ms: number, 
/**
 * The writing model's time, for written key points.
 */
write_ms: number, 
/**
 * Written key points: from the start of writing to the first point shown.
 */
first_point_ms: number, 
/**
 * Key sentences: the whole summary. Written points: from the start of writing to the last
 * point (second tries included).
 */
total_ms: number, };
export type Summary = { doc_id: number, 
/**
 * RFC 3339, UTC: when this summary was made, if it was read back from the history
 * instead of computed now.
 */
stored_at: string | null, key_points: Array<KeyPoint>, 
/**
 * Key sentences, or written key points (which may include a key sentence the writing
 * model left out, marked as such).
 */
kind: PointKind, 
/**
 * Whether the number of points was chosen from the document's length.
 */
auto_count: boolean, model: string, timings_ms: Timings, };
export type DocumentView = { 
/**
 * Assigned by the app, unique per opened document.
 */
id: number, path: string, file_name: string, title: string | null, 
/**
 * `YYYY-MM-DD` if the statement states one.
 */
date: string | null, encoding: string, words: number, reading_minutes: number, 
/**
 * The sentences of the original; `Evidence.sentence` indexes into this.
 */
sentences: Array<string>, 
/**
 * Sentence indices per paragraph, in order.
 */
paragraphs: Array<Array<number>>, 
/**
 * The sentences that are section headings (shown as headings; never key points).
 */
headings: Array<number>, 
/**
 * Transcript asides and stage directions, "(Applause.)" (shown quietly).
 */
asides: Array<number>, 
/**
 * A sentence to show above the original, e.g. that this is the stored copy of a file
 * that is gone.
 */
notice: string | null, };
export type HistoryEntry = { id: number, path: string, file_name: string, title: string | null, date: string | null, 
/**
 * RFC 3339, UTC.
 */
opened_at: string, words: number, 
/**
 * A summary of its current content is stored.
 */
summarized: boolean, 
/**
 * Text around the search match, or null.
 */
snippet: string | null, };
export type ErrorCode = "not_found" | "unreadable" | "is_directory" | "empty" | "binary" | "too_large" | "model_missing" | "model_corrupt" | "cancelled" | "unknown_document" | "io" | "internal" | "no_text" | "damaged" | "history";
export type AppError = { code: ErrorCode, 
/**
 * A full sentence for the person; shown as it is.
 */
message: string, };
export type ProgressStage = "loading_model" | "embedding" | "ranking" | "loading_writer" | "writing";
export type Progress = { doc_id: number, stage: ProgressStage, done: number, total: number, };
export type WrittenPoint = { doc_id: number, index: number, point: KeyPoint, };
