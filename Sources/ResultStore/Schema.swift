import GRDB

/// The schema of results.db. Migrations are named and never edited once shipped; a new schema is
/// a new migration appended here.
enum Schema {
  static var migrator: DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1-runs") { db in
      try db.execute(
        sql: """
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
      try db.execute(
        sql: """
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
    // v3: what reports render without recomputing (the question, derivation, answer as LaTeX
    // and MathML, the printed solution's grade), located errata, probes, gradings, audits, and
    // the anchors' rows of a bench run beside psverify's (the tool that measured each row).
    migrator.registerMigration("v3-grades-audits-reports") { db in
      try db.execute(
        sql: """
          ALTER TABLE run ADD COLUMN machine TEXT;
          ALTER TABLE problem_result ADD COLUMN question TEXT;
          ALTER TABLE problem_result ADD COLUMN derivation_steps TEXT;
          ALTER TABLE problem_result ADD COLUMN answer_typed TEXT;
          ALTER TABLE problem_result ADD COLUMN answer_mathml TEXT;
          ALTER TABLE problem_result ADD COLUMN printed_answer TEXT;
          ALTER TABLE problem_result ADD COLUMN printed_location TEXT;
          ALTER TABLE problem_result ADD COLUMN printed_grade TEXT;
          ALTER TABLE erratum ADD COLUMN line INTEGER;
          ALTER TABLE erratum ADD COLUMN "column" INTEGER;
          ALTER TABLE erratum ADD COLUMN excerpt TEXT;
          ALTER TABLE erratum ADD COLUMN source TEXT;
          ALTER TABLE bench_result ADD COLUMN tool TEXT NOT NULL DEFAULT 'psverify';
          CREATE TABLE probe_outcome (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            problem_result_id INTEGER NOT NULL REFERENCES problem_result(id) ON DELETE CASCADE,
            probe_id TEXT NOT NULL,
            summary TEXT NOT NULL,
            params TEXT NOT NULL,
            detail TEXT NOT NULL,
            stream_key TEXT NOT NULL,
            series TEXT NOT NULL,
            seconds REAL NOT NULL
          );
          CREATE INDEX probe_outcome_problem ON probe_outcome(problem_result_id);
          CREATE TABLE submission (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            problem_id TEXT NOT NULL,
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reading TEXT,
            feedback TEXT NOT NULL,
            convention TEXT,
            issues TEXT NOT NULL,
            typed TEXT
          );
          CREATE INDEX submission_run ON submission(run_id);
          CREATE TABLE audited_document (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            problems INTEGER NOT NULL,
            notes TEXT NOT NULL
          );
          CREATE INDEX audited_document_run ON audited_document(run_id);
          CREATE TABLE audit_finding (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            document_id INTEGER NOT NULL REFERENCES audited_document(id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            message TEXT NOT NULL,
            line INTEGER NOT NULL,
            "column" INTEGER NOT NULL,
            problem TEXT,
            item TEXT,
            section TEXT NOT NULL,
            excerpt TEXT NOT NULL,
            evidence TEXT
          );
          CREATE INDEX audit_finding_document ON audit_finding(document_id);
          PRAGMA user_version = 3;
          """)
    }
    // v4: class gradings. A class run is a `run` of kind "class" with its rubric and source, one
    // row per student (a roster entry without a sheet, an unreadable sheet, or a graded one), and
    // a submission per student and problem carrying the points and the answer group's key.
    migrator.registerMigration("v4-class-gradings") { db in
      try db.execute(
        sql: """
          CREATE TABLE class_run (
            run_id INTEGER PRIMARY KEY REFERENCES run(id) ON DELETE CASCADE,
            source TEXT NOT NULL,
            rubric TEXT NOT NULL,
            problems TEXT NOT NULL,
            distinct_answers INTEGER NOT NULL
          );
          CREATE TABLE class_student (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            student TEXT NOT NULL,
            name TEXT NOT NULL,
            section TEXT NOT NULL,
            email TEXT NOT NULL,
            status TEXT NOT NULL,
            reason TEXT,
            notes TEXT NOT NULL,
            total REAL NOT NULL,
            maximum REAL NOT NULL,
            UNIQUE (run_id, student)
          );
          CREATE INDEX class_student_run ON class_student(run_id);
          ALTER TABLE submission ADD COLUMN student TEXT;
          ALTER TABLE submission ADD COLUMN points REAL;
          ALTER TABLE submission ADD COLUMN max_points REAL;
          ALTER TABLE submission ADD COLUMN group_key TEXT;
          """)
    }
    // v5: `psverify-serve`. A private token per student (and one staff token) from a roster
    // import, and every answer a student posts to the page, graded.
    migrator.registerMigration("v5-serve") { db in
      try db.execute(
        sql: """
          CREATE TABLE serve_credential (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            student TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            section TEXT NOT NULL,
            email TEXT NOT NULL,
            role TEXT NOT NULL CHECK (role IN ('student', 'staff')),
            token TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
          );
          CREATE TABLE serve_attempt (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            student TEXT NOT NULL,
            problem_id TEXT NOT NULL,
            variant TEXT,
            answer TEXT NOT NULL,
            verdict TEXT NOT NULL,
            reading TEXT,
            feedback TEXT NOT NULL,
            group_key TEXT NOT NULL,
            seed INTEGER NOT NULL,
            seconds REAL NOT NULL,
            at TEXT NOT NULL
          );
          CREATE INDEX serve_attempt_student ON serve_attempt(student, problem_id);
          """)
    }
    // v6: a roster imported with an assignment: each student's variant seeds per problem (JSON
    // {"problem": seed}), read from the assignment's recorded `variant-set` run at import.
    migrator.registerMigration("v6-serve-variants") { db in
      try db.execute(
        sql: """
          ALTER TABLE serve_credential ADD COLUMN assignment TEXT;
          ALTER TABLE serve_credential ADD COLUMN variants TEXT;
          """)
    }
    // v7: the line of the printed answer, which the text report shows beside it.
    migrator.registerMigration("v7-printed-answer-line") { db in
      try db.execute(sql: "ALTER TABLE problem_result ADD COLUMN printed_answer_line INTEGER")
    }
    return migrator
  }

  /// The `user_version` values psverify wrote: 0 before v3, 3 since.
  static let knownUserVersions: Set<Int> = [0, 3]

  /// The `user_version` the current schema sets.
  static let currentUserVersion = 3
}
