#include <sqlite3.h>

// sqlite3_db_config is variadic, and Swift cannot call C variadic functions: this is the one
// form claimtrail uses. Triggers stay off on this connection until turned on again.
static inline int csqlite_enable_triggers(sqlite3 *db, int enabled) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, enabled, (int *)0);
}
