# Shared by the benchmarks (sourced, not run): the sqlite3 CLI's load of a dataset written by
# `claimtrail generate`, so that every benchmark's peer loads the same rows the same way.

# Prints the SQL that loads the CSV files under $1/csv into a new store with the canonical schema:
# each table `.import`ed into a staging table, then inserted with empty cells as NULL, in one
# transaction, and the store stamped with the schema's version.
sqlite3_load_script() {
  local data=$1 table columns values
  cat schema/*.sql; echo ".mode csv"; echo "BEGIN;"
  for table in source speaker claim claim_relation attribution; do
    columns=$(head -n 1 "$data/csv/$table.csv" | tr -d '\r')
    echo ".import $data/csv/$table.csv staging_$table"
    values=$(sed -E 's/([a-z_0-9]+)/nullif(\1, '"''"')/g' <<<"$columns")
    if [ "$table" = attribution ]; then  # the timeline day, as claimtrail computes it on insert
      columns="$columns,seen_on"
      values="$values, coalesce(nullif(said_on, ''), (SELECT published FROM source WHERE id = staging_attribution.source_id))"
    fi
    echo "INSERT INTO $table ($columns) SELECT $values FROM staging_$table;"
    echo "DROP TABLE staging_$table;"
  done
  echo "COMMIT;"
  # The schema's version is the number of its last file (numbers may skip).
  echo "PRAGMA user_version = $((10#$(basename "$(ls schema/[0-9]*.sql | tail -n 1)" | cut -c1-3)));"
}
