extension Tolerance {
  public var json: JSONValue {
    .object([("kind", .string(kind.rawValue)), ("value", value.map { .number($0) } ?? .null),
             ("reason", .string(reason))])
  }
}

extension Erratum {
  public var json: JSONValue {
    .object([("kind", .string(kind.rawValue)), ("message", .string(message)),
             ("location", .string(location)), ("evidence", evidence.map { .string($0) } ?? .null)])
  }
}

extension CheckOutcome {
  public var paramsJSON: JSONValue { .object(params.map { ($0.0, $0.1.json) }) }

  public var json: JSONValue {
    let m = measurement
    return .object([
      ("id", .string(id)), ("kind", .string(kind.rawValue)), ("status", .string(status.rawValue)),
      ("summary", .string(summary)), ("params", paramsJSON),
      ("expected", m.expected.json), ("measured", m.measured.json),
      ("standard_error", m.standardError.map { .number($0) } ?? .null),
      ("tolerance", m.tolerance.json), ("detail", .string(m.detail)),
      ("stream_key", .string(String(streamKey))), ("seconds", .number(seconds)),
      ("series", .object(m.series.sorted { $0.key < $1.key }
        .map { ($0.key, .array($0.value.map { .number($0) })) })),
    ])
  }
}

extension ProblemReport {
  public var json: JSONValue {
    .object([
      ("id", .string(id)), ("title", .string(title)), ("status", .string(status.rawValue)),
      ("question", .string(question)),
      ("parameters", .object(parameters.values.sorted { $0.key < $1.key }
        .map { ($0.key, $0.value.asValue.json) })),
      ("derivation", .array((derivation?.steps ?? []).map { .string($0.text) })),
      ("derivation_error", derivationError.map { .string($0) } ?? .null),
      ("answer", .object([("text", .string(derivation?.answer ?? "")),
                          ("latex", .string(derivation?.answerLatex ?? ""))])),
      ("printed", .object([("text", .string(audit?.printed.quote ?? "")),
                           ("reading", .string(audit?.reading ?? "")),
                           ("agrees", audit.map { .bool($0.agrees) } ?? .null)])),
      ("errata", .array(errata.map(\.json))),
      ("notes", .array(notes.map { .string($0) })),
      ("checks", .array(outcomes.map(\.json))),
      ("seconds", .number(seconds)),
    ])
  }
}
