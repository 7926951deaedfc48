import GRDB

/// The schema of results.db. Migrations are named and never edited once shipped; a new schema is
/// a new migration appended here.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-runs") { db in
      try db.execute(sql: """
        CREATE TABLE run (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          started_at TEXT NOT NULL,
          finished_at TEXT NOT NULL,
          version TEXT NOT NULL,
          seed INTEGER NOT NULL,
          trials INTEGER,
          parameters TEXT NOT NULL,
          command_line TEXT NOT NULL
        );
        CREATE TABLE problem_result (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
          problem_id TEXT NOT NULL,
          title TEXT NOT NULL,
          status TEXT NOT NULL,
          parameters TEXT NOT NULL,
          answer_text TEXT,
          answer_latex TEXT,
          derivation_error TEXT,
          printed_text TEXT,
          printed_reading TEXT,
          printed_agrees INTEGER,
          seconds REAL NOT NULL
        );
        CREATE INDEX problem_result_run ON problem_result(run_id);
        CREATE TABLE check_outcome (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          problem_result_id INTEGER NOT NULL REFERENCES problem_result(id) ON DELETE CASCADE,
          check_id TEXT NOT NULL,
          kind TEXT NOT NULL,
          status TEXT NOT NULL,
          summary TEXT NOT NULL,
          params TEXT NOT NULL,
          expected TEXT NOT NULL,
          measured TEXT NOT NULL,
          measured_value REAL,
          standard_error REAL,
          tolerance TEXT NOT NULL,
          detail TEXT NOT NULL,
          stream_key TEXT NOT NULL,
          series TEXT NOT NULL,
          seconds REAL NOT NULL
        );
        CREATE INDEX check_outcome_problem ON check_outcome(problem_result_id);
        CREATE TABLE erratum (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          problem_result_id INTEGER NOT NULL REFERENCES problem_result(id) ON DELETE CASCADE,
          kind TEXT NOT NULL,
          message TEXT NOT NULL,
          location TEXT NOT NULL,
          evidence TEXT
        );
        CREATE TABLE note (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          problem_result_id INTEGER NOT NULL REFERENCES problem_result(id) ON DELETE CASCADE,
          text TEXT NOT NULL
        );
        """)
    }
    // v2: what a run ended with, how long it took, and benchmark runs with their timings.
    migrator.registerMigration("v2-run-kind-and-bench") { db in
      try db.execute(sql: """
        ALTER TABLE run ADD COLUMN kind TEXT NOT NULL DEFAULT 'verify';
        ALTER TABLE run ADD COLUMN exit_status INTEGER;
        ALTER TABLE run ADD COLUMN seconds REAL;
        CREATE TABLE bench_result (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
          measurement TEXT NOT NULL,
          threads INTEGER NOT NULL,
          median REAL NOT NULL,
          min REAL NOT NULL,
          max REAL NOT NULL,
          unit TEXT NOT NULL,
          n INTEGER NOT NULL
        );
        CREATE INDEX bench_result_run ON bench_result(run_id);
        """)
    }
    return migrator
  }
}
