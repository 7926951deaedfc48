extension Tolerance {
  /// The tolerance as JSON: `kind`, `value` (null for exact) and `reason`.
  public var json: JSONValue {
    .object([
      ("kind", .string(kind.rawValue)), ("value", value.map { .number($0) } ?? .null),
      ("reason", .string(reason)),
    ])
  }
}

extension Erratum {
  /// The erratum as JSON: kind, message, location, evidence, line, column, source.
  public var json: JSONValue {
    .object([
      ("kind", .string(kind.rawValue)), ("message", .string(message)),
      ("location", .string(location)), ("evidence", evidence.map { .string($0) } ?? .null),
      ("line", line.map { .integer($0) } ?? .null),
      ("column", column.map { .integer($0) } ?? .null),
      ("source", source.map { .string($0) } ?? .null),
    ])
  }
}

extension CheckOutcome {
  /// The check's parameters as a JSON object, in order.
  public var paramsJSON: JSONValue { .object(params.map { ($0.0, $0.1.json) }) }

  /// The outcome as JSON: ids, status, parameters, expected and measured values, standard error,
  /// tolerance, detail, stream key (a decimal string), seconds and series sorted by name.
  public var json: JSONValue {
    let m = measurement
    return .object([
      ("id", .string(id)), ("kind", .string(kind.rawValue)), ("status", .string(status.rawValue)),
      ("summary", .string(summary)), ("params", paramsJSON),
      ("expected", m.expected.json), ("measured", m.measured.json),
      ("standard_error", m.standardError.map { .number($0) } ?? .null),
      ("tolerance", m.tolerance.json), ("detail", .string(m.detail)),
      ("stream_key", .string(String(streamKey))), ("seconds", .number(seconds)),
      (
        "series",
        .object(
          m.series.sorted { $0.key < $1.key }
            .map { ($0.key, .array($0.value.map { .number($0) })) })
      ),
    ])
  }
}

extension ProbeOutcome {
  /// The outcome as JSON, with the same member names as `CheckOutcome.json` where they agree.
  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("summary", .string(summary)),
      ("params", .object(params.map { ($0.0, $0.1.json) })), ("detail", .string(result.detail)),
      ("stream_key", .string(String(streamKey))), ("seconds", .number(seconds)),
      (
        "series",
        .object(
          result.series.sorted { $0.key < $1.key }
            .map { ($0.key, .array($0.value.map { .number($0) })) })
      ),
    ])
  }
}

extension ProblemReport {
  /// The report as JSON: status, parameters sorted by name, derivation, answer, printed solution,
  /// errata, notes, checks, probes and seconds.
  public var json: JSONValue {
    let parametersJSON = JSONValue.object(
      parameters.values.sorted { $0.key < $1.key }
        .map { ($0.key, $0.value.asValue.json) })
    let answer: JSONValue =
      derivation.map { d in
        .object([
          ("text", .string(d.summary)), ("latex", .string(d.answer.latex)),
          ("typed", d.answer.json),
        ])
      } ?? .null
    let printed: JSONValue =
      audit.map { a in
        .object([
          ("text", .string(a.printed.quote)), ("location", .string(a.printed.location)),
          ("answer", a.printed.answer.map { .string($0) } ?? .null),
          ("reading", .string(a.reading)), ("agrees", .bool(a.agrees)),
          ("grade", a.grade?.json ?? .null),
        ])
      } ?? .null
    let members: [(String, JSONValue)] = [
      ("id", .string(id)), ("title", .string(title)), ("status", .string(status.rawValue)),
      ("question", .string(question)), ("parameters", parametersJSON),
      ("derivation", .array((derivation?.steps ?? []).map { .string($0.text) })),
      ("derivation_error", derivationError.map { .string($0) } ?? .null),
      ("answer", answer), ("printed", printed),
      ("errata", .array(errata.map(\.json))), ("notes", .array(notes.map { .string($0) })),
      ("checks", .array(outcomes.map(\.json))), ("probes", .array(probes.map(\.json))),
      ("seconds", .number(seconds)),
    ]
    return .object(members)
  }
}
