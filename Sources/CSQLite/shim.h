#ifndef KG_CSQLITE_SHIM_H
#define KG_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro Swift cannot import: bound text and blobs are copied by SQLite.
static inline sqlite3_destructor_type kg_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
