/** Injection keys of the persistence wiring that other modules use ("tokens" in this codebase are API tokens). */
export const CONFIGURATION = Symbol('CONFIGURATION');
/**
 * The SQLite file under DATA_DIR. With EVENT_STORE=sqlite it holds the log, the read models and the
 * API tokens; with postgres or kurrentdb only the read models (replay rebuilds them in place).
 */
export const SQLITE_DATABASE = Symbol('SQLITE_DATABASE');
