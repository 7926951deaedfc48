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
